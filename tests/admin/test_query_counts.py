"""Admin changelists run a fixed number of queries, whatever the row count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.fixtures.catalog import make_published_product

pytestmark = pytest.mark.django_db

CHANGELIST_MAX_QUERIES = 12


def _products(count: int, *, channel, warehouse) -> None:
    """Add products, each with its own category, collection and warehouse."""
    product_type = factories.ProductTypeFactory()
    root = factories.CategoryFactory()
    for _ in range(count):
        product = make_published_product(
            channel=channel,
            warehouse=warehouse,
            variants=2,
            category=factories.CategoryFactory(parent=root),
            product_type=product_type,
        )
        product.media.create(image="products/photo.png", alt="photo")
        factories.CollectionProductFactory(product=product)
        factories.StockFactory(
            product_variant=product.variants.first(),
            warehouse=factories.WarehouseFactory(channels=[channel]),
        )


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/product/product/",
        "/admin/product/product/?in_stock=yes&published_in=default-channel",
        "/admin/product/productvariant/",
        "/admin/product/category/",
        "/admin/product/collection/",
        "/admin/warehouse/warehouse/",
    ],
)
def test_changelist_queries_do_not_grow_from_2_to_12_products(
    merch_client, channel, warehouse, url, django_assert_max_num_queries
):
    _products(2, channel=channel, warehouse=warehouse)
    merch_client.get(url)  # Session and content types, loaded once.
    few = _count(merch_client, url)

    _products(10, channel=channel, warehouse=warehouse)
    with django_assert_max_num_queries(CHANGELIST_MAX_QUERIES):
        response = merch_client.get(url)
    many = _count(merch_client, url)

    assert response.status_code == 200
    assert response.context["cl"].result_count >= 12
    assert many == few
