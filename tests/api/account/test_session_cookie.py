"""/graphql/ knows its caller by bearer token only, never by session cookie.

The view is CSRF-exempt; a browser sends the session cookie with a request
any page makes, so a cookie that signed the caller in would let a foreign
page act as the shopper. A token is sent only by the shop's own scripts.
"""

import json

import pytest
from graphql_relay import to_global_id

from backend.account.models import User
from backend.account.tokens import access_token_create

pytestmark = pytest.mark.django_db

ME = "{ me { email } }"
ACCOUNT_UPDATE = """
mutation($input: AccountInput!) {
  accountUpdate(input: $input) {
    user { firstName }
    errors { field code message }
  }
}"""
FOREIGN_ORIGIN = "https://evil.example.net"


def post_json(client, request: dict, **headers):
    return client.post(
        "/graphql/",
        data=json.dumps(request),
        content_type="application/json",
        **headers,
    )


def test_a_session_cookie_alone_runs_as_anonymous(client, customer):
    client.force_login(customer)

    response = post_json(client, {"query": ME})

    assert response.status_code == 200
    assert response.json() == {"data": {"me": None}}


def test_a_session_cookie_alone_cannot_update_the_account(client, customer):
    client.force_login(customer)

    response = post_json(
        client,
        {"query": ACCOUNT_UPDATE, "variables": {"input": {"firstName": "Mallory"}}},
        HTTP_ORIGIN=FOREIGN_ORIGIN,
    )

    assert response.json()["data"] == {"accountUpdate": None}
    assert response.json()["errors"][0]["extensions"]["exception"]["code"] == (
        "PermissionDenied"
    )
    assert User.objects.get(pk=customer.pk).first_name == "Ann"


def test_a_form_post_from_a_foreign_origin_cannot_change_the_account(client, customer):
    client.force_login(customer)

    response = client.post(
        "/graphql/",
        {
            "query": ACCOUNT_UPDATE,
            "variables": json.dumps({"input": {"firstName": "Mallory"}}),
        },
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN=FOREIGN_ORIGIN,
    )

    assert response.status_code == 400
    assert User.objects.get(pk=customer.pk).first_name == "Ann"


def test_a_multipart_post_that_is_no_upload_cannot_change_the_account(client, customer):
    client.force_login(customer)

    response = client.post(
        "/graphql/",
        {
            "query": ACCOUNT_UPDATE,
            "variables": json.dumps({"input": {"firstName": "Mallory"}}),
        },
        HTTP_ORIGIN=FOREIGN_ORIGIN,
    )

    assert response.status_code == 400
    assert User.objects.get(pk=customer.pk).first_name == "Ann"


def test_a_bearer_token_updates_the_account(client, customer):
    token = access_token_create(user=customer)

    response = post_json(
        client,
        {"query": ACCOUNT_UPDATE, "variables": {"input": {"firstName": "Anne"}}},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )

    assert response.json() == {
        "data": {"accountUpdate": {"user": {"firstName": "Anne"}, "errors": []}}
    }
    assert User.objects.get(pk=customer.pk).first_name == "Anne"


def test_saleors_authorization_bearer_header_signs_the_caller_in(client, customer):
    token = access_token_create(user=customer)

    response = post_json(client, {"query": ME}, HTTP_AUTHORIZATION_BEARER=token)

    assert response.json() == {"data": {"me": {"email": "ann@example.com"}}}


def test_the_token_not_the_session_says_who_calls(client, customer):
    other = User.objects.create_user(email="bob@example.com", password="x-Pass-123")
    client.force_login(other)
    token = access_token_create(user=customer)

    response = post_json(
        client,
        {"query": "{ me { id } }"},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )

    assert response.json() == {
        "data": {"me": {"id": to_global_id("User", customer.pk)}}
    }
