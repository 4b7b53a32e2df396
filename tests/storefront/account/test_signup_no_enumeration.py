"""The sign-up page answers a taken email as it answers a new one."""

import pytest
from django.core import mail

from backend.account.models import User

from .helpers import PASSWORD


def sign_up(client, email: str, capture):
    with capture(execute=True):
        return client.post("/account/signup/", {"email": email, "password": PASSWORD})


def main_of(response, email: str) -> str:
    page = response.content.decode()
    return page[page.index("<main") :].replace(email, "EMAIL")


@pytest.mark.django_db
def test_signing_up_with_a_taken_email_answers_alike_and_emails_only_the_owner(
    client, confirmed_customer, tasks_in_process, django_capture_on_commit_callbacks
):
    new = sign_up(client, "new@example.com", django_capture_on_commit_callbacks)
    taken = sign_up(client, "ann@example.com", django_capture_on_commit_callbacks)

    assert new.status_code == taken.status_code == 200
    assert main_of(new, "new@example.com") == main_of(taken, "ann@example.com")
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["new@example.com"], "Confirm your Lumbar account"),
        (["ann@example.com"], "You already have a Lumbar account"),
    ]
    assert User.objects.filter(email="ann@example.com").count() == 1
