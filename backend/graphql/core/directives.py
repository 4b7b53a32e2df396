"""The directives the schema declares, as clients' GraphQL libraries read them.

graphql-core 3.2.14 lets ``@deprecated`` stand on a directive definition too
(a draft of the spec); graphql-js 16, which Saleor's storefront's codegen
uses, refuses ``DIRECTIVE_DEFINITION`` there when it reads the schema back
from introspection. Saleor's server declares the four locations of the
October 2021 spec, and so does Lumbar's.
"""

from graphql import (
    DirectiveLocation,
    GraphQLDeprecatedDirective,
    GraphQLDirective,
    specified_directives,
)

DEPRECATED_LOCATIONS = (
    DirectiveLocation.FIELD_DEFINITION,
    DirectiveLocation.ARGUMENT_DEFINITION,
    DirectiveLocation.INPUT_FIELD_DEFINITION,
    DirectiveLocation.ENUM_VALUE,
)

DeprecatedDirective = GraphQLDirective(
    name=GraphQLDeprecatedDirective.name,
    locations=DEPRECATED_LOCATIONS,
    args=GraphQLDeprecatedDirective.args,
    description=GraphQLDeprecatedDirective.description,
)

SCHEMA_DIRECTIVES = tuple(
    DeprecatedDirective if directive.name == DeprecatedDirective.name else directive
    for directive in specified_directives
)
