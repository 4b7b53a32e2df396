"""The checkout an order was placed from goes in one statement."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.checkout.complete import (
    DELETED_WITH_CHECKOUT,
    checkout_complete,
    checkout_placed_delete,
)
from backend.checkout.models import Checkout, CheckoutLine
from backend.checkout.services import checkout_create
from backend.payment.models import TransactionItem
from backend.warehouse.models import Reservation
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with


def _relations_to(model) -> set:
    return {
        (relation.related_model, relation.field.name)
        for relation in model._meta.related_objects
    }


def test_everything_referring_to_a_checkout_is_handled_by_its_delete():
    # A new relation to a checkout or its lines must be added to the delete.
    assert _relations_to(Checkout) | _relations_to(CheckoutLine) == (
        DELETED_WITH_CHECKOUT
    )


@pytest.mark.django_db
def test_a_placed_checkout_goes_with_its_lines_and_their_reservations(
    settings, channel, warehouse, shipping_method
):
    settings.RESERVE_STOCK_DURATION_ANONYMOUS_USER = 20
    variant = make_published_product(
        channel=channel, warehouse=warehouse, quantity=5
    ).default_variant
    created = checkout_create(channel=channel, lines=[(variant, 2)])
    other = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )
    item = TransactionItem.objects.create(checkout=created, currency="USD")
    assert Reservation.objects.filter(checkout_line__checkout=created).exists()

    with CaptureQueriesContext(connection) as queries:
        checkout_placed_delete(checkout=created)

    assert len(queries.captured_queries) == 1
    assert not Checkout.objects.filter(pk=created.pk).exists()
    assert not CheckoutLine.objects.filter(checkout_id=created.pk).exists()
    assert not Reservation.objects.exists()
    item.refresh_from_db()
    assert item.checkout_id is None
    assert CheckoutLine.objects.filter(checkout=other).count() == 1


@pytest.mark.django_db
def test_completing_leaves_no_checkout_and_keeps_the_order(ready_checkout):
    result = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    )

    assert not Checkout.objects.filter(pk=ready_checkout.pk).exists()
    assert not CheckoutLine.objects.exists()
    assert result.order.lines.count() == 1
