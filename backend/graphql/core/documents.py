"""Parsed and validated query documents, kept per process.

Storefronts send the same few query texts over and over; parsing one and
checking it against graphql-core's rules costs more than resolving a page
of products' names. Both depend on the text alone (and the schema, fixed
for the process), so they are done once per text. The rules that read the
variables (the query limits) still run on every request.
"""

import functools

from django.conf import settings
from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, validate
from graphql.validation import specified_rules

# Storefront operations with their fragments run to a few kB. Longer texts
# are parsed every time, and at most this many documents are kept, so a
# flood of large unique queries cannot fill a worker's memory (a 10 kB text
# parses to roughly 100-200 kB of nodes).
CACHED_QUERY_MAX_CHARS = 10_000
CACHED_DOCUMENTS = 128


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
