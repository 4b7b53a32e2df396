"""A shipping method that excludes a product never ships a checkout holding it."""

from decimal import Decimal

import pytest

from backend.checkout.details import checkout_shipping_method_applies
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout

from .conftest import checkout_id

pytestmark = pytest.mark.django_db

METHODS = """
query($id: ID!) {
  checkout(id: $id) { shippingMethods { name } }
}
"""


@pytest.fixture
def express(shipping_method, channel):
    method = factories.ShippingMethodFactory(
        shipping_zone=shipping_method.shipping_zone, name="Express"
    )
    factories.ShippingMethodChannelListingFactory(
        shipping_method=method, channel=channel, price_amount=Decimal("15.00")
    )
    return method


@pytest.fixture
def gel(channel, warehouse):
    return make_published_product(channel=channel, warehouse=warehouse, name="Gel")


def test_checkout_offers_no_method_that_excludes_one_of_its_products(
    api, channel, shipping_method, express, variant, gel
):
    express.excluded_products.add(gel)
    checkout = make_ready_checkout(
        channel=channel,
        shipping_method=shipping_method,
        lines=[(variant, 1), (gel.default_variant, 1)],
    )

    result = api(METHODS, {"id": checkout_id(checkout)})

    assert result["data"]["checkout"]["shippingMethods"] == [{"name": "Ground"}]
    assert not checkout_shipping_method_applies(checkout=checkout, method_id=express.pk)


def test_checkout_without_the_excluded_product_keeps_the_method(
    api, channel, shipping_method, express, variant, gel
):
    express.excluded_products.add(gel)
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )

    result = api(METHODS, {"id": checkout_id(checkout)})

    names = [m["name"] for m in result["data"]["checkout"]["shippingMethods"]]
    assert names == ["Ground", "Express"]
    assert checkout_shipping_method_applies(checkout=checkout, method_id=express.pk)
