"""Two staff fulfil the same order line at once, each on its own connection."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.models import Fulfillment, OrderLine
from backend.warehouse.models import Stock
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with

STAFF = 6
TIMEOUT_SECONDS = 30


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
    barrier = threading.Barrier(STAFF)
    outcomes: list = [None] * STAFF

    def fulfil(index: int) -> None:
        try:
            barrier.wait(timeout=TIMEOUT_SECONDS)
            order_fulfil(
                order_id=order.pk,
                lines=[FulfilLine(line.pk, 2, warehouse.pk)],
                notify_customer=False,
            )
            outcomes[index] = "sent"
        except ValidationError as error:
            ((_, errors),) = error.error_dict.items()
            outcomes[index] = errors[0].code
        except Exception as error:  # noqa: BLE001 - reported in the assertion
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=fulfil, args=(i,)) for i in range(STAFF)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT_SECONDS)

    assert sorted(outcomes) == ["FULFILL_ORDER_LINE"] * (STAFF - 1) + ["sent"]
    assert Fulfillment.objects.count() == 1
    assert OrderLine.objects.get(pk=line.pk).quantity_fulfilled == 2
    stock = Stock.objects.get(product_variant=variant)
    assert (stock.quantity, stock.quantity_allocated) == (1, 0)
