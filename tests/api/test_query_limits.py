"""/graphql/ holds every request to Saleor's limits before anything runs.

A breach is a GraphQL error with HTTP 400, no data, Saleor's
``extensions.exception.code``, and not one SQL query (no resolver ran).
"""

import json

import pytest

from backend.checkout.models import Checkout
from tests.api.raw_requests import post, refusal

pytestmark = pytest.mark.django_db


VARIANT_PAGES = """
query($first: Int) {
  products(first: $first, channel: "default-channel") {
    edges { node { productVariants(first: 100) { edges { node { id } } } } }
  }
}
"""


def test_a_query_over_the_maximum_cost_is_refused_with_saleors_message(
    client, django_assert_num_queries
):
    # Each page costs 100 × (1 + edges 1 + node 1 + 100 variants × 3) =
    # 30,300; two of them breach the limit of 50,000.
    page = (
        'products(first: $first, channel: "default-channel") '
        "{ edges { node { productVariants(first: 100) { edges { node { id } } } } } }"
    )
    query = f"query($first: Int) {{ a: {page} b: {page} }}"

    with django_assert_num_queries(0):
        errors = refusal(post(client, query, {"first": 100}))

    assert errors == [
        {
            "message": "The query exceeds the maximum cost of 50000. "
            "Actual cost is 60600",
            "extensions": {
                "exception": {"code": "QueryCostError"},
                "cost": {"requestedQueryCost": 60600, "maximumAvailable": 50000},
            },
        }
    ]


def test_the_cost_uses_the_page_size_the_variables_ask_for(client, settings):
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 1000

    small = post(client, VARIANT_PAGES, {"first": 3})
    large = refusal(post(client, VARIANT_PAGES, {"first": 4}))

    # 3 × (3 + 300) = 909 passes; 4 × 303 = 1,212 does not.
    assert small.status_code == 200
    assert "data" in small.json()
    assert large[0]["extensions"]["cost"]["requestedQueryCost"] == 1212


def test_a_variable_left_out_costs_its_default_or_the_page_size_limit(client, settings):
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 1000
    with_default = VARIANT_PAGES.replace("$first: Int)", "$first: Int = 2)")

    assert "data" in post(client, with_default).json()
    errors = refusal(post(client, VARIANT_PAGES))
    assert errors[0]["extensions"]["cost"]["requestedQueryCost"] == 30300


def test_a_fragment_bomb_is_costed_without_expanding_it(client):
    # Each fragment spreads the previous one ten times: 10^8 categories.
    fragments = ["fragment F0 on Category { id name }"]
    for level in range(1, 9):
        spreads = " ".join(f"...F{level - 1}" for _ in range(10))
        fragments.append(
            f"fragment F{level} on Category {{ children(first: 1) "
            f"{{ edges {{ node {{ {spreads} }} }} }} }}"
        )
    query = '{ category(slug: "x") { ...F8 } }\n' + "\n".join(fragments)

    errors = refusal(post(client, query))

    assert errors[0]["extensions"]["exception"]["code"] == "QueryCostError"


def test_a_query_nested_deeper_than_the_limit_is_refused(client, settings):
    settings.GRAPHQL_MAX_QUERY_DEPTH = 3
    query = '{ category(slug: "x") { parent { parent { name } } } }'

    errors = refusal(post(client, query))

    assert errors == [
        {
            "message": "The query exceeds the maximum depth of 3. Actual depth is 4",
            "extensions": {"exception": {"code": "QueryDepthError"}},
        }
    ]


def test_a_query_at_the_depth_limit_runs(client, settings):
    settings.GRAPHQL_MAX_QUERY_DEPTH = 3

    response = post(client, '{ category(slug: "x") { parent { name } } }')

    assert response.json() == {"data": {"category": None}}


def test_graphiqls_introspection_query_fits_the_default_limits(client):
    from graphql import get_introspection_query

    query = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
    )

    response = post(client, query)

    assert response.status_code == 200
    assert "errors" not in response.json()


def test_more_aliases_than_the_limit_are_refused_as_saleor_does(client, settings):
    settings.GRAPHQL_ALIAS_COUNT_LIMIT = 2
    query = "{ a: __typename b: __typename c: __typename }"

    errors = refusal(post(client, query))

    assert errors == [
        {
            "message": "Number of aliases exceed the limit of 2",
            "extensions": {"exception": {"code": "GraphQLError"}},
        }
    ]


