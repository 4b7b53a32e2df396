"""A code generator's default introspection sees deprecated arguments too."""

import pytest
from graphql import build_client_schema, get_introspection_query

# graphql-js's default query: it does not ask for deprecated input values.
DEFAULT_INTROSPECTION = get_introspection_query(descriptions=True)
ARGUMENTS_STOREFRONTS_SEND = [
    ("Query", "products", "filter"),
    ("Category", "products", "filter"),
    ("Collection", "products", "filter"),
    ("Mutation", "checkoutAddPromoCode", "checkoutId"),
    ("Mutation", "checkoutRemovePromoCode", "checkoutId"),
]


@pytest.fixture
def introspected(api):
    answer = api(DEFAULT_INTROSPECTION)
    return answer, build_client_schema(answer["data"])


@pytest.mark.parametrize(("type_name", "field", "argument"), ARGUMENTS_STOREFRONTS_SEND)
def test_default_introspection_lists_a_deprecated_argument(
    introspected, type_name, field, argument
):
    _, schema = introspected

    assert argument in schema.get_type(type_name).fields[field].args


def test_a_listed_deprecated_argument_keeps_its_reason(api):
    query = """{ __type(name: "Query") { fields { name args {
      name isDeprecated deprecationReason } } } }"""

    fields = api(query)["data"]["__type"]["fields"]

    products = next(field for field in fields if field["name"] == "products")
    assert {
        "name": "filter",
        "isDeprecated": True,
        "deprecationReason": "Use `where` filter instead.",
    } in products["args"]


def test_asking_not_to_include_deprecated_arguments_leaves_them_out(api):
    query = """{ __type(name: "Query") { fields { name
      args(includeDeprecated: false) { name } } } }"""

    fields = api(query)["data"]["__type"]["fields"]

    products = next(field for field in fields if field["name"] == "products")
    assert "filter" not in {arg["name"] for arg in products["args"]}
    assert "where" in {arg["name"] for arg in products["args"]}
