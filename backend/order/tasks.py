"""Background jobs of the order domain."""

from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from .alerts import orders_at_risk_alert
from .emails import order_confirmation_send, order_confirmations_unsent
from .models import Fulfillment, FulfillmentStatus
from .shipped_email import shipped_email_build


@shared_task(
    name="order.send_order_shipped_email",
    ignore_result=True,
    acks_late=True,
    # A worker killed mid-send (OOM, deploy) hands the message back.
    reject_on_worker_lost=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=6,
)
def send_order_shipped_email(fulfillment_id: int) -> int:
    """Email the shopper that a parcel left, once per fulfilment.

    The row lock makes a second run wait, then find the email marked sent.
    A mail server failure raises, rolls the mark back and retries later.
    """
    with transaction.atomic():
        fulfillment = (
            Fulfillment.objects.select_for_update(of=("self",))
            .select_related("order")
            .filter(pk=fulfillment_id, status=FulfillmentStatus.FULFILLED)
            .first()
        )
        if fulfillment is None or fulfillment.shipped_email_sent_at is not None:
            return 0
        if not fulfillment.order.user_email:
            return 0
        sent = shipped_email_build(fulfillment).send()
        fulfillment.shipped_email_sent_at = timezone.now()
        fulfillment.save(update_fields=["shipped_email_sent_at"])
    return sent


@shared_task(
    name="order.send_order_confirmation_email",
    ignore_result=True,
    acks_late=True,
    # A worker killed mid-send (OOM, deploy) hands the message back.
    reject_on_worker_lost=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=6,
)
def send_order_confirmation_email(order_id: int) -> bool:
    """Email the order confirmation once, however often the task runs."""
    return order_confirmation_send(order_id=order_id)


# Older orders are left to operations: a day-late confirmation confuses.
UNSENT_CONFIRMATION_MAX_AGE = timedelta(days=1)
# A few hundred ids a minute; each queued task is one small message.
UNSENT_CONFIRMATION_BATCH = 500


@shared_task(name="order.send_unsent_confirmations", ignore_result=True)
def send_unsent_confirmations(grace_seconds: int = 60) -> int:
    """Beat: queue again the confirmations a broker outage kept from queueing.

    Orders younger than the grace period still have their own task in
    flight; a duplicate would send nothing, but costs a message.
    """
    now = timezone.now()
    order_ids = order_confirmations_unsent(
        placed_after=now - UNSENT_CONFIRMATION_MAX_AGE,
        placed_before=now - timedelta(seconds=grace_seconds),
        limit=UNSENT_CONFIRMATION_BATCH,
    )
    for order_id in order_ids:
        send_order_confirmation_email.delay(order_id)
    return len(order_ids)


@shared_task(name="order.alert_orders_at_risk", ignore_result=True)
def alert_orders_at_risk() -> int:
    """Beat: warn operations once per order that may miss its ship-by."""
    return len(orders_at_risk_alert(now=timezone.now()))
