"""Units another cart holds are gone at every door, as checkout_complete says.

The API, the product page, the admin's "in stock" filter and completion
all count stock through Stock.objects.annotate_sellable.
"""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone
from graphql_relay import to_global_id

from backend.checkout.complete import checkout_complete
from backend.product.models import Product
from backend.staff.product.products import InStockFilter
from backend.warehouse.models import Reservation
from tests import factories
from tests.api.client import GraphQLClient
from tests.fixtures.checkout import make_ready_checkout, paid_with

VARIANT_QUERY = """
query($id: ID!) {
  productVariant(id: $id, channel: "default-channel") { quantityAvailable }
}
"""
IN_STOCK_QUERY = """
{
  products(first: 5, channel: "default-channel",
           filter: {stockAvailability: IN_STOCK}) { edges { node { name } } }
}
"""


@pytest.fixture(autouse=True)
def _reservations_on(settings):
    settings.RESERVE_STOCK_DURATION_ANONYMOUS_USER = 10


def _held_by_another_cart(variant, quantity: int) -> None:
    other = factories.CheckoutFactory(
        channel=variant.stocks.get().warehouse.channels.get()
    )
    line = factories.CheckoutLineFactory(
        checkout=other, variant=variant, quantity=quantity
    )
    Reservation.objects.create(
        checkout_line=line,
        stock=variant.stocks.get(),
        quantity_reserved=quantity,
        reserved_until=timezone.now() + timedelta(minutes=10),
    )


def _admin_in_stock(answer: str) -> list[str]:
    request = RequestFactory().get("/")
    found = InStockFilter(
        request, {"in_stock": [answer]}, Product, admin.site._registry[Product]
    ).queryset(request, Product.objects.all())
    return [product.name for product in found]


def test_every_door_shows_what_is_left_after_another_carts_hold(client, variant):
    variant.stocks.update(quantity=3)
    _held_by_another_cart(variant, 2)

    answer = GraphQLClient(client)(
        VARIANT_QUERY, {"id": to_global_id("ProductVariant", variant.pk)}
    )
    page = client.get(f"/products/{variant.product.slug}/").content.decode()

    assert answer["data"]["productVariant"]["quantityAvailable"] == 1
    assert "Only 1 left" in page


def test_when_other_carts_hold_every_unit_every_door_says_out_of_stock(
    client, channel, shipping_method, variant
):
    variant.stocks.update(quantity=2)
    _held_by_another_cart(variant, 2)
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )

    answer = GraphQLClient(client)(IN_STOCK_QUERY)
    page = client.get(f"/products/{variant.product.slug}/").content.decode()
    with pytest.raises(ValidationError) as refused:
        checkout_complete(
            checkout_token=checkout.token, payment=paid_with("tok_success")
        )

    assert answer["data"]["products"]["edges"] == []
    assert "Out of stock" in page
    assert _admin_in_stock("yes") == []
    assert _admin_in_stock("no") == [variant.product.name]
    assert refused.value.error_dict["lines"][0].code == "INSUFFICIENT_STOCK"
