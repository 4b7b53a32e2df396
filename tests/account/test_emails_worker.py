"""Account emails through a real Celery worker and the Redis broker."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from backend import celery_app
from backend.account.services import account_register

from .helpers import PASSWORD, REDIRECT_URL


@pytest.mark.django_db(transaction=True)
def test_a_worker_emails_the_confirmation_link_after_sign_up_commits():
    celery_app.control.purge()

    with start_worker(celery_app, perform_ping_check=False, shutdown_timeout=10):
        account_register(
            email="ann@example.com", password=PASSWORD, redirect_url=REDIRECT_URL
        )
        for _ in range(100):
            if mail.outbox:
                break
            time.sleep(0.05)

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["ann@example.com"], "Confirm your Lumbar account")
    ]
    assert "token=" in mail.outbox[0].body
