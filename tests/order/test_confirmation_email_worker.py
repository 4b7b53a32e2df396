"""The order confirmation through a real Celery worker and the Redis broker."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from backend import celery_app
from backend.checkout.complete import checkout_complete
from backend.order.models import OrderEvent, OrderEvents
from backend.order.tasks import send_order_confirmation_email
from tests.fixtures.checkout import paid_with


def _wait_for(predicate, seconds=5.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_a_worker_emails_the_confirmation_once_after_the_order_commits(
    ready_checkout,
):
    celery_app.control.purge()

    with start_worker(celery_app, perform_ping_check=False, shutdown_timeout=10):
        order = checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        ).order
        _wait_for(lambda: mail.outbox)
        # A redelivered message must not send a second email.
        send_order_confirmation_email.delay(order.pk)
        _wait_for(lambda: len(mail.outbox) > 1, seconds=2.0)

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["buyer@example.com"], f"Your Lumbar order #{order.number}")
    ]
    assert (
        OrderEvent.objects.filter(order=order, type=OrderEvents.EMAIL_SENT).count() == 1
    )
