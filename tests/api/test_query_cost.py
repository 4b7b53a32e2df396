"""What a query costs bounds what it keeps a worker busy.

Lists returned whole are costed, introspection's included; GraphiQL's
introspection is answered once per process; a query that runs too long,
in Python or in PostgreSQL, is stopped with a GraphQL error.
"""

import psycopg
import pytest
from django.db import connection
from graphql import get_introspection_query

from backend.graphql.core.introspection_cache import (
    clear_introspection_answers,
    introspection_answer,
    introspection_key,
)
from tests.api.raw_requests import post, refusal

pytestmark = pytest.mark.django_db

GRAPHIQL_INTROSPECTION = get_introspection_query(
    descriptions=True,
    specified_by_url=True,
    directive_is_repeatable=True,
    schema_description=True,
    input_value_deprecation=True,
)
SCHEMA_WALK = "__schema { types { fields { args { name type { kind name } } } } }"


@pytest.fixture(autouse=True)
def no_kept_introspection():
    clear_introspection_answers()
    yield
    clear_introspection_answers()


def test_ninety_nine_aliased_schema_walks_are_refused_before_execution(
    client, django_assert_num_queries
):
    query = "{ " + " ".join(f"w{n}: {SCHEMA_WALK}" for n in range(99)) + " }"
    assert len(query) < 10_000

    with django_assert_num_queries(0):
        errors = refusal(post(client, query))

    assert [error["extensions"]["exception"]["code"] for error in errors] == [
        "QueryCostError"
    ]
    assert errors[0]["extensions"]["cost"]["requestedQueryCost"] > 50_000


def test_one_schema_walk_is_answered(client):
    response = post(client, "{ " + SCHEMA_WALK + " }")

    assert response.status_code == 200
    assert response.json()["data"]["__schema"]["types"]


def test_a_type_looked_up_by_name_costs_its_longest_lists(client, settings):
    # One type may be the largest: Query has dozens of fields.
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 50
    query = '{ __type(name: "Query") { fields { name } } }'

    errors = refusal(post(client, query))

    assert errors[0]["extensions"]["exception"]["code"] == "QueryCostError"


def test_variants_nested_through_their_product_multiply_and_are_refused(
    client, channel, django_assert_num_queries
):
    variants = "variants { id }"
    for _ in range(3):
        variants = f"variants {{ product {{ {variants} }} }}"
    query = (
        f'{{ products(first: 100, channel: "{channel.slug}") '
        f"{{ edges {{ node {{ {variants} }} }} }} }}"
    )

    with django_assert_num_queries(0):
        errors = refusal(post(client, query))

    assert errors[0]["extensions"]["exception"]["code"] == "QueryCostError"


def test_a_list_returned_whole_counts_ten_items(client, settings, channel):
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 10
    query = f'{{ product(slug: "x", channel: "{channel.slug}") {{ media {{ url }} }} }}'

    errors = refusal(post(client, query))

    # product 1 × (1 + media 10 × (1 + 0))
    assert errors[0]["extensions"]["cost"]["requestedQueryCost"] == 11


def test_a_text_of_more_tokens_than_the_limit_is_refused(client, settings):
    settings.GRAPHQL_MAX_QUERY_TOKENS = 10
    query = "{ " + "__typename " * 20 + "}"

    errors = refusal(post(client, query))

    assert errors[0]["message"] == (
        "Syntax Error: Document contains more than 10 tokens. Parsing aborted."
    )


def test_graphiqls_introspection_is_answered_and_kept_for_the_next_ask(client):
    key = introspection_key(GRAPHIQL_INTROSPECTION, None, {}, pretty=False)

    first = post(client, GRAPHIQL_INTROSPECTION)
    second = post(client, GRAPHIQL_INTROSPECTION)

    assert first.status_code == second.status_code == 200
    assert first.json()["data"]["__schema"]["queryType"] == {
        "name": "Query",
        "kind": "OBJECT",
    }
    assert second.content == first.content
    assert introspection_answer(key) == first.content.decode()


def test_a_kept_introspection_answer_is_served_without_executing(client, settings):
    post(client, GRAPHIQL_INTROSPECTION)
    # A CPU limit no execution could meet: only the kept answer can pass.
    settings.GRAPHQL_QUERY_CPU_LIMIT_MS = 0.001

    response = post(client, GRAPHIQL_INTROSPECTION)

    assert response.status_code == 200
    assert "errors" not in response.json()


def test_a_query_asking_data_besides_the_schema_is_not_kept(client, channel):
    query = (
        "{ __schema { queryType { name } } "
        f'products(first: 1, channel: "{channel.slug}") {{ totalCount }} }}'
    )

    response = post(client, query)

    assert response.status_code == 200
    assert (
        introspection_answer(introspection_key(query, None, {}, pretty=False)) is None
    )


def test_a_query_past_its_cpu_limit_is_stopped_with_a_graphql_error(client, settings):
    settings.GRAPHQL_QUERY_CPU_LIMIT_MS = 1

    errors = refusal(post(client, GRAPHIQL_INTROSPECTION))

    assert errors == [
        {
            "message": "The query took too long and was stopped. Ask for fewer "
            "objects: a smaller page, fewer nested lists.",
            "extensions": {"exception": {"code": "QueryTimeout"}},
        }
    ]
    key = introspection_key(GRAPHIQL_INTROSPECTION, None, {}, pretty=False)
    assert introspection_answer(key) is None


def test_a_statement_timeout_becomes_a_graphql_error(client, channel, settings):
    settings.GRAPHQL_RESPONSE_CACHE = False
    query = (
        f'{{ products(first: 1, channel: "{channel.slug}") '
        "{ edges { node { name } } } }"
    )
    settings_dict = connection.settings_dict
    # Another session holds the products table; the request waits on it
    # until its statement timeout cancels the read.
    with psycopg.connect(
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
        user=settings_dict["USER"],
        dbname=settings_dict["NAME"],
    ) as holder:
        holder.execute("SET lock_timeout = '5s'")
        holder.execute("LOCK TABLE product_product IN ACCESS EXCLUSIVE MODE")
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 200")
        response = post(client, query)
        holder.rollback()

    errors = refusal(response)
    assert [error["extensions"]["exception"]["code"] for error in errors] == [
        "QueryTimeout"
    ]


APP_WEBHOOKS = """
query AppAlerts($withEvents: Boolean!) {
  apps(first: 50) { edges { node { id
    webhooks @include(if: $withEvents) {
      eventDeliveries(first: 6) { edges { node { id
        attempts(first: 6) { edges { node { id status } } } } } }
    }
  } } }
}"""


def test_a_selection_left_out_by_include_costs_nothing(client, settings):
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 1000

    left_out = post(client, APP_WEBHOOKS, variables={"withEvents": False})
    asked = post(client, APP_WEBHOOKS, variables={"withEvents": True})

    # Executed (an anonymous caller is then refused the apps themselves).
    assert left_out.status_code == 200
    assert "apps" in left_out.json()["data"]
    assert refusal(asked)[0]["extensions"]["exception"]["code"] == "QueryCostError"
