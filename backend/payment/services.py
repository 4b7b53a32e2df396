"""Payment writes: transactions started on a checkout before it completes."""

from decimal import Decimal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from prices import Money

from backend.checkout.models import Checkout
from backend.checkout.selectors import checkout_totals
from backend.core.columns import column_value_refusal
from backend.order.models import Order

from .gateways import GatewayNotAvailable, PaymentStatus, payment_gateway_get
from .models import TransactionEvent, TransactionEventType, TransactionItem
from .transitions import (
    TransactionState,
    transaction_event_record,
    transaction_last_event,
    transaction_locked,
    transaction_state,
)

CHARGE = "CHARGE"
AUTHORIZATION = "AUTHORIZATION"

_EVENT_TYPES = {
    (CHARGE, PaymentStatus.SUCCESS): TransactionEventType.CHARGE_SUCCESS,
    (CHARGE, PaymentStatus.DECLINED): TransactionEventType.CHARGE_FAILURE,
    (CHARGE, PaymentStatus.ACTION_REQUIRED): (
        TransactionEventType.CHARGE_ACTION_REQUIRED
    ),
    (AUTHORIZATION, PaymentStatus.SUCCESS): TransactionEventType.AUTHORIZATION_SUCCESS,
    (AUTHORIZATION, PaymentStatus.DECLINED): (
        TransactionEventType.AUTHORIZATION_FAILURE
    ),
    (AUTHORIZATION, PaymentStatus.ACTION_REQUIRED): (
        TransactionEventType.AUTHORIZATION_ACTION_REQUIRED
    ),
}


def _payment_error(field: str, code: str, message: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


@transaction.atomic
def transaction_initialize(
    *,
    checkout_token: UUID | str,
    gateway_id: str,
    token: str,
    action: str = CHARGE,
    amount: Decimal | None = None,
) -> TransactionItem:
    """Ask the gateway to charge or authorize the checkout and record the outcome.

    The amount defaults to what the checkout still owes. A declined or
    unfinished payment is recorded as an event and moves no money.
    """
    if action not in (CHARGE, AUTHORIZATION):
        raise _payment_error("action", "INVALID", f"Unknown action {action}.")
    checkout = (
        Checkout.objects.select_for_update(of=("self",))
        .by_token(checkout_token)
        .first()
    )
    if checkout is None:
        raise _payment_error(
            "id", "NOT_FOUND", f"Couldn't resolve to a node: {checkout_token}"
        )
    try:
        gateway = payment_gateway_get(gateway_id=gateway_id)
    except GatewayNotAvailable:
        raise _payment_error(
            "paymentGateway", "NOT_FOUND", f"Gateway {gateway_id} is not available."
        ) from None
    if amount is None:
        amount = _amount_due(checkout)
    if amount < 0:
        raise _payment_error("amount", "INVALID", "The amount cannot be negative.")
    too_big = column_value_refusal(
        TransactionEvent._meta.get_field("amount_value"), amount
    )
    if too_big is not None:
        raise _payment_error("amount", "INVALID", too_big)
    # The row exists before the gateway is asked, and every check that can
    # fail has run: the gateway's answer is then only recorded.
    item = TransactionItem.objects.create(
        checkout=checkout,
        name=gateway.name,
        gateway=gateway.id,
        currency=checkout.currency,
    )
    money = Money(amount, checkout.currency)
    if action == CHARGE:
        result = gateway.charge(amount=money, token=token)
    else:
        result = gateway.authorize(amount=money, token=token)
    _record_outcome(
        item=item,
        order=None,
        action=action,
        result=result,
        amount=amount,
        state=TransactionState.NEW,
    )
    return item


def _record_outcome(
    *,
    item: TransactionItem,
    order: Order | None,
    action: str,
    result,
    amount,
    state: TransactionState | None = None,
) -> None:
    item.psp_reference = result.psp_reference or item.psp_reference
    item.message = result.message[:512]
    item.save(update_fields=["psp_reference", "message", "modified_at"])
    transaction_event_record(
        item=item,
        event_type=_EVENT_TYPES[(action, result.status)],
        amount=amount,
        order=order,
        psp_reference=result.psp_reference,
        message=result.message,
        state=state,
    )


def _amount_due(checkout: Checkout) -> Decimal:
    total = checkout_totals(checkout=checkout).total.amount
    covered = sum(
        (
            item.amount_charged_value + item.amount_authorized_value
            for item in checkout.payment_transactions.all()
        ),
        Decimal(0),
    )
    return max(total - covered, Decimal(0))


_PENDING_ACTIONS = {
    TransactionState.CHARGE_PENDING: CHARGE,
    TransactionState.AUTHORIZATION_PENDING: AUTHORIZATION,
}


@transaction.atomic
def transaction_process(
    *, transaction_token: UUID | str, token: str
) -> tuple[TransactionItem, TransactionEvent]:
    """Finish a payment that asked the shopper for an extra step.

    Only a transaction whose session waits for that step can be processed,
    once: the gateway is asked again with the token of the step's outcome.
    """
    item, order = transaction_locked(transaction_token)
    if item is None:
        raise _payment_error(
            "id", "NOT_FOUND", f"Couldn't resolve to a node: {transaction_token}"
        )
    action = _PENDING_ACTIONS.get(transaction_state(item))
    if action is None:
        raise _payment_error(
            "id",
            "TRANSACTION_ALREADY_PROCESSED",
            "Transaction has already been processed.",
        )
    try:
        gateway = payment_gateway_get(gateway_id=item.gateway)
    except GatewayNotAvailable:
        raise _payment_error(
            "id", "MISSING_PAYMENT_APP", f"Gateway {item.gateway} is not available."
        ) from None
    amount = transaction_last_event(item).amount_value
    money = Money(amount, item.currency)
    if action == CHARGE:
        result = gateway.charge(amount=money, token=token)
    else:
        result = gateway.authorize(amount=money, token=token)
    _record_outcome(item=item, order=order, action=action, result=result, amount=amount)
    return item, transaction_last_event(item)
