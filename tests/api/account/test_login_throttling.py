"""tokenCreate answers LOGIN_ATTEMPT_DELAYED while the wait after failures runs."""

import datetime

import pytest
import time_machine

from .conftest import PASSWORD
from .test_auth import TOKEN_CREATE

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def test_token_create_right_after_a_second_failure_is_delayed_with_saleors_code(
    api, customer
):
    with time_machine.travel(NOW, tick=False):
        api(TOKEN_CREATE, {"email": "ann@example.com", "password": "nope"})
        api(TOKEN_CREATE, {"email": "ann@example.com", "password": "nope"})

        result = api(TOKEN_CREATE, {"email": "ann@example.com", "password": PASSWORD})

    assert result["data"]["tokenCreate"] == {
        "token": None,
        "refreshToken": None,
        "csrfToken": None,
        "user": None,
        "errors": [
            {
                "field": "email",
                "code": "LOGIN_ATTEMPT_DELAYED",
                "message": "Please wait 1 second and try again. After several "
                "wrong passwords in a row we pause sign-in briefly to keep your "
                "account safe.",
            }
        ],
    }


def test_token_create_gives_a_token_once_the_wait_is_over(api, customer):
    with time_machine.travel(NOW, tick=False) as clock:
        api(TOKEN_CREATE, {"email": "ann@example.com", "password": "nope"})
        api(TOKEN_CREATE, {"email": "ann@example.com", "password": "nope"})
        clock.shift(datetime.timedelta(seconds=1))

        result = api(TOKEN_CREATE, {"email": "ann@example.com", "password": PASSWORD})

    assert result["data"]["tokenCreate"]["errors"] == []
    assert result["data"]["tokenCreate"]["token"]
