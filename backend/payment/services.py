"""Payment writes: transactions started on a checkout before it completes."""

from decimal import Decimal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from prices import Money

from backend.checkout.models import Checkout
from backend.checkout.selectors import checkout_totals

from .gateways import GatewayNotAvailable, PaymentStatus, payment_gateway_get
from .models import TransactionEvent, TransactionEventType, TransactionItem

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
    money = Money(amount, checkout.currency)
    if action == CHARGE:
        result = gateway.charge(amount=money, token=token)
    else:
        result = gateway.authorize(amount=money, token=token)
    item = TransactionItem.objects.create(
        checkout=checkout,
        name=gateway.name,
        gateway=gateway.id,
        psp_reference=result.psp_reference,
        message=result.message,
        currency=checkout.currency,
        amount_charged_value=(
            amount if result.is_success and action == CHARGE else Decimal(0)
        ),
        amount_authorized_value=(
            amount if result.is_success and action == AUTHORIZATION else Decimal(0)
        ),
    )
    TransactionEvent.objects.create(
        transaction=item,
        type=_EVENT_TYPES[(action, result.status)],
        psp_reference=result.psp_reference,
        message=result.message,
        currency=checkout.currency,
        amount_value=amount,
    )
    return item


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


_ACTION_REQUIRED = {
    TransactionEventType.CHARGE_ACTION_REQUIRED: CHARGE,
    TransactionEventType.AUTHORIZATION_ACTION_REQUIRED: AUTHORIZATION,
}


@transaction.atomic
def transaction_process(
    *, transaction_token: UUID | str, token: str
) -> tuple[TransactionItem, TransactionEvent]:
    """Finish a payment that asked the shopper for an extra step.

    Only a transaction whose last event asks for action can be processed;
    the gateway is asked again with the token of the step's outcome.
    """
    item = (
        TransactionItem.objects.select_for_update()
        .filter(token=transaction_token)
        .first()
    )
    if item is None:
        raise _payment_error(
            "id", "NOT_FOUND", f"Couldn't resolve to a node: {transaction_token}"
        )
    last = item.events.order_by("created_at", "pk").last()
    action = _ACTION_REQUIRED.get(last.type) if last else None
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
    money = Money(last.amount_value, item.currency)
    if action == CHARGE:
        result = gateway.charge(amount=money, token=token)
    else:
        result = gateway.authorize(amount=money, token=token)
    if result.is_success and action == CHARGE:
        item.amount_charged_value += last.amount_value
    elif result.is_success:
        item.amount_authorized_value += last.amount_value
    item.psp_reference = result.psp_reference or item.psp_reference
    item.message = result.message
    item.save(
        update_fields=[
            "amount_charged_value",
            "amount_authorized_value",
            "psp_reference",
            "message",
            "modified_at",
        ]
    )
    event = TransactionEvent.objects.create(
        transaction=item,
        type=_EVENT_TYPES[(action, result.status)],
        psp_reference=result.psp_reference,
        message=result.message,
        currency=item.currency,
        amount_value=last.amount_value,
    )
    return item, event
