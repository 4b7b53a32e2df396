"""Pages run a fixed number of SQL queries, whatever the number of products."""

import pytest

from backend.storefront.views import catalog, listing
from tests import factories
from tests.fixtures.catalog import warm_delivery_rules

from .conftest import add_image
from .helpers import make_products, shown_names, tag

# Every page: menus (1). Listings: filter choices (1), products with their
# count (1), prices (1), images (1), stock (1). Category: the category (1),
# its ancestors (1) and children (1). Every cached page: the next scheduled
# publication, which bounds how long it is cached (1); the next request has
# none.
CATEGORY_PAGE_QUERIES = 10
# Featured collection (1), its rows (4), top-level categories (1), menus (1),
# the latest guides (1), the next scheduled publication (1).
HOME_PAGE_QUERIES = 9
# Product (1), variants (1), prices (1), variant attributes (1), ancestors (1),
# gallery (1), product attributes (1), stock (2), menus (1), articles that
# feature it (1), the next scheduled publication, which bounds how long the
# page is cached (1). The next request comes from the cache with none.
PRODUCT_PAGE_QUERIES = 12


@pytest.fixture
def menus(db):
    category = factories.CategoryFactory(slug="menu-category")
    for slug in ("navbar", "footer"):
        menu = factories.MenuFactory(slug=slug)
        parent = factories.MenuItemFactory(menu=menu, category=category)
        factories.MenuItemFactory(menu=menu, parent=parent, url="https://a.example/")


def _catalog(count, *, channel, warehouse, category=None, collection=None):
    products = make_products(
        count,
        channel=channel,
        warehouse=warehouse,
        category=category,
        collection=collection,
    )
    for product in products:
        add_image(product, alt=product.name, size=(40, 30))
        tag(product, attribute_slug="therapy", value_slug="heat")
        tag(product, attribute_slug="conditions", value_slug="sciatica")
    return products


@pytest.mark.parametrize("count", [2, 12])
def test_category_page_query_count_does_not_grow(
    count, client, channel, warehouse, menus, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(listing, "CATALOG_PAGE_SIZE", 50)
    parent = factories.CategoryFactory(slug="relief")
    category = factories.CategoryFactory(slug="heat", parent=parent)
    factories.CategoryFactory(slug="gel", parent=category)
    _catalog(count, channel=channel, warehouse=warehouse, category=category)

    warm_delivery_rules()

    with django_assert_num_queries(CATEGORY_PAGE_QUERIES):
        response = client.get("/categories/heat/?therapy=heat&sort=price&in_stock=on")

    assert len(shown_names(response)) == count


@pytest.mark.parametrize("count", [2, 12])
def test_home_page_query_count_does_not_grow(
    count, client, channel, warehouse, menus, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(catalog, "HOME_FEATURED_COUNT", 50)
    collection = factories.CollectionFactory(slug="featured-products")
    factories.CollectionChannelListingFactory(collection=collection, channel=channel)
    _catalog(count, channel=channel, warehouse=warehouse, collection=collection)

    warm_delivery_rules()

    with django_assert_num_queries(HOME_PAGE_QUERIES):
        response = client.get("/")

    assert len(shown_names(response)) == count


@pytest.mark.parametrize("count", [2, 12])
def test_product_page_query_count_does_not_grow(
    count, client, channel, warehouse, menus, django_assert_num_queries
):
    parent = factories.CategoryFactory(slug="relief")
    category = factories.CategoryFactory(slug="heat", parent=parent)
    _catalog(count, channel=channel, warehouse=warehouse, category=category)
    (product,) = make_products(
        1, channel=channel, warehouse=warehouse, category=category
    )
    product.variants.all().delete()
    for index in range(count):
        variant = factories.ProductVariantFactory(product=product, name=f"Size {index}")
        factories.ProductVariantChannelListingFactory(variant=variant, channel=channel)
        factories.StockFactory(product_variant=variant, warehouse=warehouse)
        size = factories.AttributeValueFactory(name=f"{index} cm")
        factories.AssignedVariantAttributeValueFactory(value=size, variant=variant)
        add_image(product, alt=f"View {index}", size=(40, 30))
        tag(product, attribute_slug="conditions", value_slug=f"condition-{index}")

    warm_delivery_rules()

    with django_assert_num_queries(PRODUCT_PAGE_QUERIES):
        response = client.get(f"/products/{product.slug}/")

    assert response.content.decode().count('class="variant-name"') == count
