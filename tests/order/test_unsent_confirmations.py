"""The beat job that queues confirmations a broker outage never queued."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from backend import celery_app
from backend.checkout.complete import checkout_complete
from backend.order.emails import order_confirmations_unsent
from backend.order.models import OrderEvent, OrderEvents
from backend.order.tasks import send_unsent_confirmations
from tests.fixtures.checkout import make_ready_checkout, paid_with


def _place(checkout):
    return checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    )


@pytest.fixture
def eager_tasks():
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


@pytest.fixture
def placed_order(ready_checkout, django_capture_on_commit_callbacks):
    # The callbacks never run: the broker was down when the order committed.
    with django_capture_on_commit_callbacks(execute=False):
        return _place(ready_checkout).order


def test_an_order_whose_email_was_never_queued_is_found(placed_order):
    now = timezone.now() + datetime.timedelta(seconds=1)

    found = order_confirmations_unsent(
        placed_after=now - datetime.timedelta(days=1), placed_before=now, limit=10
    )

    assert found == [placed_order.pk]


def test_the_job_sends_the_missing_confirmation_once(placed_order, eager_tasks):
    assert send_unsent_confirmations(grace_seconds=0) == 1
    assert send_unsent_confirmations(grace_seconds=0) == 0

    assert [m.subject for m in mail.outbox] == [
        f"Your Lumbar order #{placed_order.number}"
    ]
    assert (
        OrderEvent.objects.filter(
            order=placed_order, type=OrderEvents.EMAIL_SENT
        ).count()
        == 1
    )


def test_the_job_leaves_orders_still_within_the_grace_period(placed_order, eager_tasks):
    assert send_unsent_confirmations(grace_seconds=60) == 0
    assert mail.outbox == []


def test_the_job_leaves_orders_older_than_a_day(
    channel, shipping_method, variant, eager_tasks, django_capture_on_commit_callbacks
):
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )
    with django_capture_on_commit_callbacks(execute=False):
        order = _place(checkout).order
    order.created_at = timezone.now() - datetime.timedelta(days=2)
    order.save(update_fields=["created_at"])

    assert send_unsent_confirmations(grace_seconds=0) == 0
    assert mail.outbox == []
