"""Transactions started on a checkout before it completes."""

from decimal import Decimal
from uuid import UUID

from prices import Money

from backend.core.columns import column_value_refusal
from backend.payment.gateways import GatewayNotAvailable, payment_gateway_get
from backend.payment.models import TransactionEvent, TransactionItem
from backend.payment.services import (
    AUTHORIZATION,
    CHARGE,
    payment_error,
    transaction_outcome_record,
)
from backend.payment.totals import checkout_paid
from backend.payment.transitions import TransactionState

from .models import Checkout
from .selectors import checkout_totals
from .services import checkout_locked


def transaction_initialize(
    *,
    checkout_token: UUID | str | None = None,
    checkout: Checkout | None = None,
    gateway_id: str,
    token: str,
    action: str = CHARGE,
    amount: Decimal | None = None,
) -> TransactionItem:
    """Ask the gateway to charge or authorize the checkout and record the outcome.

    The amount defaults to what the checkout still owes. A declined or
    unfinished payment is recorded as an event and moves no money.
    """
    item, _ = transaction_initialize_recorded(
        checkout_token=checkout_token,
        checkout=checkout,
        gateway_id=gateway_id,
        token=token,
        action=action,
        amount=amount,
    )
    return item


def transaction_initialize_recorded(
    *,
    checkout_token: UUID | str | None = None,
    checkout: Checkout | None = None,
    gateway_id: str,
    token: str,
    action: str = CHARGE,
    amount: Decimal | None = None,
) -> tuple[TransactionItem, TransactionEvent]:
    """Initialize as ``transaction_initialize``; return the item and its event.

    The checkout is named by its token, or given locked (``checkout_locked``).
    The new item has this one event: whoever shows it needs no read of it.
    """
    if action not in (CHARGE, AUTHORIZATION):
        raise payment_error("action", "INVALID", f"Unknown action {action}.")
    with checkout_locked(
        checkout_token=checkout_token, checkout=checkout, relations=()
    ) as checkout:
        try:
            gateway = payment_gateway_get(gateway_id=gateway_id)
        except GatewayNotAvailable:
            raise payment_error(
                "paymentGateway", "NOT_FOUND", f"Gateway {gateway_id} is not available."
            ) from None
        if amount is None:
            amount = _amount_due(checkout)
        if amount < 0:
            raise payment_error("amount", "INVALID", "The amount cannot be negative.")
        too_big = column_value_refusal(
            TransactionEvent._meta.get_field("amount_value"), amount
        )
        if too_big is not None:
            raise payment_error("amount", "INVALID", too_big)
        # The row exists before the gateway is asked, and every check that can
        # fail has run: the gateway's answer is then only recorded.
        item = TransactionItem.objects.create(
            checkout=checkout,
            name=gateway.name,
            gateway=gateway.id,
            currency=checkout.currency,
        )
        money = Money(amount, checkout.currency)
        start = gateway.charge if action == CHARGE else gateway.authorize
        result = start(
            amount=money, token=token, idempotency_key=f"{item.token}:{action}:{amount}"
        )
        event = transaction_outcome_record(
            item=item,
            order=None,
            action=action,
            result=result,
            amount=amount,
            state=TransactionState.NEW,
        )
        return item, event


def _amount_due(checkout: Checkout) -> Decimal:
    total = checkout_totals(checkout=checkout).total.amount
    charged, authorized = checkout_paid(checkout.pk)
    return max(total - charged - authorized, Decimal(0))
