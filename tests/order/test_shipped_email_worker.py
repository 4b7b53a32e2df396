"""The shipped email through a real Celery worker and the Redis broker."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from backend import celery_app
from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.tasks import send_order_shipped_email
from tests.fixtures.checkout import paid_with


@pytest.mark.django_db(transaction=True)
def test_a_worker_sends_the_shipped_email_once_even_when_queued_twice(
    ready_checkout, warehouse
):
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order
    celery_app.control.purge()

    with start_worker(celery_app, perform_ping_check=False, shutdown_timeout=10):
        (fulfillment,) = order_fulfil(
            order_id=order.pk,
            lines=[FulfilLine(order.lines.get().pk, 2, warehouse.pk)],
            tracking_number="9400111899223100000000",
            carrier="USPS",
        )
        send_order_shipped_email.delay(fulfillment.pk)  # a duplicate delivery
        for _ in range(100):
            fulfillment.refresh_from_db()
            if fulfillment.shipped_email_sent_at and len(mail.outbox) >= 1:
                break
            time.sleep(0.05)
        time.sleep(0.5)  # give the duplicate its chance to (wrongly) send

    assert [m.subject for m in mail.outbox] == [
        f"Your Lumbar order #{order.number} has shipped"
    ]
    assert "tools.usps.com" in mail.outbox[0].body
