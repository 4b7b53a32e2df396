"""The GraphQL schema served at /graphql/ (Saleor-compatible)."""

import graphene

from .core.deprecated_inputs import list_deprecated_input_values
from .core.directives import SCHEMA_DIRECTIVES
from .mutation_root import Mutation
from .query_root import EXTRA_TYPES, Query

schema = graphene.Schema(
    query=Query, mutation=Mutation, types=EXTRA_TYPES, directives=SCHEMA_DIRECTIVES
)
list_deprecated_input_values()
