"""Each query text is parsed and checked once per process, within bounds."""

from backend.graphql.api import schema
from backend.graphql.core.documents import CACHED_QUERY_MAX_CHARS, checked_document

SCHEMA = schema.graphql_schema


def test_a_repeated_query_text_is_parsed_and_checked_once():
    query = "{ products(first: 1) { edges { node { name } } } }"

    first = checked_document(SCHEMA, query, None)
    second = checked_document(SCHEMA, query, None)

    assert second[0] is first[0]
    assert first[1] == []


def test_a_query_breaking_graphql_rules_keeps_its_errors():
    document, errors = checked_document(SCHEMA, "{ products { nope } }", None)

    assert [error.message for error in errors] == [
        "Cannot query field 'nope' on type 'ProductCountableConnection'."
    ]


def test_a_long_query_text_is_not_kept():
    padding = "#" * CACHED_QUERY_MAX_CHARS + "\n"
    query = padding + "{ products(first: 1) { edges { node { name } } } }"

    first, _ = checked_document(SCHEMA, query, None)
    second, _ = checked_document(SCHEMA, query, None)

    assert second is not first
