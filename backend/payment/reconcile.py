"""Finish Stripe sessions whose outcome never reached the database.

A shopper's card can be charged while the write that records it fails
(the database or the network drops between the two) and Stripe's webhook
may be lost too. The beat job asks Stripe about every session still
waiting after a grace period and records what Stripe says.
"""

import logging
from datetime import timedelta

import stripe
from django.utils import timezone

from .gateways.stripe import STRIPE_GATEWAY_ID, stripe_configured
from .models import TransactionItem
from .stripe_payments import stripe_transaction_sync
from .transitions import transactions_pending

logger = logging.getLogger(__name__)

# Leave the shopper time to finish 3-D Secure before asking Stripe.
GRACE = timedelta(minutes=5)
# Sessions asked about per run: one Stripe call each, ~100 ms.
BATCH_SIZE = 200


def stripe_transactions_reconcile(*, grace: timedelta | None = None) -> int:
    """Record Stripe's outcome on sessions left waiting; return how many moved."""
    if not stripe_configured():
        return 0
    if grace is None:
        grace = GRACE
    waiting = transactions_pending(
        TransactionItem.objects.filter(
            gateway=STRIPE_GATEWAY_ID,
            modified_at__lte=timezone.now() - grace,
        ).exclude(psp_reference="")
    ).order_by("modified_at")[:BATCH_SIZE]
    moved = 0
    for token in list(waiting.values_list("token", flat=True)):
        try:
            item, event = stripe_transaction_sync(transaction_token=token)
        except stripe.StripeError:
            logger.exception("Stripe could not say what became of %s", token)
            continue
        if event is not None and event.type not in (
            "charge_action_required",
            "authorization_action_required",
        ):
            moved += 1
    return moved
