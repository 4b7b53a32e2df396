"""One throttle guards every door that checks a password.

The store's login page, tokenCreate, the admin's login (and so /ops/),
passwordChange, the store's and the admin's password change pages all
check through the authentication backend: while the wait after failures
runs, the right password is refused with the wait in the message, and
failures at one door delay the others for the same IP and email.
"""

import datetime
import json

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.test import RequestFactory

from backend.account.models import User
from backend.account.services import staff_groups_sync
from backend.account.throttling import LoginAttemptDelayed
from backend.account.tokens import access_token_create
from tests import factories

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
PASSWORD = "Secret-pass-123"
NEW_PASSWORD = "Lower-back-stretch-77"
# One wrong password is free; the second in a row starts the wait.
DELAYED_1S = (
    "Please wait 1 second and try again. After several wrong passwords in a "
    "row we pause sign-in briefly to keep your account safe."
)
TOKEN_CREATE = """
mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token errors { field code message }
  }
}"""
PASSWORD_CHANGE = """
mutation($old: String!, $new: String!) {
  passwordChange(oldPassword: $old, newPassword: $new) {
    errors { field code message }
  }
}"""


@pytest.fixture
def staff():
    user = factories.UserFactory(
        email="ops@example.com", is_staff=True, is_confirmed=True
    )
    user.groups.add(staff_groups_sync()["Operations"])
    return user


@pytest.fixture
def customer():
    return factories.UserFactory(email="ann@example.com", is_confirmed=True)


def one_second_later(clock):
    clock.shift(datetime.timedelta(seconds=1))


def graphql(client, query: str, variables: dict, token: str = "") -> dict:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": query, "variables": variables}),
        content_type="application/json",
        **headers,
    )
    return response.json()["data"]


def admin_login(client, password: str, email: str = "ops@example.com", next=""):
    url = "/admin/login/" + (f"?next={next}" if next else "")
    return client.post(url, {"username": email, "password": password})


def store_login(client, password: str, email: str = "ann@example.com"):
    return client.post("/account/login/", {"email": email, "password": password})


def token_create(client, password: str, email: str) -> dict:
    return graphql(client, TOKEN_CREATE, {"email": email, "password": password})[
        "tokenCreate"
    ]


def password_unchanged(user) -> bool:
    return User.objects.get(pk=user.pk).check_password(PASSWORD)


# The admin's login (the issue: 30 wrong passwords, then the right one).


def test_admin_login_refuses_the_right_password_after_thirty_wrong_ones(client, staff):
    with time_machine.travel(NOW, tick=False):
        for _ in range(30):
            admin_login(client, "wrong")

        response = admin_login(client, PASSWORD)

        assert response.status_code == 200
        assert "Please wait" in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_admin_login_shows_the_wait_on_the_page(client, staff):
    with time_machine.travel(NOW, tick=False):
        admin_login(client, "wrong")
        admin_login(client, "wrong")

        response = admin_login(client, PASSWORD)

        assert DELAYED_1S in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_admin_login_lets_staff_in_once_the_wait_is_over(client, staff):
    with time_machine.travel(NOW, tick=False) as clock:
        admin_login(client, "wrong")
        admin_login(client, "wrong")
        one_second_later(clock)

        response = admin_login(client, PASSWORD)

        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(staff.pk)


# /ops/ signs in through the admin's login.


def test_ops_sends_anonymous_staff_to_the_throttled_admin_login(client, staff):
    response = client.get("/ops/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/ops/")


def test_ops_login_refuses_the_right_password_while_the_wait_runs(client, staff):
    with time_machine.travel(NOW, tick=False):
        admin_login(client, "wrong", next="/ops/")
        admin_login(client, "wrong", next="/ops/")

        response = admin_login(client, PASSWORD, next="/ops/")

        assert DELAYED_1S in response.content.decode()
        assert client.get("/ops/").status_code == 302


def test_ops_login_opens_ops_once_the_wait_is_over(client, staff):
    with time_machine.travel(NOW, tick=False) as clock:
        admin_login(client, "wrong", next="/ops/")
        admin_login(client, "wrong", next="/ops/")
        one_second_later(clock)

        response = admin_login(client, PASSWORD, next="/ops/")

        assert response["Location"] == "/ops/"
        assert client.get("/ops/").status_code == 200


# One door's failures count at the others.


def test_admin_login_failures_delay_token_create(client, staff):
    with time_machine.travel(NOW, tick=False):
        admin_login(client, "wrong")
        admin_login(client, "wrong")

        result = token_create(client, PASSWORD, "ops@example.com")

    assert result == {
        "token": None,
        "errors": [
            {"field": "email", "code": "LOGIN_ATTEMPT_DELAYED", "message": DELAYED_1S}
        ],
    }


def test_token_create_failures_delay_the_admin_login(client, staff):
    with time_machine.travel(NOW, tick=False):
        token_create(client, "wrong", "ops@example.com")
        token_create(client, "wrong", "ops@example.com")

        response = admin_login(client, PASSWORD)

        assert DELAYED_1S in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_admin_login_failures_delay_the_store_login(client, staff):
    with time_machine.travel(NOW, tick=False):
        admin_login(client, "wrong")
        admin_login(client, "wrong")

        response = store_login(client, PASSWORD, email="ops@example.com")

        assert response.status_code == 429
        assert DELAYED_1S in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_store_login_failures_delay_the_admin_login(client, staff):
    with time_machine.travel(NOW, tick=False):
        store_login(client, "wrong", email="ops@example.com")
        store_login(client, "wrong", email="ops@example.com")

        response = admin_login(client, PASSWORD)

        assert DELAYED_1S in response.content.decode()
        assert "_auth_user_id" not in client.session


