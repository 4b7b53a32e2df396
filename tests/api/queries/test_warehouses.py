"""warehouse and warehouses queries: staff only, filters, sorting, stocks."""

import pytest
from graphql_relay import to_global_id

from backend.core.permissions import PermissionEnum
from tests import factories
from tests.api.mutations.conftest import global_id, grant

WAREHOUSES_QUERY = """
query Warehouses($filter: WarehouseFilterInput, $sortBy: WarehouseSortingInput) {
  warehouses(first: 20, filter: $filter, sortBy: $sortBy) {
    totalCount
    edges { node { name slug } }
  }
}
"""
WAREHOUSE_QUERY = """
query Warehouse($id: ID!) {
  warehouse(id: $id) {
    name slug email isPrivate clickAndCollectOption
    address { city postalCode countryArea country { code } }
    stocks(first: 10) {
      edges { node { quantity quantityAllocated productVariant { sku } } }
    }
  }
}
"""
REFUSED = (
    "To access this path, you need one of the following permissions: "
    "MANAGE_PRODUCTS, MANAGE_ORDERS, MANAGE_SHIPPING"
)


@pytest.fixture
def reno(channel):
    warehouse = factories.WarehouseFactory(
        name="Reno NV", slug="reno", email="reno@example.com", channels=[channel]
    )
    variant = factories.ProductVariantFactory(sku="STRAP-1")
    factories.StockFactory(warehouse=warehouse, product_variant=variant, quantity=7)
    return warehouse


@pytest.fixture
def products_staff(api, staff_user):
    return api.login(grant(staff_user, PermissionEnum.MANAGE_PRODUCTS))


def test_warehouse_by_id_for_staff_with_address_and_stock(products_staff, reno):
    result = products_staff(WAREHOUSE_QUERY, {"id": global_id(reno)})

    assert result == {
        "data": {
            "warehouse": {
                "name": "Reno NV",
                "slug": "reno",
                "email": "reno@example.com",
                "isPrivate": True,
                "clickAndCollectOption": "DISABLED",
                "address": {
                    "city": "RENO",
                    "postalCode": "89501",
                    "countryArea": "NV",
                    "country": {"code": "US"},
                },
                "stocks": {
                    "edges": [
                        {
                            "node": {
                                "quantity": 7,
                                "quantityAllocated": 0,
                                "productVariant": {"sku": "STRAP-1"},
                            }
                        }
                    ]
                },
            }
        }
    }


def test_warehouse_is_refused_to_an_anonymous_shopper(api, reno):
    result = api(WAREHOUSE_QUERY, {"id": global_id(reno)})

    assert result["data"] == {"warehouse": None}
    assert result["errors"][0]["message"] == REFUSED
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_warehouses_are_refused_to_a_customer(api, reno, customer_user):
    api.login(customer_user)

    result = api(WAREHOUSES_QUERY)

    assert result["data"] == {"warehouses": None}
    assert result["errors"][0]["message"] == REFUSED


def test_warehouses_are_refused_to_staff_without_the_permission(api, reno, staff_user):
    api.login(staff_user)

    result = api(WAREHOUSES_QUERY)

    assert result["errors"][0]["message"] == REFUSED


def test_warehouses_are_listed_for_operations_staff(api, reno, staff_user):
    api.login(grant(staff_user, PermissionEnum.MANAGE_ORDERS))

    result = api(WAREHOUSES_QUERY)

    assert result["data"]["warehouses"] == {
        "totalCount": 1,
        "edges": [{"node": {"name": "Reno NV", "slug": "reno"}}],
    }


def test_warehouses_filter_by_search_and_sort_by_name(products_staff, reno):
    factories.WarehouseFactory(name="Columbus OH", slug="columbus")
    factories.WarehouseFactory(name="Austin TX", slug="austin")

    result = products_staff(
        WAREHOUSES_QUERY,
        {
            "filter": {"search": "us"},
            "sortBy": {"field": "NAME", "direction": "DESC"},
        },
    )

    assert [e["node"]["slug"] for e in result["data"]["warehouses"]["edges"]] == [
        "columbus",
        "austin",
    ]


def test_warehouses_filter_by_channel(products_staff, reno, channel):
    factories.WarehouseFactory(slug="unassigned")

    result = products_staff(
        WAREHOUSES_QUERY, {"filter": {"channels": [global_id(channel)]}}
    )

    assert [e["node"]["slug"] for e in result["data"]["warehouses"]["edges"]] == [
        "reno"
    ]


def test_stock_quantities_are_refused_to_shipping_staff(api, reno, staff_user):
    api.login(grant(staff_user, PermissionEnum.MANAGE_SHIPPING))

    result = api(WAREHOUSE_QUERY, {"id": global_id(reno)})

    assert result["errors"][0]["message"] == (
        "To access this path, you need one of the following permissions: "
        "MANAGE_PRODUCTS, MANAGE_ORDERS"
    )


@pytest.mark.parametrize("count", [2, 12])
def test_warehouses_run_fixed_queries_for_any_count(
    products_staff, db, count, django_assert_num_queries
):
    for _ in range(count):
        factories.WarehouseFactory()
    query = (
        "query { warehouses(first: 100) { totalCount "
        "edges { node { slug address { city } } } } }"
    )

    # User (from the token), their permissions, the page, the count.
    with django_assert_num_queries(4):
        result = products_staff(query)

    assert result["data"]["warehouses"]["totalCount"] == count


STOCKS_QUERY = """
query Stocks($filter: StockFilterInput) {
  stocks(first: 10, filter: $filter) {
    totalCount
    edges { node { quantity warehouse { slug } productVariant { sku } } }
  }
}
"""


def test_stocks_are_searched_by_sku_for_product_staff(products_staff, reno):
    other = factories.ProductVariantFactory(sku="ROLLER-1")
    factories.StockFactory(warehouse=reno, product_variant=other, quantity=2)

    result = products_staff(STOCKS_QUERY, {"filter": {"search": "strap"}})

    assert result["data"]["stocks"] == {
        "totalCount": 1,
        "edges": [
            {
                "node": {
                    "quantity": 7,
                    "warehouse": {"slug": "reno"},
                    "productVariant": {"sku": "STRAP-1"},
                }
            }
        ],
    }


def test_stocks_are_refused_to_operations_staff(api, reno, staff_user):
    api.login(grant(staff_user, PermissionEnum.MANAGE_ORDERS))

    result = api(STOCKS_QUERY)

    assert result["data"] == {"stocks": None}
    assert result["errors"][0]["message"] == (
        "To access this path, you need one of the following permissions: "
        "MANAGE_PRODUCTS"
    )


def test_stock_by_id_for_product_staff(products_staff, reno):
    stock = reno.stock.get()

    result = products_staff(
        "query Stock($id: ID!) { stock(id: $id) { quantity } }",
        {"id": global_id(stock)},
    )

    assert result == {"data": {"stock": {"quantity": 7}}}


def test_warehouse_with_a_malformed_id_is_a_clear_error(products_staff, reno):
    result = products_staff(WAREHOUSE_QUERY, {"id": "bad"})

    assert result["data"] == {"warehouse": None}
    assert result["errors"][0]["message"] == "Invalid ID: bad. Expected: Warehouse."


def test_unknown_warehouse_is_null(products_staff, reno):
    missing = to_global_id("Warehouse", str(reno.pk + 1000))

    result = products_staff(WAREHOUSE_QUERY, {"id": missing})

    assert result == {"data": {"warehouse": None}}
