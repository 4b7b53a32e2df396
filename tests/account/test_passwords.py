"""Password reset by emailed link, and change while logged in."""

import pytest
from django.core.exceptions import ValidationError

from backend.account.models import User
from backend.account.services import (
    password_change,
    password_reset_request,
    password_set,
)
from backend.account.tasks import send_password_reset_email
from tests.factories import UserFactory

from .helpers import PASSWORD, REDIRECT_URL, link_params

pytestmark = pytest.mark.django_db

OLD = "Secret-pass-123"


def _codes(error: ValidationError) -> dict[str, list[str]]:
    return {
        field: [e.code for e in errors] for field, errors in error.error_dict.items()
    }


def test_reset_request_queues_one_email_for_a_known_account(
    django_capture_on_commit_callbacks,
):
    UserFactory(email="ann@example.com")

    with django_capture_on_commit_callbacks() as callbacks:
        queued = password_reset_request(
            email="ann@example.com", redirect_url=REDIRECT_URL
        )

    assert queued
    assert len(callbacks) == 1


def test_reset_request_for_an_unknown_email_queues_nothing_and_says_nothing(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks() as callbacks:
        queued = password_reset_request(
            email="nobody@example.com", redirect_url=REDIRECT_URL
        )

    assert not queued
    assert callbacks == []


def test_a_second_reset_request_right_away_queues_nothing_and_says_nothing(
    django_capture_on_commit_callbacks,
):
    UserFactory(email="ann@example.com")
    password_reset_request(email="ann@example.com", redirect_url=REDIRECT_URL)

    with django_capture_on_commit_callbacks() as callbacks:
        queued = password_reset_request(
            email="ann@example.com", redirect_url=REDIRECT_URL
        )

    assert (queued, callbacks) == (False, [])


def test_a_reset_request_for_an_inactive_account_queues_nothing_and_says_nothing(
    django_capture_on_commit_callbacks,
):
    UserFactory(email="ann@example.com", is_active=False)

    with django_capture_on_commit_callbacks() as callbacks:
        queued = password_reset_request(
            email="ann@example.com", redirect_url=REDIRECT_URL
        )

    assert (queued, callbacks) == (False, [])


def test_the_emailed_link_sets_a_new_password_once(mailoutbox):
    user = UserFactory(email="ann@example.com")
    send_password_reset_email(user.pk, REDIRECT_URL)
    params = link_params(mailoutbox[0])
    assert mailoutbox[0].alternatives[0][1] == "text/html"

    password_set(password=PASSWORD, **params)

    assert User.objects.get(pk=user.pk).check_password(PASSWORD)
    with pytest.raises(ValidationError) as error:
        password_set(password="Yet-another-pass-7", **params)
    assert _codes(error.value) == {"token": ["INVALID"]}
    assert User.objects.get(pk=user.pk).check_password(PASSWORD)


def test_set_password_refuses_a_weak_password_and_keeps_the_old(mailoutbox):
    user = UserFactory(email="ann@example.com")
    send_password_reset_email(user.pk, REDIRECT_URL)
    params = link_params(mailoutbox[0])

    with pytest.raises(ValidationError) as error:
        password_set(password="password", **params)

    assert _codes(error.value) == {"password": ["PASSWORD_TOO_COMMON"]}
    assert User.objects.get(pk=user.pk).check_password(OLD)


def test_password_change_needs_the_old_password():
    user = UserFactory(email="ann@example.com")

    with pytest.raises(ValidationError) as error:
        password_change(user=user, old_password="wrong", new_password=PASSWORD)

    assert _codes(error.value) == {"oldPassword": ["INVALID_PASSWORD"]}
    assert User.objects.get(pk=user.pk).check_password(OLD)


def test_password_change_sets_the_new_password():
    user = UserFactory(email="ann@example.com")

    password_change(user=user, old_password=OLD, new_password=PASSWORD)

    assert User.objects.get(pk=user.pk).check_password(PASSWORD)
