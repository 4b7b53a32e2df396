"""Two staff fulfil the same order line at once, each on its own connection."""

import pytest

from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.models import Fulfillment, OrderLine
from backend.warehouse.models import Stock
from tests.concurrency.racing import run_at_once
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with

STAFF = 6


@pytest.mark.django_db(transaction=True)
def test_the_same_line_fulfilled_at_once_is_sent_only_as_often_as_sold(
    channel, warehouse, shipping_method
):
    product = make_published_product(channel=channel, warehouse=warehouse, quantity=3)
    variant = product.default_variant
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 2)]
    )
    order = checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order
    line = order.lines.get()

    def fulfil():
        order_fulfil(
            order_id=order.pk,
            lines=[FulfilLine(line.pk, 2, warehouse.pk)],
            notify_customer=False,
        )
        return "sent"

    outcomes = run_at_once([fulfil] * STAFF)

    assert sorted(outcomes) == ["FULFILL_ORDER_LINE"] * (STAFF - 1) + ["sent"]
    assert Fulfillment.objects.count() == 1
    assert OrderLine.objects.get(pk=line.pk).quantity_fulfilled == 2
    stock = Stock.objects.get(product_variant=variant)
    assert (stock.quantity, stock.quantity_allocated) == (1, 0)
