"""The API's list operations run a fixed number of SQL queries.

The count is asserted exactly, and for 5 and for 50 products the same: every
relation goes through a per-request dataloader.
"""

from decimal import Decimal

import pytest

from backend.product.models import Product, ProductMedia
from tests import factories
from tests.api.queries.conftest import png_upload


@pytest.fixture(autouse=True)
def _count_the_resolvers_queries(settings):
    """Count what the API itself reads, not the response cache in front of it.

    A cached answer costs none; the first miss after a catalog write costs
    one more, reading the next scheduled change (tests/api/test_response_cache.py).
    """
    settings.GRAPHQL_RESPONSE_CACHE = False


PRODUCTS_PAGE = """
query ProductsPage($channel: String!) {
  products(first: 50, channel: $channel) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id
        name
        slug
        pricing {
          onSale
          priceRange { start { gross { amount currency } } stop { gross { amount } } }
          priceRangeUndiscounted { start { gross { amount } } }
        }
        thumbnail(size: 512, format: WEBP) { url alt }
        category { id name slug }
        attributes { attribute { slug name } values { name slug } }
      }
    }
  }
}
"""

# Ten variants a product: fifty of fifty, each with its media and
# attributes, would be over the cost limit (backend/graphql/core/query_cost.py).
STOREFRONT_PAGE = """
query StorefrontPage($channel: String!) {
  products(first: 50, channel: $channel) {
    edges {
      node {
        isAvailable
        translation(languageCode: PL) { name }
        category { name translation(languageCode: PL) { name } parent { slug } }
        collections { name }
        defaultVariant { sku }
        media { url(size: 256) }
        productVariants(first: 10) {
          totalCount
          edges {
            node {
              sku
              quantityAvailable
              pricing { price { gross { amount } } }
              media { alt }
              product { slug category { slug } }
              selection: attributes(variantSelection: VARIANT_SELECTION) {
                attribute { slug }
                values { name }
              }
            }
          }
        }
      }
    }
  }
}
"""

PRODUCT_PAGE = """
query ProductPage($slug: String!, $channel: String!) {
  product(slug: $slug, channel: $channel) {
    id
    name
    isAvailable
    pricing { priceRange { start { gross { amount } } } }
    thumbnail { url }
    media { url alt }
    category { name }
    variants {
      id
      sku
      quantityAvailable
      pricing { price { gross { amount currency } } }
      attributes { attribute { slug } values { name } }
    }
  }
}
"""

# channel, page, count, product listings, pricing, media, category,
# attribute links + assigned values.
PRODUCTS_PAGE_QUERIES = 9
# channel, product, listing, pricing, media, category, variants, stock,
# untracked variants, variant prices, variant ids+types, attribute links,
# assigned values.
PRODUCT_PAGE_QUERIES = 13
# channel, page, listings, visible variants, stock, untracked variants,
# translations, categories, category translations, collections, published
# collections, default variants, media, variant prices, variant media,
# variant ids+types, variant attribute links, assigned values.
STOREFRONT_PAGE_QUERIES = 18


def make_catalog(*, size, channel, warehouse, media_root, variants=2):
    attribute = factories.AttributeFactory(slug="therapy", name="Therapy")
    product_type = factories.ProductTypeFactory()
    factories.AttributeProductFactory(attribute=attribute, product_type=product_type)
    factories.AttributeVariantFactory(attribute=attribute, product_type=product_type)
    heat = factories.AttributeValueFactory(
        attribute=attribute, name="Heat", slug="heat"
    )
    products = []
    for index in range(size):
        product = make_published(channel, warehouse, product_type, index, variants)
        ProductMedia.objects.create(product=product, image=png_upload(), alt="Photo")
        factories.AssignedProductAttributeValueFactory(product=product, value=heat)
        for variant in product.variants.all():
            factories.AssignedVariantAttributeValueFactory(variant=variant, value=heat)
        products.append(product)
    return products


def make_published(channel, warehouse, product_type, index, variants):
    from tests.fixtures.catalog import make_published_product

    return make_published_product(
        channel=channel,
        warehouse=warehouse,
        name=f"Product {index:02d}",
        price=Decimal("10.00") + index,
        variants=variants,
        product_type=product_type,
        category=factories.CategoryFactory(),
    )


