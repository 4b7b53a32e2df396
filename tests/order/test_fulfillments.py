"""Fulfilling orders: stock leaves, status follows, mistakes change nothing."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import (
    FulfilLine,
    fulfillment_approve,
    fulfillment_cancel,
    fulfillment_tracking_update,
    order_fulfil,
)
from backend.order.models import (
    FulfillmentStatus,
    OrderEvents,
    OrderStatus,
)
from backend.order.services import order_cancel
from backend.order.tasks import send_order_shipped_email
from backend.warehouse.models import Allocation
from tests import factories
from tests.fixtures.checkout import make_ready_checkout, paid_with
from tests.on_commit import without_version_bumps

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(ready_checkout):
    """An order for 2 of the variant; the warehouse held 10."""
    return checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order


def _line(order):
    return order.lines.get()


def _stock(variant, warehouse):
    stock = variant.stocks.get(warehouse=warehouse)
    return stock.quantity, stock.quantity_allocated


def _code(error: pytest.ExceptionInfo) -> str:
    ((_, errors),) = error.value.error_dict.items()
    return errors[0].code


def fulfil(order, warehouse, quantity=2, **kwargs):
    return order_fulfil(
        order_id=order.pk,
        lines=[FulfilLine(_line(order).pk, quantity, warehouse.pk)],
        **kwargs,
    )


def test_fulfilling_everything_sends_the_stock_and_fulfils_the_order(
    order, variant, warehouse, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        (fulfillment,) = fulfil(
            order, warehouse, tracking_number="1Z999AA10123456784", carrier="UPS"
        )

    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED
    assert fulfillment.composed_id == f"{order.number}-1"
    assert fulfillment.status == FulfillmentStatus.FULFILLED
    assert _stock(variant, warehouse) == (8, 0)
    assert not Allocation.objects.exists()
    assert _line(order).quantity_fulfilled == 2
    assert [e.type for e in order.events.order_by("pk")][-2:] == [
        OrderEvents.FULFILLMENT_FULFILLED_ITEMS,
        OrderEvents.TRACKING_UPDATED,
    ]
    assert len(without_version_bumps(queued)) == 1


def test_fulfilling_part_leaves_the_rest_held_for_the_order(order, variant, warehouse):
    fulfil(order, warehouse, quantity=1)

    order.refresh_from_db()
    assert order.status == OrderStatus.PARTIALLY_FULFILLED
    assert _stock(variant, warehouse) == (9, 1)


def test_a_second_parcel_is_numbered_after_the_first(order, warehouse):
    fulfil(order, warehouse, quantity=1)

    (second,) = fulfil(order, warehouse, quantity=1)

    assert second.composed_id == f"{order.number}-2"
    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED


def test_fulfilling_more_than_ordered_is_refused_and_changes_nothing(
    order, variant, warehouse
):
    with pytest.raises(ValidationError) as error:
        fulfil(order, warehouse, quantity=3)

    assert _code(error) == "FULFILL_ORDER_LINE"
    assert _stock(variant, warehouse) == (10, 2)
    assert not order.fulfillments.exists()


def test_fulfilling_zero_is_refused(order, warehouse):
    with pytest.raises(ValidationError) as error:
        fulfil(order, warehouse, quantity=0)

    assert _code(error) == "ZERO_QUANTITY"


def test_fulfilling_from_a_warehouse_without_the_stock_is_refused(
    order, variant, warehouse, channel
):
    empty = factories.WarehouseFactory(channels=[channel])
    factories.StockFactory(product_variant=variant, warehouse=empty, quantity=1)

    with pytest.raises(ValidationError) as error:
        fulfil(order, empty, quantity=2)

    assert _code(error) == "INSUFFICIENT_STOCK"
    assert _stock(variant, empty) == (1, 0)
    assert _stock(variant, warehouse) == (10, 2)


def test_units_held_for_another_order_cannot_be_sent(
    order, variant, warehouse, channel, shipping_method
):
    variant.stocks.update(quantity=4)  # 2 held for `order`, 2 for the next
    other = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 2)]
    )
    checkout_complete(checkout_token=other.token, payment=paid_with("tok_success"))
    variant.stocks.update(quantity=3)  # one unit was lost in the warehouse

    with pytest.raises(ValidationError) as error:
        fulfil(order, warehouse, quantity=2)

    assert _code(error) == "INSUFFICIENT_STOCK"


@pytest.mark.parametrize(
    "tracking_number",
    ["X" * 256, "1Z999\x00AA", "1Z999\nAA"],
    ids=["too-long", "nul", "newline"],
)
def test_bad_tracking_numbers_are_refused(order, variant, warehouse, tracking_number):
    with pytest.raises(ValidationError) as error:
        fulfil(order, warehouse, tracking_number=tracking_number)

    assert _code(error) == "INVALID"
    assert _stock(variant, warehouse) == (10, 2)


def test_a_canceled_order_cannot_be_fulfilled(order, variant, warehouse):
    order_cancel(order_id=order.pk)

    with pytest.raises(ValidationError) as error:
        fulfil(order, warehouse)

    assert _code(error) == "NOT_EDITABLE"
    assert _stock(variant, warehouse) == (10, 0)


def test_canceling_a_fulfillment_puts_the_units_back_for_the_order(
    order, variant, warehouse
):
    (fulfillment,) = fulfil(order, warehouse)

    fulfillment_cancel(fulfillment_id=fulfillment.pk)

    order.refresh_from_db()
    fulfillment.refresh_from_db()
    assert fulfillment.status == FulfillmentStatus.CANCELED
    assert order.status == OrderStatus.UNFULFILLED
    assert _stock(variant, warehouse) == (10, 2)
    assert _line(order).quantity_fulfilled == 0
    assert Allocation.objects.get().quantity_allocated == 2


def test_canceling_a_canceled_fulfillment_is_refused(order, variant, warehouse):
    (fulfillment,) = fulfil(order, warehouse)
    fulfillment_cancel(fulfillment_id=fulfillment.pk)

    with pytest.raises(ValidationError) as error:
        fulfillment_cancel(fulfillment_id=fulfillment.pk)

    assert _code(error) == "CANNOT_CANCEL_FULFILLMENT"
    assert _stock(variant, warehouse) == (10, 2)


def test_a_channel_needing_approval_holds_the_stock_until_approved(
    order, variant, warehouse, channel, django_capture_on_commit_callbacks
):
    channel.automatically_approve_fulfillments = False
    channel.save(update_fields=["automatically_approve_fulfillments"])

    with django_capture_on_commit_callbacks() as queued:
        (fulfillment,) = fulfil(order, warehouse)
    assert fulfillment.status == FulfillmentStatus.WAITING_FOR_APPROVAL
    assert _stock(variant, warehouse) == (10, 2)
    assert queued == []

    with django_capture_on_commit_callbacks() as queued:
        fulfillment_approve(fulfillment_id=fulfillment.pk)

    fulfillment.refresh_from_db()
    assert fulfillment.status == FulfillmentStatus.FULFILLED
    assert _stock(variant, warehouse) == (8, 0)
    assert len(without_version_bumps(queued)) == 1


def test_shipped_email_names_the_carrier_and_tracking_link_and_goes_once(
    order, warehouse
):
    (fulfillment,) = fulfil(
        order, warehouse, tracking_number="1Z999AA10123456784", carrier="UPS"
    )

    send_order_shipped_email(fulfillment.pk)
    send_order_shipped_email(fulfillment.pk)

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["buyer@example.com"]
    assert email.subject == f"Your Lumbar order #{order.number} has shipped"
    assert "Carrier: UPS" in email.body
    assert "https://www.ups.com/track?tracknum=1Z999AA10123456784" in email.body
    assert f"/orders/{order.token}/" in email.body


def test_a_new_tracking_number_is_recorded_and_can_be_sent_again(order, warehouse):
    (fulfillment,) = fulfil(order, warehouse, tracking_number="OLD1", carrier="USPS")
    send_order_shipped_email(fulfillment.pk)

    fulfillment_tracking_update(
        fulfillment_id=fulfillment.pk,
        tracking_number="9400111899223100000000",
        carrier="USPS",
        notify_customer=True,
    )
    send_order_shipped_email(fulfillment.pk)

    assert len(mail.outbox) == 2
    assert "9400111899223100000000" in mail.outbox[1].body
    assert order.events.filter(type=OrderEvents.TRACKING_UPDATED).count() == 2
