"""Shop blocks: curated order, stock marks, rules, fallback, limits, queries."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from backend.page.models import Page
from backend.page.selectors import (
    article_shop_blocks,
    shop_block_products,
)
from backend.page.services import content_sync, page_tag_products
from backend.product.models import Product, ProductChannelListing
from backend.shipping.models import ShippingZone
from backend.warehouse.models import Reservation
from tests import factories
from tests.fixtures.catalog import warm_delivery_rules
from tests.fixtures.content import make_article_page, shop_block


def slugs(block):
    return [item.product.slug for item in block.items]


def resolve(catalog, block, page=None):
    return shop_block_products(
        block=block, channel_slug=catalog.channel.slug, page=page
    )


def test_a_curated_block_keeps_the_writers_order(shop_catalog):
    block = shop_block(products=["charlie-heat-pad", "delta-cold-pack", "alpha-strap"])

    resolved = resolve(shop_catalog, block)

    assert (resolved.source, slugs(resolved)) == (
        "products",
        ["charlie-heat-pad", "delta-cold-pack", "alpha-strap"],
    )


# Tuesday 17 November 2026, 10:00 in New York: before the 14:00 cut-off.
TUESDAY_MORNING = datetime(2026, 11, 17, 10, tzinfo=ZoneInfo("America/New_York"))


@time_machine.travel(TUESDAY_MORNING, tick=False)
def test_a_curated_block_marks_an_out_of_stock_product(shop_catalog):
    block = shop_block(products=["bravo-strap", "alpha-strap"])

    items = resolve(shop_catalog, block).items

    assert [
        (item.product.slug, item.stock.label, item.ships_fast, item.delivery_line)
        for item in items
    ] == [
        ("bravo-strap", "Out of stock", False, None),
        ("alpha-strap", "In stock", True, "Get it by Thu 19 Nov"),
    ]


@time_machine.travel(
    datetime(2026, 11, 20, 15, tzinfo=ZoneInfo("America/New_York")), tick=False
)
def test_a_block_after_fridays_cutoff_promises_after_the_weekend(shop_catalog):
    items = resolve(shop_catalog, shop_block(products=["alpha-strap"])).items

    assert items[0].delivery_line == "Get it by Wed 25 Nov"


def test_a_block_with_no_method_to_the_default_country_prints_no_date(
    shop_catalog,
):
    ShippingZone.objects.update(countries=["CA"])

    items = resolve(shop_catalog, shop_block(products=["alpha-strap"])).items

    assert (items[0].stock.label, items[0].delivery_line) == ("In stock", None)


def test_a_fast_shipping_rule_keeps_products_that_ship_within_the_claim(
    shop_catalog,
):
    block = shop_block(condition="sciatica", fast_shipping=True)

    resolved = resolve(shop_catalog, block)

    assert (resolved.source, slugs(resolved)) == (
        "rule",
        ["alpha-strap", "charlie-heat-pad"],
    )


def test_a_fast_shipping_rule_leaves_out_stock_held_where_handling_is_slow(
    shop_catalog,
):
    shop_catalog.warehouse.handling_days = 2
    shop_catalog.warehouse.save(update_fields=["handling_days"])
    block = shop_block(condition="sciatica", fast_shipping=True)

    resolved = resolve(shop_catalog, block)

    # Nothing ships fast, so the block falls back to the plain condition rule
    # rather than render empty, and no item claims to ship fast.
    assert (resolved.source, slugs(resolved)) == (
        "fallback",
        ["alpha-strap", "charlie-heat-pad"],
    )
    assert [item.ships_fast for item in resolved.items] == [False, False]


def test_a_curated_block_leaves_out_an_unpublished_product(shop_catalog):
    ProductChannelListing.objects.filter(
        product=shop_catalog.products["alpha-strap"]
    ).update(is_published=False)

    resolved = resolve(
        shop_catalog, shop_block(products=["alpha-strap", "bravo-strap"])
    )

    assert slugs(resolved) == ["bravo-strap"]


def test_a_rule_block_filters_by_condition_and_therapy_and_drops_out_of_stock(
    shop_catalog,
):
    block = shop_block(condition="sciatica", therapy="stretching")

    resolved = resolve(shop_catalog, block)

    assert (resolved.source, slugs(resolved)) == ("rule", ["alpha-strap"])


def test_a_rule_block_lists_by_name_up_to_its_limit(shop_catalog):
    everything = resolve(shop_catalog, shop_block(condition="sciatica"))
    limited = resolve(shop_catalog, shop_block(condition="sciatica", limit=1))

    assert slugs(everything) == ["alpha-strap", "charlie-heat-pad"]
    assert slugs(limited) == ["alpha-strap"]


def test_a_rule_block_leaves_out_products_hidden_from_listings(shop_catalog):
    ProductChannelListing.objects.filter(
        product=shop_catalog.products["alpha-strap"]
    ).update(visible_in_listings=False)

    resolved = resolve(shop_catalog, shop_block(condition="sciatica"))

    assert slugs(resolved) == ["charlie-heat-pad"]


def test_a_rule_block_shows_a_product_again_when_another_carts_hold_lapses(
    shop_catalog,
):
    # The rule's SQL is compiled on the first view and reused on the next:
    # each view still counts holds and publication at its own moment.
    variant = shop_catalog.products["alpha-strap"].variants.get()
    stock = variant.stocks.get()
    line = factories.CheckoutLineFactory(
        checkout=factories.CheckoutFactory(channel=shop_catalog.channel),
        variant=variant,
        quantity=stock.quantity,
    )
    Reservation.objects.create(
        checkout_line=line,
        stock=stock,
        quantity_reserved=stock.quantity,
        reserved_until=TUESDAY_MORNING + timedelta(minutes=10),
    )
    block = shop_block(condition="sciatica", therapy="stretching")

    with time_machine.travel(TUESDAY_MORNING, tick=False):
        while_held = resolve(shop_catalog, block)
    with time_machine.travel(TUESDAY_MORNING + timedelta(minutes=11), tick=False):
        after_hold = resolve(shop_catalog, block)

    assert (while_held.source, slugs(while_held)) == (
        "fallback",
        ["charlie-heat-pad"],
    )
    assert (after_hold.source, slugs(after_hold)) == ("rule", ["alpha-strap"])


def test_a_rule_block_shows_a_product_from_the_moment_it_is_published(
    shop_catalog,
):
    ProductChannelListing.objects.filter(
        product=shop_catalog.products["charlie-heat-pad"]
    ).update(published_at=TUESDAY_MORNING + timedelta(hours=1))
    block = shop_block(condition="sciatica")

    with time_machine.travel(TUESDAY_MORNING, tick=False):
        before = resolve(shop_catalog, block)
    with time_machine.travel(TUESDAY_MORNING + timedelta(hours=2), tick=False):
        after = resolve(shop_catalog, block)

    assert slugs(before) == ["alpha-strap"]
    assert slugs(after) == ["alpha-strap", "charlie-heat-pad"]


def test_an_empty_rule_block_falls_back_to_the_articles_conditions(shop_catalog):
    page = make_article_page(slug="heat", conditions=("sciatica",))
    block = shop_block(condition="low-back-pain", therapy="heat")

    resolved = resolve(shop_catalog, block, page=page)

    assert (resolved.source, slugs(resolved)) == (
        "fallback",
        ["alpha-strap", "charlie-heat-pad"],
    )


def test_a_curated_block_of_unpublished_products_falls_back(shop_catalog):
    page = make_article_page(slug="cold", conditions=("low-back-pain",))
    ProductChannelListing.objects.filter(
        product=shop_catalog.products["alpha-strap"]
    ).update(is_published=False)

    resolved = resolve(shop_catalog, shop_block(products=["alpha-strap"]), page=page)

    assert (resolved.source, slugs(resolved)) == ("fallback", ["delta-cold-pack"])


def test_the_end_block_shows_featured_products_in_the_merchandisers_order(
    shop_catalog,
):
    page = make_article_page(slug="straps")
    products = shop_catalog.products
    page_tag_products(
        page=page,
        product_ids=[products["delta-cold-pack"].pk, products["bravo-strap"].pk],
    )

    end = article_shop_blocks(pages=[page], channel_slug=shop_catalog.channel.slug)[
        page.pk
    ].end

    assert (end.title, end.source) == ("Shop sciatica products", "featured")
    assert [(item.product.slug, item.stock.in_stock) for item in end.items] == [
        ("delta-cold-pack", True),
        ("bravo-strap", False),
    ]


def test_the_end_block_without_featured_products_uses_the_conditions_rule(
    shop_catalog,
):
    page = make_article_page(slug="straps", conditions=("low-back-pain",))

    end = article_shop_blocks(pages=[page], channel_slug=shop_catalog.channel.slug)[
        page.pk
    ].end

    assert (end.title, end.source, slugs(end)) == (
        "Shop low back pain products",
        "rule",
        ["delta-cold-pack"],
    )


def test_inline_blocks_are_keyed_by_their_index(shop_catalog):
    page = make_article_page(
        slug="mixed",
        shop_blocks=[
            shop_block(title="Curated", products=["delta-cold-pack"]),
            shop_block(title="Heat", condition="sciatica", therapy="heat"),
        ],
    )

    blocks = article_shop_blocks(pages=[page], channel_slug=shop_catalog.channel.slug)

    inline = blocks[page.pk].inline
    assert [(index, block.title, slugs(block)) for index, block in inline.items()] == [
        (0, "Curated", ["delta-cold-pack"]),
        (1, "Heat", ["charlie-heat-pad"]),
    ]


@pytest.mark.parametrize("page_count", [1, 5, 50])
def test_resolving_every_block_of_many_pages_takes_eight_queries(
    shop_catalog, django_assert_num_queries, page_count
):
    pages = [
        make_article_page(
            slug=f"page-{number}",
            shop_blocks=[
                shop_block(products=["alpha-strap", "bravo-strap"]),
                shop_block(condition="sciatica", therapy="heat", limit=number % 3 + 1),
                shop_block(condition="low-back-pain"),
            ],
        )
        for number in range(page_count)
    ]
    for page in pages[::2]:
        page_tag_products(
            page=page, product_ids=[shop_catalog.products["delta-cold-pack"].pk]
        )

    warm_delivery_rules()  # cached, as after any earlier page view

    with django_assert_num_queries(8):
        blocks = article_shop_blocks(
            pages=pages, channel_slug=shop_catalog.channel.slug
        )

    assert len(blocks) == page_count
    assert all(len(blocks[page.pk].inline) == 3 for page in pages)


def test_the_synced_physical_therapy_article_resolves_its_blocks(
    demo_store, db, content_dir
):
    content_sync()
    page = Page.objects.get(slug="physical-therapy-for-sciatica")
    heat_pack = Product.objects.get(slug="moist-heat-pack")
    page_tag_products(page=page, product_ids=[heat_pack.pk])

    blocks = article_shop_blocks(pages=[page], channel_slug="default-channel")[page.pk]

    straps = blocks.inline[0]
    assert (straps.title, slugs(straps)) == (
        "Straps for the hamstring and nerve-glide exercises your therapist may "
        "give you",
        ["loop-stretch-strap", "d-ring-stretch-strap"],
    )
    assert all(item.product.price is not None for item in straps.items)
    assert (blocks.end.title, slugs(blocks.end)) == (
        "Shop sciatica products",
        ["moist-heat-pack"],
    )


def test_a_synced_rule_block_shows_only_matching_products_in_stock(
    demo_store, db, content_dir
):
    content_sync()
    page = Page.objects.get(slug="exercises-for-sciatica")

    blocks = article_shop_blocks(pages=[page], channel_slug="default-channel")[page.pk]

    rule = blocks.inline[1]
    assert rule.source == "rule"
    assert len(rule.items) == 3
    for item in rule.items:
        assert item.stock.in_stock
        tags = set(
            Product.objects.get(pk=item.product.id).attributevalues.values_list(
                "value__slug", flat=True
            )
        )
        assert {"sciatica", "stretching"} <= tags
