from decimal import Decimal

from prices import Money

from backend.product.selectors import product_pricing_by_product_id
from backend.warehouse.selectors import variant_quantities_available
from tests import factories
from tests.fixtures.catalog import make_published_product


def test_price_range_spans_the_cheapest_and_dearest_variant(channel, warehouse):
    product = make_published_product(
        channel=channel, warehouse=warehouse, price=Decimal("10.00"), variants=3
    )

    pricing = product_pricing_by_product_id(
        product_ids=[product.pk], channel_slug=channel.slug
    )

    assert pricing[product.pk].price_range.start == Money(Decimal("10.00"), "USD")
    assert pricing[product.pk].price_range.stop == Money(Decimal("12.00"), "USD")


def test_prior_price_makes_the_undiscounted_range_and_marks_a_sale(channel, warehouse):
    product = make_published_product(
        channel=channel, warehouse=warehouse, price=Decimal("8")
    )
    product.variants.get().channel_listings.update(prior_price_amount=Decimal("12"))

    pricing = product_pricing_by_product_id(
        product_ids=[product.pk], channel_slug=channel.slug
    )

    assert pricing[product.pk].price_range_undiscounted.start == Money(
        Decimal("12"), "USD"
    )
    assert pricing[product.pk].on_sale


def test_quantity_available_subtracts_allocations_and_ignores_other_channels(
    channel, warehouse
):
    product = make_published_product(channel=channel, warehouse=warehouse, quantity=5)
    variant = product.variants.get()
    variant.stocks.update(quantity_allocated=2)
    other_channel = factories.ChannelFactory(slug="eu", currency_code="EUR")
    far = factories.WarehouseFactory(channels=[other_channel])
    factories.StockFactory(product_variant=variant, warehouse=far, quantity=100)

    available = variant_quantities_available(
        variant_ids=[variant.pk], channel_slug=channel.slug
    )

    assert available == {variant.pk: 3}
