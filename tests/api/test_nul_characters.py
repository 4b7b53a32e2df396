"""A NUL character in a request's strings is refused before anything runs.

Schemathesis found that one reached PostgreSQL (which cannot store U+0000)
in requestPasswordReset and accountUpdate and answered with a 500.
"""

import json

import pytest

from backend.account.models import User
from backend.account.tokens import access_token_create

pytestmark = pytest.mark.django_db

RESET = """
mutation($email: String!) {
  requestPasswordReset(email: $email, redirectUrl: "http://localhost:3000/r") {
    errors { field code }
  }
}"""


def post(client, body: dict):
    return client.post(
        "/graphql/", data=json.dumps(body), content_type="application/json"
    )


def test_a_nul_in_a_variable_is_a_clear_error_not_a_500(client):
    response = post(client, {"query": RESET, "variables": {"email": "a\x00@x.com"}})

    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "message": "Null characters are not allowed in strings.",
                "extensions": {"exception": {"code": "GraphQLError"}},
            }
        ]
    }


def test_a_nul_in_a_string_literal_is_a_clear_error_not_a_500(client):
    query = (
        'mutation { requestPasswordReset(email: "a\\u0000@x.com", '
        'redirectUrl: "http://localhost:3000/r") { errors { code } } }'
    )

    response = post(client, {"query": query})

    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["message"] == "Null characters are not allowed in strings."
    assert "data" not in response.json()


def test_a_nul_in_a_metadata_key_changes_nothing(client):
    user = User.objects.create_user(email="ann@example.com", password="x-Pass-123")
    response = client.post(
        "/graphql/",
        data=json.dumps(
            {
                "query": "mutation($input: AccountInput!) { accountUpdate("
                "input: $input) { errors { code } } }",
                "variables": {"input": {"metadata": [{"key": "\x00", "value": ""}]}},
            }
        ),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {access_token_create(user=user)}",
    )

    assert response.status_code == 400
    user.refresh_from_db()
    assert user.metadata == {}
