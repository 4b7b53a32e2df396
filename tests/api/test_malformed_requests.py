"""A malformed request to /graphql/ is a 400 with one clear error, never a 500.

Each case is one shape a client (or a fuzzer) can send that is not a
GraphQL request: broken JSON or UTF-8, JSON of the wrong shape or type,
values nested without end, numbers without end, text that cannot be
stored, form posts, GET parameters that do not decode.
"""

import json
from dataclasses import dataclass, field

import pytest

from backend.graphql.core.request_body import MAX_NESTING

pytestmark = pytest.mark.django_db

SHOP = "{ shop { name } }"
NESTED_TOO_DEEP = f"JSON may nest at most {MAX_NESTING} levels deep."
INVALID_JSON = "The body is not valid JSON."
SURROGATE = "Strings must be valid Unicode (a lone surrogate is not)."
LONG_NUMBER = "Numbers are limited to 100 characters."
NOT_AN_UPLOAD = (
    "A multipart request must be a GraphQL multipart upload, "
    "with 'operations' and 'map' parts."
)


@dataclass
class Sent:
    """One request as sent: a raw JSON body unless told otherwise."""

    body: bytes | dict = b""
    content_type: str = "application/json"
    method: str = "post"
    query_string: dict = field(default_factory=dict)


def raw(text: str) -> Sent:
    return Sent(body=text.encode())


def body(**request) -> Sent:
    # ensure_ascii keeps a lone surrogate as its \\ud800 escape, as a
    # client's JSON encoder sends it.
    return Sent(body=json.dumps(request).encode())


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def get(**params) -> Sent:
    return Sent(method="get", content_type="", query_string=params)


CASES = [
    (raw('{"query": '), INVALID_JSON, "truncated-json"),
    (raw("{'query': '{ shop { name } }'}"), INVALID_JSON, "single-quoted-json"),
    (
        Sent(body=b'{"query": "{ shop { name \xff } }"}'),
        "The body is not valid UTF-8.",
        "invalid-utf8-bytes",
    ),
    (
        raw(f'[{{"query": "{SHOP}"}}]'),
        "Batch requests are not supported; send one operation as a JSON object.",
        "batch-list",
    ),
    (raw(f'"{SHOP}"'), "The body must be a JSON object.", "string-body"),
    (raw("42"), "The body must be a JSON object.", "number-body"),
    (raw("null"), "The body must be a JSON object.", "null-body"),
    (raw("true"), "The body must be a JSON object.", "boolean-body"),
    (body(query=1), "The query must be a string.", "query-number"),
    (body(query={"a": 1}), "The query must be a string.", "query-object"),
    (body(query=[SHOP]), "The query must be a string.", "query-list"),
    (body(query=True), "The query must be a string.", "query-boolean"),
    (
        body(query=SHOP, variables=[1]),
        "Variables must be a JSON object.",
        "variables-list",
    ),
    (
        body(query=SHOP, variables=7),
        "Variables must be a JSON object.",
        "variables-number",
    ),
    (
        body(query=SHOP, variables="[1, 2]"),
        "Variables must be a JSON object.",
        "variables-string-of-a-list",
    ),
    (
        body(query=SHOP, variables="{not json"),
        INVALID_JSON,
        "variables-string-not-json",
    ),
    (
        body(query=SHOP, operationName={"a": 1}),
        "The operationName must be a string or null.",
        "operation-name-object",
    ),
    (
        body(query=SHOP, operationName=["Shop"]),
        "The operationName must be a string or null.",
        "operation-name-list",
    ),
    (
        body(query=SHOP, operationName=3),
        "The operationName must be a string or null.",
        "operation-name-number",
    ),
    (
        raw(f'{{"query": "{SHOP}", "variables": {{"a": {nested(3000)}}}}}'),
        NESTED_TOO_DEEP,
        "variables-nested-3000-deep",
    ),
    (
        raw(f'{{"query": "{SHOP}", "variables": {{"a": {nested(MAX_NESTING)}}}}}'),
        NESTED_TOO_DEEP,
        "variables-nested-just-past-the-bound",
    ),
    (
        raw(f'{{"query": "{SHOP}", "extensions": {nested(3000)}}}'),
        NESTED_TOO_DEEP,
        "other-key-nested-3000-deep",
    ),
    (
        body(query=SHOP, variables={"name": "\ud800"}),
        SURROGATE,
        "lone-surrogate-in-a-variable-value",
    ),
    (
        body(query=SHOP, variables={"\udfff": "x"}),
        SURROGATE,
        "lone-surrogate-in-a-variable-key",
    ),
    (
        body(query=SHOP, variables={"names": ["ok", {"deep": "a\ud800b"}]}),
        SURROGATE,
        "lone-surrogate-nested-in-variables",
    ),
    (
        body(query='{ shop { name } } # \ud800"'),
        SURROGATE,
        "lone-surrogate-in-the-query",
    ),
    (
        body(query=SHOP, operationName="Shop\ud800"),
        SURROGATE,
        "lone-surrogate-in-the-operation-name",
    ),
    (
        raw(f'{{"query": "{SHOP}", "variables": {{"n": NaN}}}}'),
        "NaN is not a JSON number.",
        "nan-literal",
    ),
    (
        raw(f'{{"query": "{SHOP}", "variables": {{"n": -Infinity}}}}'),
        "-Infinity is not a JSON number.",
        "infinity-literal",
    ),
    (
        raw(f'{{"query": "{SHOP}", "variables": {{"n": 1e999}}}}'),
        "The number 1e999 is too large.",
        "float-overflowing-to-infinity",
    ),
    (
        raw(f'{{"query": "{SHOP}", "variables": {{"n": {"9" * 5000}}}}}'),
        LONG_NUMBER,
        "integer-of-5000-digits",
    ),
    (
        raw(f'{{"query": "{SHOP}", "variables": {{"n": 0.{"1" * 200}}}}}'),
        LONG_NUMBER,
        "float-of-200-digits",
    ),
    (
        Sent(
            body=f"query={SHOP}".encode(),
            content_type="application/x-www-form-urlencoded",
        ),
        "Form posts are not accepted; send the request as application/json.",
        "form-encoded-post",
    ),
    (
        Sent(body={"query": SHOP}, content_type="multipart/form-data"),
        NOT_AN_UPLOAD,
        "multipart-without-operations",
    ),
    (
        Sent(
            body={"operations": json.dumps({"query": SHOP})},
            content_type="multipart/form-data",
        ),
        NOT_AN_UPLOAD,
        "multipart-without-map",
    ),
    (
        Sent(
            body={"operations": json.dumps([{"query": SHOP}]), "map": "{}"},
            content_type="multipart/form-data",
        ),
        "Batch requests are not supported; send one operation as a JSON object.",
        "multipart-batch-operations",
    ),
    (
        Sent(
            body={"operations": json.dumps({"query": SHOP}), "map": "[]"},
            content_type="multipart/form-data",
        ),
        "The multipart 'map' must be a JSON object.",
        "multipart-map-not-an-object",
    ),
    (
        Sent(body=SHOP.encode(), content_type="text/plain"),
        "Unsupported Content-Type 'text/plain'; send the request as application/json.",
        "text-plain-post",
    ),
    (
        Sent(body=b"query \xff", content_type="application/graphql"),
        "The body is not valid UTF-8.",
        "application-graphql-invalid-utf8",
    ),
    (get(query=SHOP, variables="{not json"), INVALID_JSON, "get-variables-not-json"),
    (
        get(query=SHOP, variables="[1]"),
        "Variables must be a JSON object.",
        "get-variables-list",
    ),
    (
        get(query=SHOP, variables='{"a": "\\ud800"}'),
        SURROGATE,
        "get-variables-lone-surrogate",
    ),
    (
        get(query=SHOP, variables=f'{{"a": {nested(3000)}}}'),
        NESTED_TOO_DEEP,
        "get-variables-nested-3000-deep",
    ),
    (get(variables="{}"), "Must provide query string.", "get-without-query"),
]


