"""Password pages: change while logged in, reset by the emailed link."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from backend.account.models import User

from .helpers import PASSWORD, emailed_link, emailed_link_params

NEW_PASSWORD = "Lower-back-stretch-77"


def password_hash(email: str) -> str:
    return User.objects.get(email=email).password


def test_changing_the_password_keeps_the_customer_logged_in(client, confirmed_customer):
    client.force_login(confirmed_customer)

    response = client.post(
        "/account/password/",
        {
            "old_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
        follow=True,
    )

    assert response.redirect_chain == [("/account/", 302)]
    assert "Your password is changed." in response.content.decode()
    confirmed_customer.refresh_from_db()
    assert confirmed_customer.check_password(NEW_PASSWORD)
    assert client.get("/account/orders/").status_code == 200


def test_a_wrong_current_password_is_shown_on_its_field_and_changes_nothing(
    client, confirmed_customer
):
    before = password_hash("ann@example.com")
    client.force_login(confirmed_customer)

    response = client.post(
        "/account/password/",
        {
            "old_password": "not-my-password",
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert page.index("Old password isn&#x27;t valid.") < page.index(
        'for="id_new_password"'
    )
    assert password_hash("ann@example.com") == before


def test_a_weak_new_password_is_refused_by_djangos_validators(
    client, confirmed_customer
):
    before = password_hash("ann@example.com")
    client.force_login(confirmed_customer)

    response = client.post(
        "/account/password/",
        {
            "old_password": PASSWORD,
            "new_password": "1234",
            "new_password_again": "1234",
        },
    )

    assert response.status_code == 400
    assert "This password is too short." in response.content.decode()
    assert password_hash("ann@example.com") == before


def test_two_different_new_passwords_are_refused(client, confirmed_customer):
    before = password_hash("ann@example.com")
    client.force_login(confirmed_customer)

    response = client.post(
        "/account/password/",
        {
            "old_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD + "x",
        },
    )

    assert response.status_code == 400
    assert "The two passwords do not match." in response.content.decode()
    assert password_hash("ann@example.com") == before


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_password_change_page_sends_an_anonymous_visitor_to_log_in(
    client, confirmed_customer, method
):
    before = password_hash("ann@example.com")

    response = getattr(client, method)(
        "/account/password/",
        {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=")
    assert password_hash("ann@example.com") == before


def request_reset(client, email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/account/password/forgot/", {"email": email})


def test_a_reset_request_emails_a_link_to_the_set_password_page(
    client, confirmed_customer, tasks_in_process, django_capture_on_commit_callbacks
):
    response = request_reset(
        client, "ann@example.com", django_capture_on_commit_callbacks
    )

    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["ann@example.com"]
    assert emailed_link(message).startswith(
        "https://shop.example.com/account/password/reset/?"
    )


def test_a_reset_request_for_an_unknown_email_gives_the_same_answer(
    client, confirmed_customer, tasks_in_process, django_capture_on_commit_callbacks
):
    known = request_reset(client, "ann@example.com", django_capture_on_commit_callbacks)
    unknown = request_reset(
        client, "nobody@example.com", django_capture_on_commit_callbacks
    )

    def answer(response):
        page = response.content.decode()
        return page[page.index("<main") :].replace("nobody@", "ann@")

    assert unknown.status_code == known.status_code == 200
    assert answer(unknown) == answer(known)
    assert [message.to for message in mail.outbox] == [["ann@example.com"]]


def test_a_second_reset_request_within_the_interval_sends_no_second_email(
    client, confirmed_customer, tasks_in_process, django_capture_on_commit_callbacks
):
    request_reset(client, "ann@example.com", django_capture_on_commit_callbacks)

    again = request_reset(client, "ann@example.com", django_capture_on_commit_callbacks)

    assert again.status_code == 200
    assert "Check your email" in again.content.decode()
    assert len(mail.outbox) == 1


def test_a_reset_request_after_the_interval_sends_a_new_email(
    client, confirmed_customer, tasks_in_process, django_capture_on_commit_callbacks
):
    request_reset(client, "ann@example.com", django_capture_on_commit_callbacks)
    User.objects.filter(pk=confirmed_customer.pk).update(
        last_password_reset_request=timezone.now() - timedelta(hours=1)
    )

    request_reset(client, "ann@example.com", django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 2


def test_an_invalid_email_on_the_request_page_is_shown_on_its_field(client, db):
    response = client.post("/account/password/forgot/", {"email": "not-an-email"})

    assert response.status_code == 400
    assert 'class="field-error"' in response.content.decode()


@pytest.fixture
def reset_link_params(
    client, confirmed_customer, tasks_in_process, django_capture_on_commit_callbacks
):
    request_reset(client, "ann@example.com", django_capture_on_commit_callbacks)
    return emailed_link_params(mail.outbox[0])


def test_the_emailed_link_opens_the_new_password_form(client, reset_link_params):
    response = client.get("/account/password/reset/", reset_link_params)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose a new password" in page
    assert f'value="{reset_link_params["token"]}"' in page


def test_the_emailed_link_sets_the_new_password_once(client, reset_link_params):
    form = {
        **reset_link_params,
        "new_password": NEW_PASSWORD,
        "new_password_again": NEW_PASSWORD,
    }

    response = client.post("/account/password/reset/", form)
    again = client.post(
        "/account/password/reset/",
        {**form, "new_password": PASSWORD, "new_password_again": PASSWORD},
    )

    assert "Your password is changed" in response.content.decode()
    assert again.status_code == 400
    assert "This link no longer works" in again.content.decode()
    assert User.objects.get(email="ann@example.com").check_password(NEW_PASSWORD)


def test_a_used_link_shows_the_no_longer_works_page(client, reset_link_params):
    client.post(
        "/account/password/reset/",
        {
            **reset_link_params,
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )

    response = client.get("/account/password/reset/", reset_link_params)

    assert response.status_code == 400
    assert "This link no longer works" in response.content.decode()


def test_a_forged_token_changes_nothing(client, confirmed_customer):
    before = password_hash("ann@example.com")

    response = client.post(
        "/account/password/reset/",
        {
            "email": "ann@example.com",
            "token": "forged-token",
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )

    assert response.status_code == 400
    assert "This link no longer works" in response.content.decode()
    assert password_hash("ann@example.com") == before


def test_anothers_token_does_not_reset_this_account(
    client, reset_link_params, other_customer
):
    before = password_hash("other@example.com")

    response = client.post(
        "/account/password/reset/",
        {
            **reset_link_params,
            "email": "other@example.com",
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )

    assert response.status_code == 400
    assert password_hash("other@example.com") == before


def test_a_weak_password_on_the_reset_page_is_shown_and_the_link_still_works(
    client, reset_link_params
):
    before = password_hash("ann@example.com")

    response = client.post(
        "/account/password/reset/",
        {**reset_link_params, "new_password": "1234", "new_password_again": "1234"},
    )

    assert response.status_code == 400
    assert "This password is too short." in response.content.decode()
    assert password_hash("ann@example.com") == before
    assert client.get("/account/password/reset/", reset_link_params).status_code == 200


def test_a_reset_request_for_an_inactive_account_gives_the_same_answer_and_no_email(
    client, confirmed_customer, tasks_in_process, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=confirmed_customer.pk).update(is_active=False)

    response = request_reset(
        client, "ann@example.com", django_capture_on_commit_callbacks
    )

    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []
