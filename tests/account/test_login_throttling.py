"""Failed logins slow the next attempts for the same IP and email."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from backend.account import throttling
from backend.account.services import user_authenticate
from tests import factories

pytestmark = pytest.mark.django_db
PASSWORD = "Secret-pass-123"
NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def request_from(ip: str, forwarded_for: str = ""):
    meta = {"REMOTE_ADDR": ip}
    if forwarded_for:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().post("/graphql/", **meta)


def code_of(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.error_dict["email"][0].code


@pytest.fixture
def ann():
    return factories.UserFactory(email="ann@example.com", is_confirmed=True)


def log_in(password: str, *, ip: str = "203.0.113.5", email: str = "ann@example.com"):
    return user_authenticate(email=email, password=password, request=request_from(ip))


def test_delays_double_with_each_failure_up_to_an_hour():
    assert [throttling.delay_seconds(n) for n in (0, 1, 2, 3, 4, 10, 13, 40)] == [
        0,
        1,
        2,
        4,
        8,
        512,
        3600,
        3600,
    ]


def test_one_wrong_password_then_the_right_one_at_once_logs_in(ann):
    # A typo is not an attack: no wait after a single failure.
    with time_machine.travel(NOW, tick=False):
        assert code_of(lambda: log_in("wrong")) == "INVALID_CREDENTIALS"

        assert log_in(PASSWORD) == ann


def test_right_after_a_second_failure_even_the_right_password_waits(ann):
    with time_machine.travel(NOW, tick=False):
        assert code_of(lambda: log_in("wrong")) == "INVALID_CREDENTIALS"
        assert code_of(lambda: log_in("wrong")) == "INVALID_CREDENTIALS"

        assert code_of(lambda: log_in(PASSWORD)) == "LOGIN_ATTEMPT_DELAYED"


def test_the_right_password_logs_in_once_the_wait_is_over(ann):
    with time_machine.travel(NOW, tick=False) as clock:
        for _ in range(2):
            with pytest.raises(ValidationError):
                log_in("wrong")
        clock.shift(datetime.timedelta(seconds=1))

        assert log_in(PASSWORD) == ann


def test_each_failure_doubles_the_wait_and_the_message_says_how_long(ann):
    with time_machine.travel(NOW, tick=False) as clock:
        for wait in (0, 1, 2, 4):
            with pytest.raises(ValidationError):
                log_in("wrong")
            clock.shift(datetime.timedelta(seconds=wait))
        with pytest.raises(ValidationError):
            log_in("wrong")

        with pytest.raises(ValidationError) as caught:
            log_in(PASSWORD)

    error = caught.value.error_dict["email"][0]
    assert error.code == "LOGIN_ATTEMPT_DELAYED"
    assert error.message == (
        "Please wait 8 seconds and try again. After several wrong passwords in a "
        "row we pause sign-in briefly to keep your account safe."
    )


def test_an_email_without_an_account_is_delayed_alike(ann):
    with time_machine.travel(NOW, tick=False):
        for _ in range(2):
            assert code_of(lambda: log_in("x", email="nobody@example.com")) == (
                "INVALID_CREDENTIALS"
            )
        assert code_of(lambda: log_in("x", email="nobody@example.com")) == (
            "LOGIN_ATTEMPT_DELAYED"
        )


def test_the_delay_holds_only_for_that_ip_and_email(ann):
    factories.UserFactory(email="bob@example.com", is_confirmed=True)
    with time_machine.travel(NOW, tick=False):
        for _ in range(2):
            with pytest.raises(ValidationError):
                log_in("wrong", ip="203.0.113.5")

        assert log_in(PASSWORD, ip="198.51.100.7") == ann
        assert log_in(PASSWORD, ip="203.0.113.5", email="bob@example.com").email == (
            "bob@example.com"
        )


def test_a_successful_login_forgets_the_failures(ann):
    with time_machine.travel(NOW, tick=False) as clock:
        for _ in range(3):
            with pytest.raises(ValidationError):
                log_in("wrong")
            clock.shift(datetime.timedelta(seconds=8))
        log_in(PASSWORD)
        with pytest.raises(ValidationError):
            log_in("wrong")

        # Counted afresh: this failure is the first in a row, so no wait.
        assert log_in(PASSWORD) == ann


def test_one_ip_failing_for_many_emails_is_slowed_for_every_email(ann):
    with time_machine.travel(NOW, tick=False):
        for number in range(throttling.IP_FREE_FAILURES + 1):
            throttling.login_failure_record(
                ip="203.0.113.5", email=f"guess{number}@example.com"
            )

        assert code_of(lambda: log_in(PASSWORD)) == "LOGIN_ATTEMPT_DELAYED"
        assert log_in(PASSWORD, ip="198.51.100.7") == ann


def test_forwarded_addresses_count_only_behind_trusted_proxies(settings):
    spoofed = request_from("10.0.0.2", forwarded_for="1.2.3.4, 203.0.113.5")

    assert throttling.client_ip(spoofed) == "10.0.0.2"
    settings.LOGIN_TRUSTED_PROXY_COUNT = 1
    assert throttling.client_ip(spoofed) == "203.0.113.5"