def test_aliases_in_fragments_count_too(client, settings):
    settings.GRAPHQL_ALIAS_COUNT_LIMIT = 2
    query = "{ a: __typename ...F } fragment F on Query { b: __typename c: __typename }"

    errors = refusal(post(client, query))

    assert errors[0]["message"] == "Number of aliases exceed the limit of 2"


def test_more_mutations_than_the_limit_are_refused_and_none_runs(
    client, settings, channel
):
    settings.GRAPHQL_MUTATION_COUNT_LIMIT = 2
    create = (
        f'checkoutCreate(input: {{channel: "{channel.slug}", lines: []}}) '
        "{ checkout { id } }"
    )
    query = "mutation { " + " ".join(f"{name}: {create}" for name in "abc") + " }"

    errors = refusal(post(client, query))

    assert errors == [
        {
            "message": "Number of mutations exceed the limit of 2",
            "extensions": {"exception": {"code": "GraphQLError"}},
        }
    ]
    assert Checkout.objects.count() == 0


def test_mutations_spread_from_fragments_and_operations_all_count(client, settings):
    settings.GRAPHQL_MUTATION_COUNT_LIMIT = 2
    query = """
    mutation A { tokenVerify(token: "x") { isValid } ...M }
    mutation B { tokenVerify(token: "y") { isValid } }
    fragment M on Mutation { tokenRefresh(refreshToken: "x") { token } }
    """

    errors = refusal(post(client, query, None))

    assert errors[0]["message"] == "Number of mutations exceed the limit of 2"


def test_a_query_text_over_the_size_limit_is_refused_before_parsing(client, settings):
    settings.GRAPHQL_MAX_QUERY_BYTES = 100
    query = "{ __typename }" + " " * 100

    errors = refusal(post(client, query))

    assert errors == [
        {
            "message": "The query exceeds the maximum size of 100 bytes. "
            "Actual size is 114 bytes",
            "extensions": {"exception": {"code": "QueryTooLarge"}},
        }
    ]


@pytest.mark.parametrize(
    "query",
    [
        "{ ...Missing }",
        "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
        "fragment A on Query { ...A } { ...A }",
        '{ category(slug: "x") { ... on Nothing { id } } }',
        "{ " * 300 + "}" * 300,
        "mutation { nope }",
        "subscription { nope }",
    ],
    ids=[
        "unknown fragment",
        "fragment cycle",
        "self-spread",
        "unknown type condition",
        "deep nesting",
        "unknown mutation",
        "no subscriptions",
    ],
)
def test_malformed_documents_get_errors_with_a_code_not_a_server_error(client, query):
    errors = refusal(post(client, query))

    assert errors
    assert all(error["extensions"]["exception"]["code"] for error in errors)


def test_a_query_that_is_not_text_gets_an_error_not_a_server_error(client):
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": 5, "variables": [1]}),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["exception"]["code"]


def test_pagination_over_one_hundred_is_refused_with_saleors_message(client, channel):
    response = post(
        client,
        "query($channel: String) "
        "{ products(first: 101, channel: $channel) { totalCount } }",
        {"channel": channel.slug},
    )

    body = response.json()
    assert body["data"] == {"products": None}
    assert body["errors"][0]["message"] == (
        "Requesting 101 records on the `products` connection exceeds the "
        "`first` limit of 100 records."
    )
    assert body["errors"][0]["extensions"] == {"exception": {"code": "GraphQLError"}}


def test_a_page_size_refused_after_the_same_text_passed_is_still_refused(
    client, settings
):
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 1000
    named = VARIANT_PAGES.replace("query($first", "query Pages($first")

    for _ in range(2):  # the second answer comes from the kept check
        assert "data" in post(client, named, {"first": 3}).json()
    errors = refusal(post(client, named, {"first": 4}))

    assert errors[0]["extensions"]["cost"]["requestedQueryCost"] == 1212


def test_a_costly_selection_an_include_variable_turns_on_is_refused(client, settings):
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 1000
    query = """
    query($more: Boolean!, $channel: String) {
      products(first: 4, channel: $channel) @include(if: $more) {
        edges { node { productVariants(first: 100) { edges { node { id } } } } }
      }
      shop { name }
    }
    """

    for channel in ("default-channel", "other"):
        answer = post(client, query, {"more": False, "channel": channel})
        assert "data" in answer.json()
    errors = refusal(post(client, query, {"more": True, "channel": "other"}))

    assert errors[0]["extensions"]["exception"]["code"] == "QueryCostError"
