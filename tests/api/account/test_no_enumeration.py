"""accountRegister and requestPasswordReset never tell who has an account."""

import pytest

from backend.account.models import User
from tests.factories import UserFactory

from .conftest import PASSWORD
from .test_account_mutations import REDIRECT, REGISTER

pytestmark = pytest.mark.django_db

RESET = """
mutation($email: String!, $redirectUrl: String!) {
  requestPasswordReset(email: $email, redirectUrl: $redirectUrl) {
    errors { field code message }
  }
}"""


def register(api, email: str) -> dict:
    return api(
        REGISTER,
        {"input": {"email": email, "password": PASSWORD, "redirectUrl": REDIRECT}},
    )["data"]["accountRegister"]


def reset(api, email: str) -> dict:
    return api(RESET, {"email": email, "redirectUrl": REDIRECT})["data"][
        "requestPasswordReset"
    ]


def test_registering_a_taken_email_answers_as_a_new_one_does(
    api, customer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as new_callbacks:
        new = register(api, "new@example.com")
    with django_capture_on_commit_callbacks() as taken_callbacks:
        taken = register(api, "ann@example.com")

    assert taken == {**new, "user": {**new["user"], "email": "ann@example.com"}}
    assert taken["errors"] == []
    # One email either way: a confirmation link, or "you already have one".
    assert len(new_callbacks) == len(taken_callbacks) == 1
    assert User.objects.get(pk=customer.pk).check_password(PASSWORD)


@pytest.mark.parametrize(
    "who", ["an account", "no account", "an inactive account", "asked just now"]
)
def test_request_password_reset_answers_alike_for_anyone(api, who):
    if who == "an account":
        UserFactory(email="ann@example.com")
    elif who == "an inactive account":
        UserFactory(email="ann@example.com", is_active=False)
    elif who == "asked just now":
        UserFactory(email="ann@example.com")
        reset(api, "ann@example.com")

    assert reset(api, "ann@example.com") == {"errors": []}


CONFIRM = """
mutation($email: String!, $token: String!) {
  confirmAccount(email: $email, token: $token) { errors { field code message } }
}"""
SET_PASSWORD = """
mutation($email: String!, $token: String!, $password: String!) {
  setPassword(email: $email, token: $token, password: $password) {
    errors { field code message }
  }
}"""


@pytest.mark.parametrize("email", ["ann@example.com", "nobody@example.com"])
def test_a_forged_link_answers_alike_whether_or_not_the_email_has_an_account(
    api, customer, email
):
    confirm = api(CONFIRM, {"email": email, "token": "forged"})
    set_password = api(
        SET_PASSWORD, {"email": email, "token": "forged", "password": PASSWORD}
    )

    invalid = [
        {"field": "token", "code": "INVALID", "message": "Invalid or expired token."}
    ]
    assert confirm["data"]["confirmAccount"]["errors"] == invalid
    assert set_password["data"]["setPassword"]["errors"] == invalid
