"""The dashboard's Warehouses screens, as the dashboard sends them.

Saleor writes warehouses with MANAGE_PRODUCTS (the Merchandisers' group),
as Lumbar's admin does; staff who manage shipping or orders read them.
The documents are read from ../shared at test time.
"""

import pytest
from django.test import Client
from graphql_relay import to_global_id

from backend.core.cache_versions import PROMISE_RULES, versions
from backend.core.permissions import PermissionEnum
from backend.warehouse.models import Warehouse
from tests import factories
from tests.api.client import GraphQLClient
from tests.api.dashboard_documents import dashboard_document
from tests.api.mutations.conftest import global_id, grant

pytestmark = pytest.mark.django_db

LIST = ("warehouses/queries.ts", "WarehouseList")
DETAILS = ("warehouses/queries.ts", "WarehouseDetails")
CREATE = ("warehouses/mutations.ts", "WarehouseCreate")
UPDATE = ("warehouses/mutations.ts", "WarehouseUpdate")
DELETE = ("warehouses/mutations.ts", "WarehouseDelete")

ADDRESS = {
    "companyName": "Lumbar Fulfilment",
    "streetAddress1": "200 Commerce Way",
    "city": "Reno",
    "postalCode": "89502",
    "country": "US",
    "countryArea": "NV",
    "phone": "+17755550100",
}


def send(api, document, variables):
    return api(dashboard_document(*document), variables)


def staff_with(*permissions):
    user = factories.UserFactory(is_staff=True)
    return GraphQLClient(Client()).login(grant(user, *permissions))


@pytest.fixture
def merchandiser_api(db):
    return staff_with(PermissionEnum.MANAGE_PRODUCTS)


@pytest.fixture
def shipping_api(db):
    return staff_with(PermissionEnum.MANAGE_SHIPPING)


@pytest.fixture
def depot(channel):
    return factories.WarehouseFactory(name="Reno depot", channels=[channel])


def test_staff_create_a_warehouse_at_a_validated_address(merchandiser_api):
    result = send(
        merchandiser_api,
        CREATE,
        {
            "input": {
                "name": "East depot",
                "email": "east@lumbar.test",
                "address": ADDRESS,
            }
        },
    )

    payload = result["data"]["createWarehouse"]
    assert "errors" not in result, result["errors"]
    assert payload["errors"] == []
    assert payload["warehouse"]["name"] == "East depot"
    warehouse = Warehouse.objects.get(slug="east-depot")
    assert warehouse.email == "east@lumbar.test"
    assert warehouse.address.city == "RENO"
    assert warehouse.address.postal_code == "89502"


def test_an_address_that_fails_its_countrys_rules_is_refused(merchandiser_api):
    bad = {**ADDRESS, "postalCode": "ABCDE"}

    result = send(
        merchandiser_api, CREATE, {"input": {"name": "Nowhere", "address": bad}}
    )

    errors = result["data"]["createWarehouse"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("postalCode", "INVALID")]
    assert not Warehouse.objects.filter(name="Nowhere").exists()


def test_a_taken_slug_is_refused(merchandiser_api, depot):
    result = send(
        merchandiser_api,
        CREATE,
        {"input": {"name": "Another", "slug": depot.slug, "address": ADDRESS}},
    )

    errors = result["data"]["createWarehouse"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("slug", "UNIQUE")]
    assert Warehouse.objects.count() == 1


def test_staff_rename_a_warehouse_and_move_its_address(merchandiser_api, depot):
    result = send(
        merchandiser_api,
        UPDATE,
        {
            "id": global_id(depot),
            "input": {
                "name": "Reno main",
                "isPrivate": False,
                "clickAndCollectOption": "DISABLED",
                "address": {**ADDRESS, "streetAddress1": "9 Dock Rd"},
            },
        },
    )

    payload = result["data"]["updateWarehouse"]
    assert payload["errors"] == []
    assert payload["warehouse"]["name"] == "Reno main"
    assert payload["warehouse"]["address"]["streetAddress1"] == "9 Dock Rd"
    depot.refresh_from_db()
    assert (depot.name, depot.is_private) == ("Reno main", False)


def test_editing_a_warehouse_moves_the_delivery_rules_version(
    merchandiser_api, depot, django_capture_on_commit_callbacks
):
    (before,) = versions(PROMISE_RULES)

    with django_capture_on_commit_callbacks(execute=True):
        send(merchandiser_api, UPDATE, {"id": global_id(depot), "input": {"name": "X"}})

    assert versions(PROMISE_RULES)[0] != before


def test_staff_delete_a_warehouse(merchandiser_api, depot):
    result = send(merchandiser_api, DELETE, {"id": global_id(depot)})

    assert result["data"]["deleteWarehouse"]["errors"] == []
    assert not Warehouse.objects.exists()


def test_deleting_an_unknown_warehouse_is_a_not_found_error(merchandiser_api):
    result = send(merchandiser_api, DELETE, {"id": to_global_id("Warehouse", "999")})

    errors = result["data"]["deleteWarehouse"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("id", "NOT_FOUND")]


@pytest.mark.parametrize(
    "permission", [PermissionEnum.MANAGE_SHIPPING, PermissionEnum.MANAGE_ORDERS]
)
def test_staff_without_manage_products_cannot_write_warehouses(permission, depot):
    api = staff_with(permission)

    created = send(api, CREATE, {"input": {"name": "Sneaky", "address": ADDRESS}})
    updated = send(api, UPDATE, {"id": global_id(depot), "input": {"name": "Y"}})
    deleted = send(api, DELETE, {"id": global_id(depot)})

    assert created["data"]["createWarehouse"] is None
    assert updated["data"]["updateWarehouse"] is None
    assert deleted["data"]["deleteWarehouse"] is None
    assert "MANAGE_PRODUCTS" in deleted["errors"][0]["message"]
    assert list(Warehouse.objects.values_list("name", flat=True)) == ["Reno depot"]


def test_staff_read_a_warehouses_zones(merchandiser_api, depot, channel):
    zone = factories.ShippingZoneFactory(name="West", countries=["US"])
    zone.warehouses.add(depot)

    # Its private metadata needs MANAGE_PRODUCTS, as on Saleor.
    result = send(merchandiser_api, DETAILS, {"id": global_id(depot)})

    assert "errors" not in result, result["errors"]
    warehouse = result["data"]["warehouse"]
    assert warehouse["name"] == "Reno depot"
    assert [e["node"]["name"] for e in warehouse["shippingZones"]["edges"]] == ["West"]


@pytest.mark.parametrize("size", [2, 20])
def test_warehouse_list_query_count_does_not_grow_with_the_page(
    shipping_api, channel, size, django_assert_max_num_queries
):
    for index in range(size):
        warehouse = factories.WarehouseFactory(name=f"W{index:02}")
        zone = factories.ShippingZoneFactory(name=f"Zone {index}")
        zone.warehouses.add(warehouse)
    variables = {"first": size, "sort": {"field": "NAME", "direction": "ASC"}}
    send(shipping_api, LIST, variables)  # session warm

    # Session, user and permissions (4), warehouses (1), their zones (1).
    with django_assert_max_num_queries(6):
        result = send(shipping_api, LIST, variables)

    edges = result["data"]["warehouses"]["edges"]
    assert len(edges) == size
    assert all(len(e["node"]["shippingZones"]["edges"]) == 1 for e in edges)
