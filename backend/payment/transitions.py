"""A transaction's state machine: which event may follow which, what it moves.

Every writer of a TransactionEvent goes through ``transaction_event_record``,
so no path can charge a finished session again or refund more than was
charged. The state is read from the transaction's last event, under the
transaction's lock.

A session (transactionInitialize, then transactionProcess while the shopper
owes a step such as 3-D Secure) ends with a success or a failure. After
that only staff actions run on it: a request, then the gateway's answer.
"""

import enum
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from django.db.models import OuterRef, Subquery

from backend.order.models import Order

from .models import TransactionEvent, TransactionEventType, TransactionItem
from .totals import order_payment_totals_update

E = TransactionEventType
CHARGED = "amount_charged_value"
AUTHORIZED = "amount_authorized_value"
REFUNDED = "amount_refunded_value"
CANCELED = "amount_canceled_value"


class TransactionState(enum.StrEnum):
    NEW = "new"  # no event yet: its session is about to start
    CHARGE_PENDING = "charge_pending"  # the shopper owes a step to a charge
    AUTHORIZATION_PENDING = "authorization_pending"
    CHARGE_REQUESTED = "charge_requested"  # staff asked; the gateway answers
    REFUND_REQUESTED = "refund_requested"
    CANCEL_REQUESTED = "cancel_requested"
    SETTLED = "settled"  # the session ended; staff actions may follow


@dataclass(frozen=True)
class Step:
    """What an event does to the amounts.

    ``covered_by`` must hold at least the event's amount; ``debit`` takes
    the amount from it; ``credit`` adds the amount to that field.
    """

    covered_by: str = ""
    debit: bool = False
    credit: str = ""


_NOTHING = Step()


def _session(state: TransactionState, kind: str, success: Step) -> dict:
    return {
        (state, getattr(E, f"{kind}_SUCCESS")): success,
        (state, getattr(E, f"{kind}_FAILURE")): _NOTHING,
        (state, getattr(E, f"{kind}_ACTION_REQUIRED")): _NOTHING,
    }


_S = TransactionState

# (state, event) → step. A pair missing from the table is refused.
TRANSITIONS: dict[tuple[TransactionState, str], Step] = {
    **_session(_S.NEW, "CHARGE", Step(credit=CHARGED)),
    **_session(_S.NEW, "AUTHORIZATION", Step(credit=AUTHORIZED)),
    **_session(_S.CHARGE_PENDING, "CHARGE", Step(credit=CHARGED)),
    **_session(_S.AUTHORIZATION_PENDING, "AUTHORIZATION", Step(credit=AUTHORIZED)),
    # Money staff gave back or released outside any gateway (transactionCreate).
    (_S.NEW, E.REFUND_SUCCESS): Step(credit=REFUNDED),
    (_S.NEW, E.CANCEL_SUCCESS): Step(credit=CANCELED),
    (_S.SETTLED, E.CHARGE_REQUEST): Step(covered_by=AUTHORIZED),
    (_S.SETTLED, E.REFUND_REQUEST): Step(covered_by=CHARGED),
    (_S.SETTLED, E.CANCEL_REQUEST): Step(covered_by=AUTHORIZED),
    (_S.CHARGE_REQUESTED, E.CHARGE_SUCCESS): Step(
        covered_by=AUTHORIZED, debit=True, credit=CHARGED
    ),
    (_S.CHARGE_REQUESTED, E.CHARGE_FAILURE): _NOTHING,
    (_S.REFUND_REQUESTED, E.REFUND_SUCCESS): Step(
        covered_by=CHARGED, debit=True, credit=REFUNDED
    ),
    (_S.REFUND_REQUESTED, E.REFUND_FAILURE): _NOTHING,
    (_S.CANCEL_REQUESTED, E.CANCEL_SUCCESS): Step(
        covered_by=AUTHORIZED, debit=True, credit=CANCELED
    ),
    (_S.CANCEL_REQUESTED, E.CANCEL_FAILURE): _NOTHING,
}

_STATE_AFTER = {
    E.CHARGE_ACTION_REQUIRED: _S.CHARGE_PENDING,
    E.AUTHORIZATION_ACTION_REQUIRED: _S.AUTHORIZATION_PENDING,
    E.CHARGE_REQUEST: _S.CHARGE_REQUESTED,
    E.REFUND_REQUEST: _S.REFUND_REQUESTED,
    E.CANCEL_REQUEST: _S.CANCEL_REQUESTED,
}

