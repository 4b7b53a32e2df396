"""Page.shopBlocks: an article's blocks with the products a shopper sees."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from backend.page.models import Page, PageType
from backend.page.services import page_tag_products
from backend.product.models import Product
from backend.warehouse.models import Stock

pytestmark = pytest.mark.django_db

SHOP_BLOCKS = """
query($slug: String!, $channel: String) {
  page(slug: $slug, channel: $channel) {
    shopBlocks {
      title kind
      products {
        product { slug pricing { priceRange { start { gross { amount currency } } } } }
        isAvailable stockState deliveryLine
      }
    }
  }
}
"""


# Tuesday 17 November 2026, 10:00 in New York: before every cut-off.
TUESDAY_MORNING = datetime(2026, 11, 17, 10, tzinfo=ZoneInfo("America/New_York"))


def _blocks(result):
    return [
        (
            block["title"],
            block["kind"],
            [item["product"]["slug"] for item in block["products"]],
        )
        for block in result["data"]["page"]["shopBlocks"]
    ]


def _tag(slug, *product_slugs):
    page = Page.objects.get(slug=slug)
    ids = [Product.objects.get(slug=s).pk for s in product_slugs]
    page_tag_products(page=page, product_ids=ids)


def test_blocks_in_body_order_then_the_featured_end_block(synced, api):
    _tag("physical-therapy-for-sciatica", "moist-heat-pack")

    result = api(SHOP_BLOCKS, {"slug": "physical-therapy-for-sciatica"})

    assert _blocks(result) == [
        (
            "Straps for the hamstring and nerve-glide exercises your therapist may "
            "give you",
            "CURATED",
            ["loop-stretch-strap", "d-ring-stretch-strap"],
        ),
        ("Shop sciatica products", "END", ["moist-heat-pack"]),
    ]


def test_a_rule_block_is_kind_rule(synced, api):
    result = api(SHOP_BLOCKS, {"slug": "exercises-for-sciatica"})

    kinds = [(title, kind) for title, kind, _ in _blocks(result)]
    assert kinds == [
        ("Straps for hamstring stretches and nerve glides", "CURATED"),
        ("Stretching tools for sciatica", "RULE"),
        ("Shop sciatica products", "END"),
    ]


@pytest.mark.usefixtures("demo_store_in_2026")
@time_machine.travel(TUESDAY_MORNING, tick=False)
def test_block_products_carry_price_stock_and_delivery_in_the_channel(synced, api):
    _tag("physical-therapy-for-sciatica", "moist-heat-pack")

    result = api(
        SHOP_BLOCKS,
        {"slug": "physical-therapy-for-sciatica", "channel": "default-channel"},
    )

    end = result["data"]["page"]["shopBlocks"][-1]["products"]
    assert end == [
        {
            "product": {
                "slug": "moist-heat-pack",
                "pricing": {
                    "priceRange": {
                        "start": {"gross": {"amount": 22.99, "currency": "USD"}}
                    }
                },
            },
            "isAvailable": True,
            "stockState": "IN_STOCK",
            "deliveryLine": "Get it by Thu 19 Nov",
        }
    ]


def test_an_out_of_stock_curated_product_is_marked_not_dropped(synced, api):
    Stock.objects.filter(product_variant__product__slug="d-ring-stretch-strap").update(
        quantity=0, quantity_allocated=0
    )

    result = api(SHOP_BLOCKS, {"slug": "physical-therapy-for-sciatica"})

    straps = result["data"]["page"]["shopBlocks"][0]["products"]
    assert [item["product"]["slug"] for item in straps] == [
        "loop-stretch-strap",
        "d-ring-stretch-strap",
    ]
    assert straps[1]["isAvailable"] is False
    assert straps[1]["stockState"] == "OUT_OF_STOCK"
    assert straps[1]["deliveryLine"] is None


def test_a_few_left_is_low_stock(synced, api):
    stocks = Stock.objects.filter(product_variant__product__slug="loop-stretch-strap")
    stocks.update(quantity=0, quantity_allocated=0)
    first = stocks.order_by("pk").first()
    Stock.objects.filter(pk=first.pk).update(quantity=2)

    result = api(SHOP_BLOCKS, {"slug": "physical-therapy-for-sciatica"})

    loop = result["data"]["page"]["shopBlocks"][0]["products"][0]
    assert (loop["product"]["slug"], loop["stockState"], loop["isAvailable"]) == (
        "loop-stretch-strap",
        "LOW_STOCK",
        True,
    )


def test_shop_blocks_for_an_unknown_channel_is_an_error(synced, api):
    result = api(
        '{ page(slug: "tens-for-sciatica") { shopBlocks(channel: "nowhere") '
        "{ title } } }"
    )

    assert result["errors"][0]["message"] == (
        "Channel with 'nowhere' slug does not exist."
    )


def test_a_page_that_is_not_an_article_has_no_shop_blocks(synced, api):
    policy = PageType.objects.create(name="Policy", slug="policy")
    Page.objects.create(
        page_type=policy, title="Returns", slug="returns", is_published=True
    )

    result = api(SHOP_BLOCKS, {"slug": "returns"})

    assert result["data"]["page"]["shopBlocks"] == []
