"""Background jobs of the checkout domain."""

from celery import shared_task
from django.utils import timezone

from .cleanup import checkouts_delete_stale
from .reservations import reservations_delete_expired


@shared_task(name="checkout.delete_stale_checkouts", ignore_result=True)
def delete_stale_checkouts() -> int:
    """Beat: drop abandoned carts that hold no payment."""
    return checkouts_delete_stale(now=timezone.now())


@shared_task(name="checkout.delete_expired_reservations", ignore_result=True)
def delete_expired_reservations() -> int:
    """Beat: drop reservations past their time (they already hold nothing)."""
    return reservations_delete_expired(now=timezone.now())
