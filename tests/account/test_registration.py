"""Sign up, confirm by email, log in."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from backend.account.models import User
from backend.account.services import (
    account_confirm,
    account_register,
    user_authenticate,
)
from backend.account.tasks import (
    send_account_confirmation_email,
    send_account_exists_email,
)

from .helpers import PASSWORD, REDIRECT_URL, link_params

pytestmark = pytest.mark.django_db


def _codes(error: ValidationError) -> dict[str, list[str]]:
    return {
        field: [e.code for e in errors] for field, errors in error.error_dict.items()
    }


def test_register_creates_an_unconfirmed_account_and_queues_one_email(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks() as callbacks:
        user, created = account_register(
            email="Ann@Example.com", password=PASSWORD, redirect_url=REDIRECT_URL
        )

    assert created
    user = User.objects.get(pk=user.pk)
    assert (user.email, user.is_active, user.is_confirmed) == (
        "ann@example.com",
        True,
        False,
    )
    assert user.check_password(PASSWORD)
    assert len(callbacks) == 1


def test_confirmation_email_has_text_and_html_with_a_working_link(mailoutbox):
    user, _ = account_register(
        email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
    )

    send_account_confirmation_email(user.pk, REDIRECT_URL)

    (message,) = mailoutbox
    assert message.to == ["ann@example.com"]
    assert message.subject == "Confirm your Lumbar account"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    params = link_params(message)
    assert params["email"] == "ann@example.com"
    assert params["token"] in html
    confirmed = account_confirm(email=params["email"], token=params["token"])
    assert confirmed.is_confirmed


def test_confirmation_link_works_once_only(mailoutbox):
    user, _ = account_register(
        email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
    )
    send_account_confirmation_email(user.pk, REDIRECT_URL)
    params = link_params(mailoutbox[0])
    account_confirm(**params)

    with pytest.raises(ValidationError) as error:
        account_confirm(**params)

    assert _codes(error.value) == {"token": ["INVALID"]}


def test_confirmation_task_sends_nothing_to_a_confirmed_account(mailoutbox):
    user, _ = account_register(
        email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
    )
    User.objects.filter(pk=user.pk).update(is_confirmed=True)

    assert send_account_confirmation_email(user.pk, REDIRECT_URL) == 0
    assert mailoutbox == []


def test_a_wrong_token_confirms_nothing():
    user, _ = account_register(
        email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
    )

    with pytest.raises(ValidationError) as error:
        account_confirm(email="ann@example.com", token="abc-123")

    assert _codes(error.value) == {"token": ["INVALID"]}
    assert not User.objects.get(pk=user.pk).is_confirmed


def test_register_refuses_a_weak_password_and_writes_nothing():
    with pytest.raises(ValidationError) as error:
        account_register(
            email="ann@example.com", password="1234", redirect_url=REDIRECT_URL
        )

    assert set(_codes(error.value)["password"]) == {
        "PASSWORD_TOO_SHORT",
        "PASSWORD_TOO_COMMON",
        "PASSWORD_ENTIRELY_NUMERIC",
    }
    assert not User.objects.exists()


def test_register_refuses_a_redirect_to_a_foreign_host():
    with pytest.raises(ValidationError) as error:
        account_register(
            email="ann@example.com",
            password=PASSWORD,
            redirect_url="https://evil.example.net/confirm/",
        )

    assert _codes(error.value) == {"redirectUrl": ["INVALID"]}
    assert not User.objects.exists()


def test_register_with_a_taken_email_changes_nothing_and_tells_the_owner(
    django_capture_on_commit_callbacks, mailoutbox
):
    existing, _ = account_register(
        email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
    )

    with django_capture_on_commit_callbacks() as callbacks:
        _, created = account_register(
            email="ANN@example.com",
            password="Another-pass-99",
            redirect_url=REDIRECT_URL,
        )

    assert not created
    assert len(callbacks) == 1
    assert User.objects.get().check_password(PASSWORD)
    assert User.objects.get().pk == existing.pk
    send_account_exists_email(existing.pk)
    (message,) = mailoutbox
    assert (message.to, message.subject) == (
        ["ann@example.com"],
        "You already have a Lumbar account",
    )
    assert "http://127.0.0.1:8000/account/password/forgot/" in message.body


def test_signing_up_again_and_again_with_a_taken_email_tells_the_owner_once(
    django_capture_on_commit_callbacks,
):
    account_register(
        email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
    )

    with django_capture_on_commit_callbacks() as callbacks:
        for _ in range(3):
            account_register(
                email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
            )

    assert len(callbacks) == 1


def test_signing_up_with_a_deactivated_accounts_email_sends_nothing(
    django_capture_on_commit_callbacks,
):
    existing, _ = account_register(
        email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
    )
    User.objects.filter(pk=existing.pk).update(is_active=False)

    with django_capture_on_commit_callbacks() as callbacks:
        _, created = account_register(
            email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
        )

    assert (created, callbacks) == (False, [])


def test_an_unconfirmed_account_cannot_log_in():
    account_register(
        email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
    )

    with pytest.raises(ValidationError) as error:
        user_authenticate(email="ann@example.com", password=PASSWORD)

    assert _codes(error.value) == {"email": ["ACCOUNT_NOT_CONFIRMED"]}


def test_a_wrong_password_is_invalid_credentials():
    user, _ = account_register(
        email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
    )
    User.objects.filter(pk=user.pk).update(is_confirmed=True)

    with pytest.raises(ValidationError) as error:
        user_authenticate(email="ann@example.com", password="wrong-Password-1")

    assert _codes(error.value) == {"email": ["INVALID_CREDENTIALS"]}
    # The right password is heard once the failure's one-second wait is over.
    with time_machine.travel(datetime.timedelta(seconds=1)):
        assert (
            user_authenticate(email="ann@example.com", password=PASSWORD).pk == user.pk
        )
