"""Concurrent completions on PostgreSQL: each buyer in its own thread and connection."""

from collections import Counter

import pytest
from django.db.models import Sum

from backend.checkout.complete import checkout_complete
from backend.order.models import Order
from backend.warehouse.models import Allocation, Stock
from tests.concurrency.racing import run_at_once
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with

BUYERS = 20
UNITS = 5


def _complete_all_at_once(tokens: list) -> list:
    """Complete each token in its own thread, released together; return outcomes."""

    def buyer(token):
        def buy():
            result = checkout_complete(
                checkout_token=token, payment=paid_with("tok_success")
            )
            return ("order", result.order.pk)

        return buy

    return run_at_once(
        [buyer(token) for token in tokens],
        describe_refusal=lambda field, code: (field, code),
    )


@pytest.mark.django_db(transaction=True)
def test_twenty_buyers_for_five_units_get_exactly_five_orders(
    channel, warehouse, shipping_method
):
    product = make_published_product(
        channel=channel, warehouse=warehouse, quantity=UNITS
    )
    variant = product.default_variant
    tokens = [
        make_ready_checkout(
            channel=channel,
            shipping_method=shipping_method,
            lines=[(variant, 1)],
            email=f"buyer{index}@example.com",
        ).token
        for index in range(BUYERS)
    ]

    outcomes = _complete_all_at_once(tokens)

    kinds = Counter(outcome[0] for outcome in outcomes)
    assert kinds == {"order": UNITS, "lines": BUYERS - UNITS}, outcomes
    assert {outcome[1] for outcome in outcomes if outcome[0] == "lines"} == {
        "INSUFFICIENT_STOCK"
    }
    assert Order.objects.count() == UNITS
    stock = Stock.objects.get(product_variant=variant)
    assert (stock.quantity, stock.quantity_allocated) == (UNITS, UNITS)
    total = Allocation.objects.aggregate(total=Sum("quantity_allocated"))["total"]
    assert total == UNITS
    assert not Stock.objects.filter(quantity_allocated__gt=UNITS).exists()


@pytest.mark.django_db(transaction=True)
def test_the_same_checkout_completed_twice_at_once_gives_one_order(
    ready_checkout, variant
):
    outcomes = _complete_all_at_once([ready_checkout.token, ready_checkout.token])

    order = Order.objects.get()
    assert outcomes == [("order", order.pk), ("order", order.pk)]
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 2
    assert Allocation.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_buyers_of_two_items_in_opposite_line_order_all_complete(
    channel, warehouse, shipping_method
):
    first = make_published_product(channel=channel, warehouse=warehouse).default_variant
    second = make_published_product(
        channel=channel, warehouse=warehouse
    ).default_variant
    tokens = [
        make_ready_checkout(
            channel=channel,
            shipping_method=shipping_method,
            lines=[(first, 1), (second, 1)] if index % 2 else [(second, 1), (first, 1)],
        ).token
        for index in range(8)
    ]

    outcomes = _complete_all_at_once(tokens)

    assert [outcome[0] for outcome in outcomes] == ["order"] * 8, outcomes
    assert list(
        Stock.objects.order_by("pk").values_list("quantity_allocated", flat=True)
    ) == [8, 8]


@pytest.mark.django_db(transaction=True)
def test_buyers_completing_at_once_each_get_their_own_order_number(
    channel, warehouse, shipping_method
):
    variant = make_published_product(
        channel=channel, warehouse=warehouse, quantity=BUYERS
    ).default_variant
    tokens = [
        make_ready_checkout(
            channel=channel,
            shipping_method=shipping_method,
            lines=[(variant, 1)],
            email=f"buyer{index}@example.com",
        ).token
        for index in range(BUYERS)
    ]

    outcomes = _complete_all_at_once(tokens)

    assert [outcome[0] for outcome in outcomes] == ["order"] * BUYERS, outcomes
    numbers = list(Order.objects.values_list("number", flat=True))
    assert len(numbers) == BUYERS
    assert len(set(numbers)) == BUYERS
