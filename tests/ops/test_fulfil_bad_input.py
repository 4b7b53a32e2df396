"""Bad fulfilment input on the ops order page: a clear error, nothing changed."""

import pytest

from backend.order.fulfillments import fulfillment_cancel
from backend.order.models import FulfillmentStatus, OrderEvent
from backend.order.services import order_cancel
from tests import factories

from .conftest import fulfil_form, order_url

pytestmark = pytest.mark.django_db


def _state(order, variant):
    order.refresh_from_db()
    return (
        order.status,
        sorted(variant.stocks.values_list("quantity", "quantity_allocated")),
        list(order.fulfillments.values_list("status", flat=True)),
        OrderEvent.objects.filter(order=order).count(),
    )


def test_a_tracking_number_over_the_length_limit_is_refused(
    ops_client, order, warehouse, variant
):
    before = _state(order, variant)

    response = ops_client.post(
        order_url(order, "fulfil/"),
        fulfil_form(order, warehouse, tracking="X" * 256, notify=False),
    )

    assert response.status_code == 400
    assert "at most 255 characters" in response.content.decode()
    assert _state(order, variant) == before


def test_sending_more_than_the_warehouse_holds_is_refused(
    ops_client, order, warehouse, variant, channel
):
    small = factories.WarehouseFactory(channels=[channel], name="Annex")
    factories.StockFactory(product_variant=variant, warehouse=small, quantity=1)
    before = _state(order, variant)

    response = ops_client.post(
        order_url(order, "fulfil/"), fulfil_form(order, small, notify=False)
    )

    assert response.status_code == 400
    assert "can be sent from this warehouse." in response.content.decode()
    assert _state(order, variant) == before


def test_a_canceled_order_cannot_be_fulfilled_from_the_page(
    ops_client, order, warehouse, variant
):
    order_cancel(order_id=order.pk)
    before = _state(order, variant)

    response = ops_client.post(
        order_url(order, "fulfil/"), fulfil_form(order, warehouse, notify=False)
    )

    assert response.status_code == 400
    assert "A canceled order cannot be fulfilled." in response.content.decode()
    assert _state(order, variant) == before


def test_canceling_a_canceled_fulfillment_is_refused_on_the_page(
    ops_client, order, warehouse, variant
):
    ops_client.post(
        order_url(order, "fulfil/"), fulfil_form(order, warehouse, notify=False)
    )
    fulfillment = order.fulfillments.get()
    fulfillment_cancel(fulfillment_id=fulfillment.pk)
    before = _state(order, variant)

    response = ops_client.post(
        order_url(order, f"fulfillments/{fulfillment.pk}/cancel/"), follow=True
    )

    messages = [str(m) for m in response.context["messages"]]
    assert messages[-1] == "fulfillment: A canceled fulfillment cannot be canceled."
    assert _state(order, variant) == before
    assert before[2] == [FulfillmentStatus.CANCELED]
