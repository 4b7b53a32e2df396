"""The login page slows repeated failures as tokenCreate does."""

import datetime

import pytest
import time_machine

from .helpers import PASSWORD

NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_a_login_right_after_a_second_failure_is_refused_with_the_wait(
    client, confirmed_customer
):
    with time_machine.travel(NOW, tick=False):
        client.post("/account/login/", {"email": "ann@example.com", "password": "x"})
        client.post("/account/login/", {"email": "ann@example.com", "password": "x"})

        response = client.post(
            "/account/login/", {"email": "ann@example.com", "password": PASSWORD}
        )

    assert response.status_code == 429
    assert (
        "Please wait 1 second and try again. After several wrong passwords in a "
        "row we pause sign-in briefly to keep your account safe."
        in response.content.decode()
    )
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_login_page_lets_the_customer_in_once_the_wait_is_over(
    client, confirmed_customer
):
    with time_machine.travel(NOW, tick=False) as clock:
        client.post("/account/login/", {"email": "ann@example.com", "password": "x"})
        client.post("/account/login/", {"email": "ann@example.com", "password": "x"})
        clock.shift(datetime.timedelta(seconds=1))

        response = client.post(
            "/account/login/", {"email": "ann@example.com", "password": PASSWORD}
        )

        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(confirmed_customer.pk)
