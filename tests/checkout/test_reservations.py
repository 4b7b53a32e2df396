"""Checkout reservations: a cart holds its units while the shopper shops (Saleor's)."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from backend.checkout.complete import checkout_complete
from backend.checkout.reservations import (
    checkout_reservation_expires,
    reservations_delete_expired,
)
from backend.checkout.services import (
    checkout_create,
    checkout_lines_add,
    checkout_lines_delete,
    checkout_lines_update,
)
from backend.warehouse.models import Reservation, Stock
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import paid_with

MINUTES = 20


@pytest.fixture
def reservations_on(settings):
    settings.RESERVE_STOCK_DURATION_ANONYMOUS_USER = MINUTES
    settings.RESERVE_STOCK_DURATION_AUTHENTICATED_USER = MINUTES


@pytest.fixture
def last_three(channel, warehouse):
    product = make_published_product(channel=channel, warehouse=warehouse, quantity=3)
    return product.default_variant


def _error_code(error: ValidationError) -> str:
    ((_, errors),) = error.error_dict.items()
    return errors[0].code


def _ready(checkout, shipping_method):
    checkout.email = "buyer@example.com"
    checkout.shipping_address = factories.AddressFactory()
    checkout.billing_address = factories.AddressFactory()
    checkout.shipping_method = shipping_method
    checkout.save()
    return checkout


def _held(variant) -> int:
    return (
        Reservation.objects.filter(stock__product_variant=variant).aggregate(
            total=Sum("quantity_reserved")
        )["total"]
        or 0
    )


def test_a_cart_holds_its_units_for_the_shop_duration(
    reservations_on, channel, last_three
):
    before = timezone.now()
    checkout = checkout_create(channel=channel, lines=[(last_three, 2)])

    expires = checkout_reservation_expires(checkout=checkout)
    assert _held(last_three) == 2
    assert before + timedelta(minutes=MINUTES) <= expires
    assert expires <= timezone.now() + timedelta(minutes=MINUTES)


def test_another_shopper_cannot_add_units_a_cart_holds(
    reservations_on, channel, last_three
):
    checkout_create(channel=channel, lines=[(last_three, 2)])
    other = checkout_create(channel=channel)

    with pytest.raises(ValidationError) as refused:
        checkout_lines_add(checkout_token=other.pk, lines=[(last_three, 2)])

    assert _error_code(refused.value) == "INSUFFICIENT_STOCK"
    assert "Only 1 remaining" in str(refused.value)
    assert not other.lines.exists()
    assert _held(last_three) == 2


def test_the_holder_can_raise_a_quantity_within_what_is_left(
    reservations_on, channel, last_three
):
    checkout = checkout_create(channel=channel, lines=[(last_three, 2)])

    checkout_lines_update(checkout_token=checkout.pk, lines=[(last_three, 3)])

    assert _held(last_three) == 3


def test_lowering_or_removing_a_line_gives_the_units_back(
    reservations_on, channel, last_three
):
    checkout = checkout_create(channel=channel, lines=[(last_three, 3)])
    checkout_lines_update(checkout_token=checkout.pk, lines=[(last_three, 1)])
    assert _held(last_three) == 1

    checkout_lines_delete(
        checkout_token=checkout.pk, line_ids=[checkout.lines.get().pk]
    )

    assert _held(last_three) == 0


def test_another_cart_cannot_complete_with_units_a_cart_holds(
    reservations_on, channel, last_three, shipping_method
):
    # Added before reservations were on, so it holds nothing.
    early = factories.CheckoutFactory(channel=channel)
    factories.CheckoutLineFactory(checkout=early, variant=last_three, quantity=2)
    checkout_create(channel=channel, lines=[(last_three, 2)])
    _ready(early, shipping_method)

    with pytest.raises(ValidationError) as refused:
        checkout_complete(checkout_token=early.pk, payment=paid_with("tok_success"))

    assert _error_code(refused.value) == "INSUFFICIENT_STOCK"
    assert Stock.objects.get(product_variant=last_three).quantity_allocated == 0


def test_the_holder_completes_and_the_reservation_becomes_the_allocation(
    reservations_on, channel, last_three, shipping_method
):
    checkout = checkout_create(channel=channel, lines=[(last_three, 3)])
    _ready(checkout, shipping_method)

    result = checkout_complete(
        checkout_token=checkout.pk, payment=paid_with("tok_success")
    )

    assert result.order.lines.get().quantity == 3
    assert Stock.objects.get(product_variant=last_three).quantity_allocated == 3
    assert _held(last_three) == 0


def test_an_expired_reservation_holds_nothing_and_the_beat_deletes_it(
    reservations_on, channel, last_three
):
    checkout_create(channel=channel, lines=[(last_three, 3)])
    # The shopper walked away: the reservation's time has passed.
    Reservation.objects.update(reserved_until=timezone.now() - timedelta(seconds=1))

    other = checkout_create(channel=channel, lines=[(last_three, 3)])
    assert other.lines.get().quantity == 3

    deleted = reservations_delete_expired(now=timezone.now())

    assert deleted == 1
    assert _held(last_three) == 3


def test_without_a_duration_carts_hold_nothing(settings, channel, last_three):
    settings.RESERVE_STOCK_DURATION_ANONYMOUS_USER = None
    checkout = checkout_create(channel=channel, lines=[(last_three, 3)])
    other = checkout_create(channel=channel, lines=[(last_three, 3)])

    assert _held(last_three) == 0
    assert checkout_reservation_expires(checkout=checkout) is None
    assert other.lines.get().quantity == 3


def test_signed_in_shoppers_hold_for_their_own_duration(
    reservations_on, settings, channel, last_three, customer_user
):
    settings.RESERVE_STOCK_DURATION_AUTHENTICATED_USER = 60
    checkout = checkout_create(
        channel=channel, lines=[(last_three, 1)], user=customer_user
    )

    expires = checkout_reservation_expires(checkout=checkout)

    assert expires > timezone.now() + timedelta(minutes=MINUTES + 30)


@pytest.mark.django_db(transaction=True)
def test_ten_shoppers_racing_for_three_units_hold_exactly_three(
    settings, channel, warehouse
):
    settings.RESERVE_STOCK_DURATION_ANONYMOUS_USER = MINUTES
    variant = make_published_product(
        channel=channel, warehouse=warehouse, quantity=3
    ).default_variant
    tokens = [checkout_create(channel=channel).pk for _ in range(10)]
    barrier = threading.Barrier(len(tokens))
    outcomes: list = [None] * len(tokens)

    def add(index, token):
        try:
            barrier.wait(timeout=30)
            checkout_lines_add(checkout_token=token, lines=[(variant, 1)])
            outcomes[index] = "held"
        except ValidationError as error:
            outcomes[index] = _error_code(error)
        except Exception as error:  # noqa: BLE001 - reported in the assertion
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=add, args=(index, token))
        for index, token in enumerate(tokens)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["INSUFFICIENT_STOCK"] * 7 + ["held"] * 3
    assert _held(variant) == 3
