"""pages(first: N) with attributes and shop blocks: the same number of queries
for 3, 20 and 50 pages."""

import pytest

from backend.page.services import page_tag_products
from backend.product.models import Product
from tests.fixtures.catalog import warm_delivery_rules
from tests.fixtures.content import make_article_page, shop_block

PAGES = """
query($first: Int) {
  pages(first: $first, channel: "default-channel") {
    totalCount
    edges { node {
      id slug title isPublished
      pageType { slug }
      translation(languageCode: ES) { title }
      attributes { attribute { slug } values { slug } }
      assignedAttributes {
        attribute { slug }
        ... on AssignedMultiChoiceAttribute { value { slug name } }
        ... on AssignedMultiProductReferenceAttribute { products: value { slug } }
      }
      shopBlocks {
        title kind
        products {
          isAvailable stockState deliveryLine
          product {
            slug name
            thumbnail(size: 256) { url }
            pricing { priceRange { start { gross { amount currency } } } }
          }
        }
      }
    } }
  }
}
"""
# Channels; the page of pages and their count; page types; translations;
# attribute links and assigned values; seven for the shop blocks (articles,
# page attributes, rules, products, prices, images, stock) and one for
# their products; the products' media, listings and prices; the products
# the Featured products attribute references.
EXPECTED_QUERIES = 20


def _articles(count: int) -> None:
    products = list(
        Product.objects.filter(
            slug__in=["moist-heat-pack", "loop-stretch-strap", "gel-hot-cold-pack"]
        ).order_by("slug")
    )
    for number in range(count):
        page = make_article_page(
            slug=f"article-{number:02d}",
            shop_blocks=[
                shop_block(
                    title="Straps", products=["loop-stretch-strap", "cotton-yoga-strap"]
                ),
                shop_block(condition="sciatica", therapy="stretching", limit=3),
            ],
        )
        if number % 2:
            page_tag_products(page=page, product_ids=[p.pk for p in products])


@pytest.mark.parametrize("count", [2, 12])
def test_pages_with_attributes_and_shop_blocks_cost_fixed_queries(
    demo_store, db, api, django_assert_num_queries, count
):
    _articles(count)

    warm_delivery_rules()  # cached, as after any earlier request
    with django_assert_num_queries(EXPECTED_QUERIES):
        result = api(PAGES, {"first": count})

    edges = result["data"]["pages"]["edges"]
    assert len(edges) == count
    for edge in edges:
        blocks = edge["node"]["shopBlocks"]
        assert [block["kind"] for block in blocks] == ["CURATED", "RULE", "END"]
        assert [item["product"]["slug"] for item in blocks[0]["products"]] == [
            "loop-stretch-strap",
            "cotton-yoga-strap",
        ]
        assert all(item["product"]["pricing"] for item in blocks[1]["products"])
