"""The demo store ships: zones, methods and prices a checkout can choose."""

from decimal import Decimal

from prices import Money

from backend.channel.models import Channel
from backend.shipping.selectors import shipping_methods_applicable


def _options(country: str, subtotal: str) -> list[tuple[str, Money]]:
    channel = Channel.objects.get(slug="default-channel")
    options = shipping_methods_applicable(
        channel_id=channel.pk,
        country=country,
        subtotal=Money(Decimal(subtotal), "USD"),
        product_ids=(),
    )
    return [(option.method.name, option.price) for option in options]


def test_small_us_order_offers_standard_and_express(demo_store, db):
    assert _options("US", "19.99") == [
        ("Standard", Money(Decimal("5.99"), "USD")),
        ("Express", Money(Decimal("14.99"), "USD")),
    ]


def test_us_order_over_fifty_dollars_ships_free(demo_store, db):
    assert _options("US", "64.00") == [
        ("Free Standard", Money(Decimal("0.00"), "USD")),
        ("Express", Money(Decimal("14.99"), "USD")),
    ]


def test_canada_gets_the_international_method_only(demo_store, db):
    assert _options("CA", "30.00") == [
        ("International Tracked", Money(Decimal("19.99"), "USD")),
    ]


def test_nothing_ships_to_a_country_outside_every_zone(demo_store, db):
    assert _options("FR", "30.00") == []
