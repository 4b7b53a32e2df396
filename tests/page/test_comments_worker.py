"""The moderator email through a real Celery worker and the Redis broker."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from backend import celery_app
from backend.page.services import comment_post

from .comment_helpers import article, roles


@pytest.mark.django_db(transaction=True)
def test_a_worker_emails_the_moderators_after_the_comment_commits():
    page = article()
    people = roles()
    # Tasks other tests queued and no worker took would run here too.
    celery_app.control.purge()

    with start_worker(celery_app, perform_ping_check=False, shutdown_timeout=10):
        comment_post(
            page=page,
            name="Sam Reader",
            email="sam@example.com",
            body="Thanks for the clear guide.",
            ip_address="203.0.113.7",
            honeypot="",
        )
        for _ in range(100):
            if mail.outbox:
                break
            time.sleep(0.05)

    assert [message.to for message in mail.outbox] == [[people.merchandiser.email]]