@pytest.mark.parametrize("size", [2, 12])
def test_products_page_runs_a_fixed_number_of_queries(
    size, api, channel, warehouse, media_root, django_assert_num_queries
):
    make_catalog(size=size, channel=channel, warehouse=warehouse, media_root=media_root)

    with django_assert_num_queries(PRODUCTS_PAGE_QUERIES):
        result = api(PRODUCTS_PAGE, {"channel": channel.slug})

    edges = result["data"]["products"]["edges"]
    assert len(edges) == size
    assert edges[0]["node"]["attributes"] == [
        {
            "attribute": {"slug": "therapy", "name": "Therapy"},
            "values": [{"name": "Heat", "slug": "heat"}],
        }
    ]
    assert all(
        edge["node"]["thumbnail"]["url"].endswith("/512/webp/") for edge in edges
    )
    assert all(edge["node"]["category"] for edge in edges)


@pytest.mark.parametrize("size", [2, 12])
def test_storefront_list_with_variants_runs_a_fixed_number_of_queries(
    size, api, channel, warehouse, media_root, django_assert_num_queries
):
    make_catalog(size=size, channel=channel, warehouse=warehouse, media_root=media_root)

    with django_assert_num_queries(STOREFRONT_PAGE_QUERIES):
        result = api(STOREFRONT_PAGE, {"channel": channel.slug})

    edges = result["data"]["products"]["edges"]
    assert len(edges) == size
    first = edges[0]["node"]
    assert first["isAvailable"] is True
    assert first["productVariants"]["totalCount"] == 2
    variant = first["productVariants"]["edges"][0]["node"]
    assert variant["quantityAvailable"] == 10
    assert variant["selection"] == [
        {"attribute": {"slug": "therapy"}, "values": [{"name": "Heat"}]}
    ]


CATEGORY_PAGE = """
query CategoryPage($slug: String!, $channel: String!) {
  category(slug: $slug) {
    name
    translation(languageCode: PL) { name }
    backgroundImage { url }
    products(first: 50, channel: $channel, sortBy: {field: PRICE, direction: ASC}) {
      totalCount
      edges {
        node {
          name
          pricing { priceRange { start { gross { amount } } } }
          thumbnail(size: 256) { url }
          category { slug }
          assignedAttributes { attribute { slug } }
        }
      }
    }
  }
}
"""
# category, its translation, channel, page, count, listings, pricing, media,
# categories, attribute links + assigned values.
CATEGORY_PAGE_QUERIES = 11


@pytest.mark.parametrize("size", [2, 12])
def test_category_page_runs_a_fixed_number_of_queries(
    size, api, channel, warehouse, media_root, django_assert_num_queries
):
    products = make_catalog(
        size=size, channel=channel, warehouse=warehouse, media_root=media_root
    )
    category = factories.CategoryFactory(slug="heat")
    Product.objects.filter(pk__in=[p.pk for p in products]).update(category=category)

    with django_assert_num_queries(CATEGORY_PAGE_QUERIES):
        result = api(CATEGORY_PAGE, {"slug": "heat", "channel": channel.slug})

    page = result["data"]["category"]["products"]
    assert page["totalCount"] == size
    prices = [
        e["node"]["pricing"]["priceRange"]["start"]["gross"]["amount"]
        for e in page["edges"]
    ]
    assert prices == sorted(prices)


@pytest.mark.parametrize("variants", [2, 20])
def test_product_page_with_variants_runs_a_fixed_number_of_queries(
    variants, api, channel, warehouse, media_root, django_assert_num_queries
):
    products = make_catalog(
        size=1,
        channel=channel,
        warehouse=warehouse,
        media_root=media_root,
        variants=variants,
    )

    with django_assert_num_queries(PRODUCT_PAGE_QUERIES):
        result = api(PRODUCT_PAGE, {"slug": products[0].slug, "channel": channel.slug})

    product = result["data"]["product"]
    assert product["isAvailable"] is True
    assert [v["quantityAvailable"] for v in product["variants"]] == [10] * variants
    assert product["variants"][0]["attributes"] == [
        {"attribute": {"slug": "therapy"}, "values": [{"name": "Heat"}]}
    ]
