"""Parsed and validated query documents, kept per process.

Storefronts send the same few query texts over and over; parsing one and
checking it against graphql-core's rules costs more than resolving a page
of products' names. Both depend on the text alone (and the schema, fixed
for the process), so they are done once per text. The rules that read the
variables (the query limits) are kept per text and the values of the few
variables they read (``limit_errors``).
"""

import functools
import json

from django.conf import settings
from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, validate
from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    OperationDefinitionNode,
    VariableNode,
)
from graphql.validation import specified_rules

from .limits import QueryLimits, query_limits_rule
from .nul_characters import NoNulCharactersRule
from .query_cost import PAGE_ARGUMENTS

# Storefront operations with their fragments run to a few kB. Longer texts
# are parsed every time, and at most this many documents are kept, so a
# flood of large unique queries cannot fill a worker's memory (a 10 kB text
# parses to roughly 100-200 kB of nodes).
CACHED_QUERY_MAX_CHARS = 10_000
CACHED_DOCUMENTS = 128
# Limit checks kept: per text and page-size/@include values, a few a text.
CACHED_LIMIT_ANSWERS = 512


def parsed_document(query: str) -> DocumentNode:
    """Return the document of a query text; raise GraphQLError if invalid.

    A text of more than ``GRAPHQL_MAX_QUERY_TOKENS`` tokens is a syntax
    error: graphql-core's rules take time that grows with the square of
    the fields a selection repeats, seconds for a 64 kB text of one field.
    """
    if len(query) > CACHED_QUERY_MAX_CHARS:
        return _parse(query)
    return _cached_parse(query)


def _parse(query: str) -> DocumentNode:
    return parse(query, max_tokens=settings.GRAPHQL_MAX_QUERY_TOKENS)


# A syntax error raises, and lru_cache keeps no failures.
_cached_parse = functools.lru_cache(maxsize=CACHED_DOCUMENTS)(_parse)


def checked_document(
    schema: GraphQLSchema, query: str, max_errors: int | None
) -> tuple[DocumentNode, list[GraphQLError]]:
    """Return the document and the errors of graphql-core's own rules.

    Raise GraphQLError for a syntax error.
    """
    if len(query) > CACHED_QUERY_MAX_CHARS:
        return _check(schema, query, max_errors)
    return _cached_check(schema, query, max_errors)


def _check(schema, query, max_errors):
    document = parsed_document(query)
    return document, validate(schema, document, specified_rules, max_errors)


_cached_check = functools.lru_cache(maxsize=CACHED_DOCUMENTS)(_check)


def limit_errors(
    schema: GraphQLSchema,
    document: DocumentNode,
    query: str,
    variables,
    limits: QueryLimits,
    max_errors: int | None,
) -> list[GraphQLError]:
    """Return the errors of the rules that read the request: limits, NUL literals.

    The limits read only the variables a page size (``first``/``last``) or a
    ``@skip``/``@include`` names, so the answer is kept per text, limits and
    those variables' values: a storefront sending one mutation with a new
    checkout id each time has it checked once.
    """
    variables = variables if isinstance(variables, dict) else {}
    if len(query) > CACHED_QUERY_MAX_CHARS:
        return _limit_errors(schema, document, variables, limits, max_errors)
    read = {
        name: variables[name] for name in _cost_variables(query) if name in variables
    }
    try:
        key = json.dumps(read, sort_keys=True)
    except (TypeError, ValueError):  # pragma: no cover - decoded JSON always dumps
        return _limit_errors(schema, document, variables, limits, max_errors)
    return _cached_limit_errors(schema, query, key, limits, max_errors)


def _limit_errors(schema, document, variables, limits, max_errors):
    rules = [query_limits_rule(variables, limits), NoNulCharactersRule]
    return validate(schema, document, rules, max_errors)


@functools.lru_cache(maxsize=CACHED_LIMIT_ANSWERS)
def _cached_limit_errors(schema, query, key, limits, max_errors):
    document = parsed_document(query)
    return _limit_errors(schema, document, json.loads(key), limits, max_errors)


@functools.lru_cache(maxsize=CACHED_DOCUMENTS)
def _cost_variables(query: str) -> frozenset[str]:
    """Name the variables the cost of a query text can depend on."""
    names = set()
    pending = [
        definition.selection_set
        for definition in parsed_document(query).definitions
        if isinstance(definition, OperationDefinitionNode | FragmentDefinitionNode)
    ]
    while pending:
        for selection in pending.pop().selections:
            arguments = [
                argument
                for directive in selection.directives or ()
                for argument in directive.arguments
            ]
            if isinstance(selection, FieldNode):
                arguments += [
                    argument
                    for argument in selection.arguments
                    if argument.name.value in PAGE_ARGUMENTS
                ]
            names.update(
                argument.value.name.value
                for argument in arguments
                if isinstance(argument.value, VariableNode)
            )
            if getattr(selection, "selection_set", None) is not None:
                pending.append(selection.selection_set)
    return frozenset(names)
