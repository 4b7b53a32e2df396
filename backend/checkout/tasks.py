"""Background jobs of the checkout domain."""

from celery import shared_task
from django.utils import timezone

from .cleanup import checkouts_delete_stale


@shared_task(name="checkout.delete_stale_checkouts", ignore_result=True)
def delete_stale_checkouts() -> int:
    """Beat: drop abandoned carts that hold no payment."""
    return checkouts_delete_stale(now=timezone.now())
