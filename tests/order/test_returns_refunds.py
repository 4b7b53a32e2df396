"""Parcels come back and money goes back: status, stock and payment follow."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import FulfilLine, fulfillment_return, order_fulfil
from backend.order.models import FulfillmentStatus, OrderChargeStatus, OrderStatus
from backend.payment.gateways import test_gateway
from backend.payment.models import TransactionEventType
from backend.payment.refunds import order_refund
from tests.fixtures.checkout import paid_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(ready_checkout):
    """2 × $19.99 + $5.00 shipping, charged through the test gateway."""
    return checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order


@pytest.fixture
def sent(order, warehouse):
    (fulfillment,) = order_fulfil(
        order_id=order.pk,
        lines=[FulfilLine(order.lines.get().pk, 2, warehouse.pk)],
        notify_customer=False,
    )
    return fulfillment


def _code(error) -> str:
    ((_, errors),) = error.value.error_dict.items()
    return errors[0].code


def test_a_returned_parcel_is_restocked_and_the_order_returned(order, sent, variant):
    fulfillment_return(fulfillment_id=sent.pk, restock=True)

    order.refresh_from_db()
    sent.refresh_from_db()
    assert sent.status == FulfillmentStatus.RETURNED
    assert order.status == OrderStatus.RETURNED
    assert variant.stocks.get().quantity == 10


def test_a_damaged_return_stays_off_the_shelf(order, sent, variant):
    fulfillment_return(fulfillment_id=sent.pk, restock=False)

    assert variant.stocks.get().quantity == 8


def test_part_of_an_order_returned_is_partially_returned(order, warehouse):
    line = order.lines.get()
    (first,) = order_fulfil(
        order_id=order.pk, lines=[FulfilLine(line.pk, 1, warehouse.pk)]
    )
    order_fulfil(order_id=order.pk, lines=[FulfilLine(line.pk, 1, warehouse.pk)])

    fulfillment_return(fulfillment_id=first.pk, restock=True)

    order.refresh_from_db()
    assert order.status == OrderStatus.PARTIALLY_RETURNED


def test_a_parcel_cannot_come_back_twice(order, sent, variant):
    fulfillment_return(fulfillment_id=sent.pk, restock=True)

    with pytest.raises(ValidationError) as error:
        fulfillment_return(fulfillment_id=sent.pk, restock=True)

    assert _code(error) == "INVALID"
    assert variant.stocks.get().quantity == 10


def test_a_refund_goes_through_the_gateway_and_lowers_what_was_charged(order):
    test_gateway.REFUNDS.clear()

    order_refund(order_id=order.pk, amount="10.00")

    order.refresh_from_db()
    assert order.total_charged_amount == Decimal("34.98")
    assert order.charge_status == OrderChargeStatus.PARTIAL
    item = order.payment_transactions.get()
    assert item.amount_refunded_value == Decimal("10.00")
    assert item.events.filter(type=TransactionEventType.REFUND_SUCCESS).exists()
    assert [amount.amount for _, amount in test_gateway.REFUNDS] == [Decimal("10.00")]
    assert order.events.filter(type="refunded").exists()


def test_refunding_everything_leaves_nothing_charged(order):
    order_refund(order_id=order.pk, amount=order.total_charged_amount)

    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.NONE


@pytest.mark.parametrize("amount", ["0", "-5", "abc", "44.99"])
def test_a_refund_of_nothing_or_more_than_charged_is_refused(order, amount):
    with pytest.raises(ValidationError):
        order_refund(order_id=order.pk, amount=amount)

    order.refresh_from_db()
    assert order.total_charged_amount == Decimal("44.98")