PENDING_STATES = {
    _S.CHARGE_PENDING: E.CHARGE_FAILURE,
    _S.AUTHORIZATION_PENDING: E.AUTHORIZATION_FAILURE,
}


class TransactionStepRefused(Exception):
    """The event does not follow the transaction's state; nothing changed."""

    def __init__(self, message: str, *, state: TransactionState):
        super().__init__(message)
        self.message = message
        self.state = state


def transaction_last_event(item: TransactionItem) -> TransactionEvent | None:
    return item.events.order_by("-pk").first()


def transactions_pending(transactions):
    """Filter transactions to those whose session waits for the shopper."""
    last_type = (
        TransactionEvent.objects.filter(transaction=OuterRef("pk"))
        .order_by("-pk")
        .values("type")[:1]
    )
    return transactions.annotate(last_event_type=Subquery(last_type)).filter(
        last_event_type__in=[
            E.CHARGE_ACTION_REQUIRED,
            E.AUTHORIZATION_ACTION_REQUIRED,
        ]
    )


def transaction_state(item: TransactionItem) -> TransactionState:
    """Return the state the transaction's last event left it in."""
    last = transaction_last_event(item)
    if last is None:
        return _S.NEW
    return _STATE_AFTER.get(last.type, _S.SETTLED)


def transaction_step_check(
    item: TransactionItem,
    *,
    event_type: str,
    amount: Decimal,
    state: TransactionState | None = None,
) -> Step:
    """Return the step the event takes, or raise TransactionStepRefused."""
    if state is None:
        state = transaction_state(item)
    step = TRANSITIONS.get((state, event_type))
    if step is None:
        raise TransactionStepRefused(
            f"A {event_type.upper()} event cannot follow a transaction that is "
            f"{state.value.replace('_', ' ')}.",
            state=state,
        )
    if amount < 0:
        raise TransactionStepRefused("The amount cannot be negative.", state=state)
    if step.covered_by and getattr(item, step.covered_by) < amount:
        available = getattr(item, step.covered_by)
        raise TransactionStepRefused(
            f"Only {available} {item.currency} is available for "
            f"{event_type.upper()}, not {amount}.",
            state=state,
        )
    return step


def transaction_event_record(
    *,
    item: TransactionItem,
    event_type: str,
    amount: Decimal,
    order: Order | None = None,
    psp_reference: str = "",
    message: str = "",
    user=None,
    state: TransactionState | None = None,
) -> TransactionEvent:
    """Write the event if it follows the state, and move the amounts it moves.

    Call it under the transaction's lock (and its order's, passed here, whose
    totals are then summed again from its transactions). ``state`` saves a
    read when the caller knows it: a row it has just created is NEW.
    """
    if item.order_id is not None and (order is None or order.pk != item.order_id):
        raise ValueError("Pass the transaction's locked order.")
    step = transaction_step_check(
        item, event_type=event_type, amount=amount, state=state
    )
    event = TransactionEvent.objects.create(
        transaction=item,
        type=event_type,
        psp_reference=psp_reference or item.psp_reference,
        message=message[:512],
        currency=item.currency,
        amount_value=amount,
        user=user if user is not None and user.is_authenticated else None,
    )
    if step.debit:
        setattr(item, step.covered_by, getattr(item, step.covered_by) - amount)
    if step.credit:
        setattr(item, step.credit, getattr(item, step.credit) + amount)
    if step.debit or step.credit:
        item.save(
            update_fields=[CHARGED, AUTHORIZED, REFUNDED, CANCELED, "modified_at"]
        )
        if order is not None:
            order_payment_totals_update(order=order)
    return event


def transaction_locked(
    transaction_token: UUID | str,
) -> tuple[TransactionItem | None, Order | None]:
    """Lock the transaction's order first, then the transaction itself.

    Every writer takes the two locks in this order, so none deadlock.
    """
    order_id = (
        TransactionItem.objects.filter(token=transaction_token)
        .values_list("order_id", flat=True)
        .first()
    )
    order = (
        Order.objects.select_for_update().filter(pk=order_id).first()
        if order_id
        else None
    )
    item = (
        TransactionItem.objects.select_for_update()
        .filter(token=transaction_token)
        .first()
    )
    if item is not None and item.order_id != order_id:
        # Its checkout became an order while we waited for the lock.
        order = Order.objects.select_for_update().filter(pk=item.order_id).first()
    return item, order