def send(client, sent: Sent):
    if sent.method == "get":
        return client.get(
            "/graphql/", sent.query_string, HTTP_ACCEPT="application/json"
        )
    if isinstance(sent.body, dict):
        # The test client encodes a dict as multipart/form-data.
        return client.post("/graphql/", sent.body)
    return client.post("/graphql/", data=sent.body, content_type=sent.content_type)


@pytest.mark.parametrize(
    ("sent", "message"),
    [pytest.param(sent, message, id=case_id) for sent, message, case_id in CASES],
)
def test_a_malformed_request_is_a_clear_400(client, sent, message):
    response = send(client, sent)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "errors": [
            {"message": message, "extensions": {"exception": {"code": "GraphQLError"}}}
        ]
    }


def test_variables_nested_up_to_the_bound_are_accepted(client, channel):
    # The body object and the variables object are two of the levels.
    within = f'{{"query": "{SHOP}", "variables": {{"a": {nested(MAX_NESTING - 2)}}}}}'

    response = client.post("/graphql/", data=within, content_type="application/json")

    assert response.status_code == 200
    assert "errors" not in response.json()


def test_variables_sent_as_a_json_string_are_read(client, channel):
    request = {
        "query": "query($slug: String) { channel(slug: $slug) { slug } }",
        "variables": json.dumps({"slug": channel.slug}),
        "operationName": None,
    }

    response = client.post(
        "/graphql/", data=json.dumps(request), content_type="application/json"
    )

    assert response.status_code == 200
    assert response.json() == {"data": {"channel": {"slug": channel.slug}}}


def test_a_query_sent_as_application_graphql_is_answered(client, channel):
    response = client.post(
        "/graphql/",
        data=SHOP,
        content_type="application/graphql",
    )

    assert response.status_code == 200
