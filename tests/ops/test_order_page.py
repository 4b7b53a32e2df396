"""The ops order page: what was sold, where it is held, and fulfilling it."""

from decimal import Decimal

import pytest

from backend.order.models import FulfillmentStatus, OrderStatus
from tests.on_commit import without_version_bumps

from .conftest import fulfil_form, order_url

pytestmark = pytest.mark.django_db


def test_the_order_page_shows_lines_held_stock_and_timeline(ops_client, order):
    page = ops_client.get(order_url(order)).content.decode()

    assert f"Order #{order.number}" in page
    assert "Stretch Strap" in page
    assert ": 2" in page  # held in the warehouse
    assert "The order was placed" in page


def test_fulfilling_from_the_page_sends_the_parcel_and_queues_one_email(
    ops_client, order, warehouse, variant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        response = ops_client.post(
            order_url(order, "fulfil/"), fulfil_form(order, warehouse)
        )

    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED
    assert variant.stocks.get().quantity == 8
    fulfillment = order.fulfillments.get()
    assert (fulfillment.carrier, fulfillment.tracking_number) == (
        "UPS",
        "1Z999AA10123456784",
    )
    # The shipped email task, run by the worker.
    assert len(without_version_bumps(queued)) == 1


def test_sending_more_than_left_is_refused_on_the_page(
    ops_client, order, warehouse, variant
):
    response = ops_client.post(
        order_url(order, "fulfil/"), fulfil_form(order, warehouse, quantity="3")
    )

    assert response.status_code == 400
    assert "Ensure this value is less than or equal to 2." in response.content.decode()
    assert variant.stocks.get().quantity == 10
    assert not order.fulfillments.exists()


def test_a_tracking_number_with_control_characters_is_refused(
    ops_client, order, warehouse, variant
):
    response = ops_client.post(
        order_url(order, "fulfil/"), fulfil_form(order, warehouse, tracking="1Z\x0799")
    )

    assert response.status_code == 400
    assert "Tracking number cannot contain control characters." in (
        response.content.decode()
    )
    assert not order.fulfillments.exists()


def test_canceling_a_fulfillment_from_the_page_restocks(
    ops_client, order, warehouse, variant
):
    ops_client.post(order_url(order, "fulfil/"), fulfil_form(order, warehouse))
    fulfillment = order.fulfillments.get()

    response = ops_client.post(
        order_url(order, f"fulfillments/{fulfillment.pk}/cancel/")
    )

    assert response.status_code == 302
    fulfillment.refresh_from_db()
    assert fulfillment.status == FulfillmentStatus.CANCELED
    assert variant.stocks.get().quantity == 10


def test_a_fulfillment_of_another_order_is_not_found(ops_client, order, warehouse):
    ops_client.post(order_url(order, "fulfil/"), fulfil_form(order, warehouse))
    fulfillment = order.fulfillments.get()

    response = ops_client.post(
        f"/ops/orders/{order.number + 1000}/fulfillments/{fulfillment.pk}/cancel/"
    )

    assert response.status_code == 404


@pytest.mark.parametrize("who", ["merch_client", "customer_client"])
def test_others_cannot_fulfil_and_nothing_changes(
    who, request, order, warehouse, variant
):
    client = request.getfixturevalue(who)

    response = client.post(order_url(order, "fulfil/"), fulfil_form(order, warehouse))

    assert response.status_code == 403
    assert variant.stocks.get().quantity == 10
    assert not order.fulfillments.exists()


def test_anonymous_cannot_fulfil(client, order, warehouse, variant):
    response = client.post(order_url(order, "fulfil/"), fulfil_form(order, warehouse))

    assert response.status_code == 302
    assert not order.fulfillments.exists()


def test_a_note_joins_the_timeline_with_its_author(ops_client, order):
    response = ops_client.post(
        order_url(order, "notes/"), {"message": "Customer asked for a gift wrap."}
    )

    assert response.status_code == 302
    page = ops_client.get(order_url(order)).content.decode()
    assert "“Customer asked for a gift wrap.”" in page
    assert "by ops@example.com" in page


def test_an_empty_note_is_refused(ops_client, order):
    ops_client.post(order_url(order, "notes/"), {"message": "   "})

    assert not order.events.filter(type="note_added").exists()


def test_a_merchandiser_cannot_add_a_note(merch_client, order):
    response = merch_client.post(order_url(order, "notes/"), {"message": "hi"})

    assert response.status_code == 403
    assert not order.events.filter(type="note_added").exists()


def test_operations_refund_from_the_order_page(ops_client, order):
    response = ops_client.post(order_url(order, "refund/"), {"amount": "5.00"})

    assert response.status_code == 302
    order.refresh_from_db()
    assert order.total_charged_amount == Decimal("39.98")


def test_a_refund_above_the_charge_is_refused_on_the_page(ops_client, order):
    ops_client.post(order_url(order, "refund/"), {"amount": "500"})

    order.refresh_from_db()
    assert order.total_charged_amount == Decimal("44.98")


def test_marking_a_parcel_returned_from_the_page_restocks(
    ops_client, order, warehouse, variant
):
    ops_client.post(order_url(order, "fulfil/"), fulfil_form(order, warehouse))
    fulfillment = order.fulfillments.get()

    ops_client.post(
        order_url(order, f"fulfillments/{fulfillment.pk}/return/"), {"restock": "on"}
    )

    order.refresh_from_db()
    assert order.status == OrderStatus.RETURNED
    assert variant.stocks.get().quantity == 10


def test_a_merchandiser_cannot_refund(merch_client, order):
    response = merch_client.post(order_url(order, "refund/"), {"amount": "5.00"})

    assert response.status_code == 403
    order.refresh_from_db()
    assert order.total_charged_amount == Decimal("44.98")
