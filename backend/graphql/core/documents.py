"""Parsed and validated query documents, kept per process.

Storefronts send the same few query texts over and over; parsing one and
checking it against graphql-core's rules costs more than resolving a page
of products' names. Both depend on the text alone (and the schema, fixed
for the process), so they are done once per text. The rules that read the
variables (the query limits) still run on every request.
"""

import functools

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, validate
from graphql.validation import specified_rules

# Longer texts are parsed every time, so a crafted flood of large unique
# queries cannot fill a worker's memory.
CACHED_QUERY_MAX_CHARS = 20_000
CACHED_DOCUMENTS = 256


def parsed_document(query: str) -> DocumentNode:
    """Return the document of a query text; raise GraphQLError if invalid."""
    if len(query) > CACHED_QUERY_MAX_CHARS:
        return parse(query)
    return _cached_parse(query)


@functools.lru_cache(maxsize=CACHED_DOCUMENTS)
def _cached_parse(query: str) -> DocumentNode:
    # A syntax error raises, and lru_cache keeps no failures.
    return parse(query)


def specified_rule_errors(
    schema: GraphQLSchema, document: DocumentNode, max_errors: int | None
) -> list[GraphQLError]:
    """Return the errors of graphql-core's own rules, once per document."""
    key = id(document)
    cached = _RULE_ERRORS.get(key)
    if cached is not None and cached[0] is document:
        return cached[1]
    errors = validate(schema, document, specified_rules, max_errors)
    if len(_RULE_ERRORS) >= CACHED_DOCUMENTS * 2:
        _RULE_ERRORS.clear()
    # The entry holds its document, so its id is not reused while cached.
    _RULE_ERRORS[key] = (document, errors)
    return errors


_RULE_ERRORS: dict[int, tuple[DocumentNode, list[GraphQLError]]] = {}
