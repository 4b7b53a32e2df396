"""Fixtures for the cart and checkout pages: a session cart and its helpers."""

import pytest

from backend.checkout.models import Checkout
from backend.storefront.cart import CART_SESSION_KEY
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.content import make_article_page


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PUBLIC_URL = "https://shop.example.com"


@pytest.fixture
def strap(channel, warehouse):
    """A single-variant product with 10 in stock at 19.99."""
    return make_published_product(
        channel=channel, warehouse=warehouse, name="Stretch Strap"
    )


@pytest.fixture
def ships_to_us(channel):
    """Ground (5.00) ships to the US; nothing ships elsewhere."""
    zone = factories.ShippingZoneFactory(countries=["US"], channels=[channel])
    method = factories.ShippingMethodFactory(
        shipping_zone=zone,
        name="Ground",
        minimum_delivery_days=2,
        maximum_delivery_days=4,
    )
    factories.ShippingMethodChannelListingFactory(
        shipping_method=method, channel=channel, price_amount="5.00"
    )
    return method


def add_to_cart(client, variant, quantity=1):
    return client.post("/cart/add/", {"variant": variant.pk, "quantity": quantity})


def session_checkout(client) -> Checkout | None:
    token = client.session.get(CART_SESSION_KEY)
    return Checkout.objects.filter(pk=token).first() if token else None


def cart_quantities(client) -> dict[int, int]:
    checkout = session_checkout(client)
    if checkout is None:
        return {}
    return {line.variant_id: line.quantity for line in checkout.lines.all()}


US_ADDRESS = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "street_address_1": "1 Main St",
    "street_address_2": "",
    "city": "Reno",
    "country_area": "NV",
    "postal_code": "89501",
    "country": "US",
    "phone": "",
}


@pytest.fixture
def article_page(db):
    return make_article_page(slug="heat-for-sciatica", conditions=())
