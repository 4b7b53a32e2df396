"""No request body or query string makes /graphql/ fail, however malformed.

Schemathesis (test_graphql_fuzz.py) sends well-formed GraphQL requests
only; these Hypothesis tests send what a careless or hostile client can:
any bytes under any content type, any JSON value as the body, request
objects whose ``query``, ``variables`` and ``operationName`` are any JSON
(lone surrogates, NaN, huge numbers, deep nesting included), and odd GET
parameters. Each must be answered below 500, in JSON, with no error the
view marked InternalServerError.
"""

import json

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from .graphql_fuzz import EXAMPLES, server_error

pytestmark = pytest.mark.fuzz

# A request costs a few milliseconds; ten bodies per Schemathesis example
# keep the default run to seconds and make fuzz's to about a minute.
BODY_EXAMPLES = EXAMPLES * 10

QUERIES = [
    "{ shop { name } }",
    "query Products($first: Int, $channel: String) {"
    " products(first: $first, channel: $channel) { edges { node { name } } } }",
    "query Product($slug: String, $channel: String) {"
    " product(slug: $slug, channel: $channel) { name } }",
    "mutation Create($input: CheckoutCreateInput!) {"
    " checkoutCreate(input: $input) { checkout { id } errors { field code } } }",
    "mutation Reset($email: String!, $redirectUrl: String!) {"
    " requestPasswordReset(email: $email, redirectUrl: $redirectUrl) {"
    " errors { code } } }",
    "mutation Token($email: String!, $password: String!) {"
    " tokenCreate(email: $email, password: $password) { token errors { code } } }",
]
VARIABLE_NAMES = [
    "first",
    "channel",
    "slug",
    "input",
    "email",
    "redirectUrl",
    "password",
]
CONTENT_TYPES = [
    "application/json",
    "application/json; charset=latin-1",
    "application/graphql",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=x",
    "text/plain",
    "",
]

# Every code point, lone surrogates too (json.dumps writes them as \ud800).
any_text = st.text(st.characters(codec=None, categories=None), max_size=12)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**120), max_value=10**120),
    st.floats(),  # NaN and infinities are written as bare words
    any_text,
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(any_text, children, max_size=4),
    ),
    max_leaves=20,
)
variables = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(VARIABLE_NAMES), json_values, max_size=4),
    json_values.map(json.dumps),
)
request_objects = st.fixed_dictionaries(
    {},
    optional={
        "query": st.one_of(st.sampled_from(QUERIES), json_values),
        "variables": variables,
        "operationName": st.one_of(
            st.sampled_from(["Products", "Create", "null"]), json_values
        ),
        "extensions": json_values,
    },
)


def nested_text(depth: int, inner: str = "1") -> str:
    return "[" * depth + inner + "]" * depth


deep_bodies = st.integers(min_value=1, max_value=5000).map(
    lambda depth: json.dumps(
        {"query": QUERIES[1], "variables": {"first": "__deep__"}}
    ).replace('"__deep__"', nested_text(depth))
)
json_bodies = st.one_of(
    request_objects.map(json.dumps),
    json_values.map(json.dumps),
    deep_bodies,
).map(str.encode)
raw_bodies = st.one_of(st.binary(max_size=200), json_bodies)
get_params = st.dictionaries(
    st.sampled_from(["query", "variables", "operationName", "id", "raw", "pretty"]),
    st.one_of(
        st.sampled_from(QUERIES),
        st.text(max_size=40),
        json_values.map(json.dumps),
    ),
    max_size=4,
)


def fuzz_settings(test):
    return hypothesis_settings(
        max_examples=BODY_EXAMPLES,
        database=None,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )(test)


def check(response, sent) -> None:
    reason = server_error(response)
    assert reason is None, (
        f"{reason}: {response.status_code} for {sent!r:.500}\n"
        f"{response.content[:500]!r}"
    )


def post(client, body: bytes, content_type: str):
    # Each request runs in a savepoint rolled back after it, so a failed
    # statement cannot poison the next request.
    savepoint = transaction.savepoint()
    try:
        # generic() sends the bytes as they are, whatever the charset says.
        return client.generic("POST", "/graphql/", data=body, content_type=content_type)
    finally:
        transaction.savepoint_rollback(savepoint)


@pytest.fixture
def api_client(client, channel, published_product):
    # A crash should come back as the 500 a caller sees, to be reported.
    client.raise_request_exception = False
    return client


def test_json_request_bodies_get_no_server_error(api_client):
    @fuzz_settings
    @given(body=json_bodies)
    def send(body):
        check(post(api_client, body, "application/json"), body)

    send()


def test_any_body_under_any_content_type_gets_no_server_error(api_client):
    @fuzz_settings
    @given(body=raw_bodies, content_type=st.sampled_from(CONTENT_TYPES))
    def send(body, content_type):
        check(post(api_client, body, content_type), (content_type, body))

    send()


def test_get_parameters_get_no_server_error(api_client):
    @fuzz_settings
    @given(params=get_params)
    def send(params):
        response = api_client.get("/graphql/", params, HTTP_ACCEPT="application/json")
        check(response, params)

    send()
