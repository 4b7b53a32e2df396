"""Background jobs of the payment domain."""

from celery import shared_task

from .reconcile import stripe_transactions_reconcile


@shared_task(name="payment.reconcile_stripe_transactions", ignore_result=True)
def reconcile_stripe_transactions() -> int:
    """Finish Stripe sessions left waiting; safe to run twice (rows lock)."""
    return stripe_transactions_reconcile()
