"""Which methods ship a cart: the compiled query and the price range."""

from decimal import Decimal

import pytest
from prices import Money

from backend.shipping.selectors import shipping_methods_applicable
from tests import factories

pytestmark = pytest.mark.django_db


def _usd(amount) -> Money:
    return Money(Decimal(amount), "USD")


def _method(channel, *, countries=("US",), price="5.00", minimum=None, maximum=None):
    zone = factories.ShippingZoneFactory(countries=list(countries), channels=[channel])
    listing = factories.ShippingMethodChannelListingFactory(
        shipping_method=factories.ShippingMethodFactory(shipping_zone=zone),
        channel=channel,
        price_amount=Decimal(price),
        minimum_order_price_amount=minimum,
        maximum_order_price_amount=maximum,
    )
    return listing.shipping_method


def _applicable(channel, *, country="US", subtotal="50", product_ids=()):
    return [
        option.method
        for option in shipping_methods_applicable(
            channel_id=channel.pk,
            country=country,
            subtotal=_usd(subtotal),
            product_ids=product_ids,
        )
    ]


def test_methods_come_cheapest_first_with_their_channel_price():
    channel = factories.ChannelFactory()
    dear = _method(channel, price="9.00")
    cheap = _method(channel, price="3.00")

    options = shipping_methods_applicable(
        channel_id=channel.pk, country="US", subtotal=_usd(10), product_ids=set()
    )

    assert [(option.method, option.price) for option in options] == [
        (cheap, _usd("3.00")),
        (dear, _usd("9.00")),
    ]


def test_a_method_applies_only_inside_its_order_price_range_bounds_included():
    channel = factories.ChannelFactory()
    ranged = _method(channel, minimum=Decimal(20), maximum=Decimal(100))

    assert _applicable(channel, subtotal="19.99") == []
    assert _applicable(channel, subtotal="20") == [ranged]
    assert _applicable(channel, subtotal="100") == [ranged]
    assert _applicable(channel, subtotal="100.01") == []


def test_a_method_excluding_one_of_the_products_does_not_apply():
    channel = factories.ChannelFactory()
    kept, excluded = factories.ProductFactory(), factories.ProductFactory()
    picky = _method(channel, price="1.00")
    picky.excluded_products.add(excluded, factories.ProductFactory())
    anything = _method(channel, price="2.00")

    assert _applicable(channel, product_ids={kept.pk}) == [picky, anything]
    assert _applicable(channel, product_ids={kept.pk, excluded.pk}) == [anything]
    assert _applicable(channel, product_ids=set()) == [picky, anything]


def test_a_method_of_another_country_or_channel_does_not_apply():
    channel = factories.ChannelFactory()
    other = factories.ChannelFactory(slug="other-channel")
    canadian = _method(channel, countries=("CA",))
    _method(other)

    assert _applicable(channel, country="US") == []
    assert _applicable(channel, country="CA") == [canadian]
    assert _applicable(channel, country="") == []
