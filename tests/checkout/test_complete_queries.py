from decimal import Decimal

import pytest

from backend.checkout.complete import checkout_complete
from tests.fixtures.catalog import make_published_product, warm_delivery_rules
from tests.fixtures.checkout import make_ready_checkout, paid_with


def _checkout_with_lines(*, channel, warehouse, shipping_method, count: int):
    products = [
        make_published_product(
            channel=channel, warehouse=warehouse, price=Decimal("4.00")
        )
        for _ in range(count)
    ]
    return make_ready_checkout(
        channel=channel,
        shipping_method=shipping_method,
        lines=[(product.default_variant, 2) for product in products],
    )


@pytest.mark.parametrize("line_count", [1, 5, 20])
def test_checkout_complete_query_count_does_not_grow_with_lines(
    channel, warehouse, shipping_method, line_count, django_assert_num_queries
):
    checkout = _checkout_with_lines(
        channel=channel,
        warehouse=warehouse,
        shipping_method=shipping_method,
        count=line_count,
    )

    warm_delivery_rules()  # cached, as after any earlier page
    # The checkout goes with its lines and their stock reservations in one
    # statement (checkout_placed_delete), reservations switched on or not;
    # the payment is a row, then its event and amounts, and a search for
    # sessions the shopper left waiting (closed with the checkout). The lines'
    # product ids, which a rate may exclude, come with the lines, and their
    # prices tell which are priced; both addresses are copied in one insert.
    with django_assert_num_queries(25):
        order = checkout_complete(
            checkout_token=checkout.token, payment=paid_with("tok_success")
        ).order

    assert order.lines.count() == line_count
