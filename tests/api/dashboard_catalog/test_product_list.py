"""The dashboard's product list: its own ProductList query, with its filters."""

from decimal import Decimal

import pytest

from tests import factories
from tests.api.dashboard_documents import dashboard_document
from tests.fixtures.catalog import make_published_product

from .conftest import global_id

pytestmark = pytest.mark.django_db


def _list_variables(**overrides):
    return {
        "first": 20,
        "channel": "default-channel",
        "hasChannel": True,
        "includeCategories": True,
        "includeCollections": True,
        "sort": {"direction": "ASC", "field": "NAME"},
        **overrides,
    }


def _names(result) -> list[str]:
    assert "errors" not in result, result.get("errors")
    return [edge["node"]["name"] for edge in result["data"]["products"]["edges"]]


@pytest.fixture
def shelf(channel, warehouse):
    """Two straps (one red, in stock, 19.99) and a cushion (out of stock)."""
    straps = factories.CategoryFactory(name="Straps", slug="straps")
    cushions = factories.CategoryFactory(name="Cushions", slug="cushions")
    color = factories.AttributeFactory(name="Color", slug="color")
    red = factories.AttributeValueFactory(attribute=color, name="Red", slug="red")
    strap_type = factories.ProductTypeFactory(name="Strap", slug="strap")
    factories.AttributeProductFactory(attribute=color, product_type=strap_type)
    red_strap = make_published_product(
        channel=channel,
        warehouse=warehouse,
        name="Red Strap",
        category=straps,
        product_type=strap_type,
    )
    factories.AssignedProductAttributeValueFactory(product=red_strap, value=red)
    make_published_product(
        channel=channel,
        warehouse=warehouse,
        name="Plain Strap",
        category=straps,
        product_type=strap_type,
        price=Decimal("40.00"),
    )
    make_published_product(
        channel=channel,
        warehouse=warehouse,
        name="Lumbar Cushion",
        category=cushions,
        quantity=0,
    )
    return {"straps": straps, "strap_type": strap_type, "color": color}


def test_product_list_shows_every_product_sorted_by_name(merchandiser_api, shelf):
    result = merchandiser_api(dashboard_document("ProductList"), _list_variables())

    assert _names(result) == ["Lumbar Cushion", "Plain Strap", "Red Strap"]
    assert result["data"]["products"]["totalCount"] == 3


def test_product_list_filters_by_category_and_product_type(merchandiser_api, shelf):
    where = {
        "category": {"oneOf": [global_id(shelf["straps"])]},
        "productType": {"oneOf": [global_id(shelf["strap_type"])]},
    }

    result = merchandiser_api(
        dashboard_document("ProductList"), _list_variables(where=where)
    )

    assert _names(result) == ["Plain Strap", "Red Strap"]


def test_product_list_filters_by_attribute_value(merchandiser_api, shelf):
    where = {"attributes": [{"slug": "color", "values": ["red"]}]}

    result = merchandiser_api(
        dashboard_document("ProductList"), _list_variables(where=where)
    )

    assert _names(result) == ["Red Strap"]


def test_product_list_filters_by_stock_and_price(merchandiser_api, shelf):
    where = {
        "stockAvailability": "IN_STOCK",
        "price": {"range": {"gte": 10, "lte": 30}},
    }

    result = merchandiser_api(
        dashboard_document("ProductList"), _list_variables(where=where)
    )

    assert _names(result) == ["Red Strap"]


def test_product_list_searches_by_name(merchandiser_api, shelf):
    result = merchandiser_api(
        dashboard_document("ProductList"), _list_variables(search="cushion")
    )

    assert _names(result) == ["Lumbar Cushion"]


def _list_query_count(api, django_assert_max_num_queries, count) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        result = api(dashboard_document("ProductList"), _list_variables(first=count))
    assert len(result["data"]["products"]["edges"]) == count
    return len(captured)


def test_product_list_query_count_does_not_grow_with_page_size(
    merchandiser_api, channel, warehouse, django_assert_max_num_queries
):
    for index in range(20):
        make_published_product(
            channel=channel, warehouse=warehouse, name=f"Strap {index:02}"
        )
    small = _list_query_count(merchandiser_api, django_assert_max_num_queries, 2)

    with django_assert_max_num_queries(small):
        result = merchandiser_api(
            dashboard_document("ProductList"), _list_variables(first=20)
        )

    assert len(result["data"]["products"]["edges"]) == 20
