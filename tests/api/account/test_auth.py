"""tokenCreate/Refresh/Verify and Bearer authentication of /graphql/."""

from datetime import timedelta

import jwt
import pytest
from django.conf import settings
from graphql_relay import to_global_id

from backend.account.models import User
from backend.account.tokens import access_token_create, jwt_decode

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

TOKEN_CREATE = """
mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token refreshToken csrfToken user { email }
    errors { field code message }
  }
}"""
ME = "{ me { id email firstName } }"


def test_token_create_gives_saleor_claims_with_the_public_issuer(api, customer):
    data = api(TOKEN_CREATE, {"email": "ANN@example.com", "password": PASSWORD})
    result = data["data"]["tokenCreate"]

    assert result["errors"] == []
    claims = jwt_decode(result["token"])
    assert claims["iss"] == "http://127.0.0.1:8000/graphql/"
    assert claims["iss"] == f"{settings.PUBLIC_URL}/graphql/"
    assert (claims["type"], claims["email"], claims["is_staff"]) == (
        "access",
        "ann@example.com",
        False,
    )
    assert claims["user_id"] == to_global_id("User", customer.pk)
    assert claims["exp"] - claims["iat"] == 300
    assert jwt_decode(result["refreshToken"])["type"] == "refresh"


def test_tokens_name_saleor_as_owner_so_its_clients_refresh_with_token_refresh(
    api, customer
):
    # Saleor's dashboard SDK: isInternalToken(owner) is owner === "saleor";
    # any other owner is refreshed through externalRefresh.
    result = api(TOKEN_CREATE, {"email": "ann@example.com", "password": PASSWORD})

    token_create = result["data"]["tokenCreate"]
    assert jwt_decode(token_create["token"])["owner"] == "saleor"
    assert jwt_decode(token_create["refreshToken"])["owner"] == "saleor"


def test_token_create_with_a_wrong_password_is_invalid_credentials(api, customer):
    result = api(TOKEN_CREATE, {"email": "ann@example.com", "password": "nope"})

    assert result["data"]["tokenCreate"] == {
        "token": None,
        "refreshToken": None,
        "csrfToken": None,
        "user": None,
        "errors": [
            {
                "field": "email",
                "code": "INVALID_CREDENTIALS",
                "message": "The email address or the password is not right.",
            }
        ],
    }


def test_an_unconfirmed_account_gets_no_token(api, customer):
    User.objects.filter(pk=customer.pk).update(is_confirmed=False)

    result = api(TOKEN_CREATE, {"email": "ann@example.com", "password": PASSWORD})

    assert result["data"]["tokenCreate"]["token"] is None
    assert [e["code"] for e in result["data"]["tokenCreate"]["errors"]] == [
        "ACCOUNT_NOT_CONFIRMED"
    ]


def test_a_bearer_token_authenticates_me(customer_api, customer):
    result = customer_api(ME)

    assert result == {
        "data": {
            "me": {
                "id": to_global_id("User", customer.pk),
                "email": "ann@example.com",
                "firstName": "Ann",
            }
        }
    }


def test_me_is_null_for_anonymous(api):
    assert api(ME) == {"data": {"me": None}}


def test_an_expired_token_is_saleors_error_not_a_500(api, customer, settings):
    settings.JWT_ACCESS_TTL = timedelta(seconds=-10)
    api.token = access_token_create(user=customer)

    result = api(ME)

    assert result["data"] == {"me": None}
    (error,) = result["errors"]
    assert error["message"] == "Signature has expired"
    assert error["extensions"]["exception"]["code"] == "ExpiredSignatureError"


def test_a_forged_token_is_refused(api, customer):
    claims = jwt_decode(access_token_create(user=customer))
    api.token = jwt.encode(claims, "not-our-secret", algorithm="HS256")

    result = api(ME)

    assert result["data"] == {"me": None}
    assert result["errors"][0]["extensions"]["exception"]["code"] == (
        "InvalidSignatureError"
    )


def test_token_refresh_gives_a_new_access_token(api, customer):
    created = api(TOKEN_CREATE, {"email": "ann@example.com", "password": PASSWORD})
    refresh = created["data"]["tokenCreate"]["refreshToken"]

    result = api(
        "mutation($t: String) { tokenRefresh(refreshToken: $t) {"
        " token user { email } errors { field code } } }",
        {"t": refresh},
    )["data"]["tokenRefresh"]

    assert result["errors"] == []
    assert result["user"] == {"email": "ann@example.com"}
    assert jwt_decode(result["token"])["type"] == "access"


def test_an_access_token_cannot_refresh(customer_api):
    result = customer_api(
        "mutation($t: String) { tokenRefresh(refreshToken: $t) {"
        " token errors { field code } } }",
        {"t": customer_api.token},
    )["data"]["tokenRefresh"]

    assert result == {
        "token": None,
        "errors": [{"field": "refreshToken", "code": "JWT_INVALID_TOKEN"}],
    }


def test_token_verify_reports_an_expired_token(api, customer, settings):
    settings.JWT_ACCESS_TTL = timedelta(seconds=-10)
    token = access_token_create(user=customer)

    result = api(
        "mutation($t: String!) { tokenVerify(token: $t) {"
        " isValid errors { field code } } }",
        {"t": token},
    )["data"]["tokenVerify"]

    assert result == {
        "isValid": False,
        "errors": [{"field": "token", "code": "JWT_SIGNATURE_EXPIRED"}],
    }


def test_tokens_deactivate_all_revokes_existing_tokens(customer_api):
    result = customer_api("mutation { tokensDeactivateAll { errors { code } } }")
    assert result["data"]["tokensDeactivateAll"] == {"errors": []}

    after = customer_api(ME)

    assert after["data"] == {"me": None}
    assert after["errors"][0]["extensions"]["exception"]["code"] == "InvalidTokenError"