# passwordChange checks the old password through the same throttle.


def test_password_change_refuses_the_right_old_password_while_the_wait_runs(
    client, customer
):
    variables = {"old": "wrong", "new": NEW_PASSWORD}
    with time_machine.travel(NOW, tick=False):
        token = access_token_create(user=customer)
        graphql(client, PASSWORD_CHANGE, variables, token)
        graphql(client, PASSWORD_CHANGE, variables, token)

        result = graphql(
            client, PASSWORD_CHANGE, {**variables, "old": PASSWORD}, token
        )["passwordChange"]

    assert result["errors"] == [
        {
            "field": "oldPassword",
            "code": "LOGIN_ATTEMPT_DELAYED",
            "message": DELAYED_1S,
        }
    ]
    assert password_unchanged(customer)


def test_password_change_works_once_the_wait_is_over(client, customer):
    with time_machine.travel(NOW, tick=False) as clock:
        token = access_token_create(user=customer)
        graphql(client, PASSWORD_CHANGE, {"old": "wrong", "new": NEW_PASSWORD}, token)
        graphql(client, PASSWORD_CHANGE, {"old": "wrong", "new": NEW_PASSWORD}, token)
        one_second_later(clock)

        result = graphql(
            client, PASSWORD_CHANGE, {"old": PASSWORD, "new": NEW_PASSWORD}, token
        )["passwordChange"]

    assert result["errors"] == []
    assert User.objects.get(pk=customer.pk).check_password(NEW_PASSWORD)


def test_wrong_old_passwords_in_password_change_delay_token_create(client, customer):
    with time_machine.travel(NOW, tick=False):
        token = access_token_create(user=customer)
        graphql(client, PASSWORD_CHANGE, {"old": "wrong", "new": NEW_PASSWORD}, token)
        graphql(client, PASSWORD_CHANGE, {"old": "wrong", "new": NEW_PASSWORD}, token)

        result = token_create(client, PASSWORD, "ann@example.com")

    assert result["errors"][0]["code"] == "LOGIN_ATTEMPT_DELAYED"


def test_login_failures_delay_password_change(client, customer):
    with time_machine.travel(NOW, tick=False):
        token = access_token_create(user=customer)
        token_create(client, "wrong", "ann@example.com")
        token_create(client, "wrong", "ann@example.com")

        result = graphql(
            client, PASSWORD_CHANGE, {"old": PASSWORD, "new": NEW_PASSWORD}, token
        )["passwordChange"]

    assert result["errors"][0]["code"] == "LOGIN_ATTEMPT_DELAYED"
    assert password_unchanged(customer)


# The store's password change page.


def store_password_change(client, old: str):
    return client.post(
        "/account/password/",
        {
            "old_password": old,
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )


def test_store_password_page_refuses_the_right_old_password_while_the_wait_runs(
    client, customer
):
    client.force_login(customer)
    with time_machine.travel(NOW, tick=False):
        store_password_change(client, "wrong")
        store_password_change(client, "wrong")

        response = store_password_change(client, PASSWORD)

    assert response.status_code == 400
    assert DELAYED_1S in response.content.decode()
    assert password_unchanged(customer)


def test_store_password_page_changes_the_password_once_the_wait_is_over(
    client, customer
):
    client.force_login(customer)
    with time_machine.travel(NOW, tick=False) as clock:
        store_password_change(client, "wrong")
        store_password_change(client, "wrong")
        one_second_later(clock)

        response = store_password_change(client, PASSWORD)

    assert response.status_code == 302
    assert User.objects.get(pk=customer.pk).check_password(NEW_PASSWORD)


# The admin's password change page.


def admin_password_change(client, old: str):
    return client.post(
        "/admin/password_change/",
        {
            "old_password": old,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )


def test_admin_password_page_refuses_the_right_old_password_while_the_wait_runs(
    client, staff
):
    client.force_login(staff)
    with time_machine.travel(NOW, tick=False):
        admin_password_change(client, "wrong")
        admin_password_change(client, "wrong")

        response = admin_password_change(client, PASSWORD)

    assert response.status_code == 200
    assert DELAYED_1S in response.content.decode()
    assert password_unchanged(staff)


def test_admin_password_page_changes_the_password_once_the_wait_is_over(client, staff):
    client.force_login(staff)
    with time_machine.travel(NOW, tick=False) as clock:
        admin_password_change(client, "wrong")
        admin_password_change(client, "wrong")
        one_second_later(clock)

        response = admin_password_change(client, PASSWORD)

    assert response.status_code == 302
    assert User.objects.get(pk=staff.pk).check_password(NEW_PASSWORD)


def test_wrong_old_passwords_on_the_admin_page_delay_the_admin_login(client, staff):
    client.force_login(staff)
    with time_machine.travel(NOW, tick=False):
        admin_password_change(client, "wrong")
        admin_password_change(client, "wrong")
        client.logout()

        response = admin_login(client, PASSWORD)

        assert DELAYED_1S in response.content.decode()
        assert "_auth_user_id" not in client.session


# A door added later is throttled as long as it calls authenticate().


def test_a_new_door_calling_authenticate_waits_after_a_failure(staff):
    request = RequestFactory().post("/a-new-door/", REMOTE_ADDR="203.0.113.5")
    with time_machine.travel(NOW, tick=False):
        authenticate(request, username="ops@example.com", password="wrong")
        authenticate(request, username="ops@example.com", password="wrong")

        with pytest.raises(LoginAttemptDelayed) as delayed:
            authenticate(request, username="ops@example.com", password=PASSWORD)

    assert delayed.value.messages == [DELAYED_1S]
