"""The dashboard's shipping screens, sent as the dashboard sends them.

Excluded products, weight limits and tax classes on a rate, and bulk
deletion of zones; the documents are read from ../shared at test time.
"""

from decimal import Decimal

import pytest

from backend.core.cache_versions import PROMISE_RULES, versions
from backend.shipping.models import ShippingZone
from tests import factories
from tests.api.dashboard_documents import dashboard_document
from tests.api.mutations.conftest import global_id
from tests.fixtures.catalog import make_published_product

from .conftest import method_id

pytestmark = pytest.mark.django_db

ZONE = ("shipping/queries.ts", "ShippingZone")
EXCLUDE = ("shipping/mutations.ts", "ShippingPriceExcludeProduct")
INCLUDE = ("shipping/mutations.ts", "ShippingPriceRemoveProductFromExclude")
BULK_DELETE = ("shipping/mutations.ts", "BulkDeleteShippingZone")
RATE_UPDATE = ("shipping/mutations.ts", "UpdateShippingRate")


def send(api, document, variables):
    return api(dashboard_document(*document), variables)


def excluded_names(method) -> list[str]:
    return sorted(method.excluded_products.values_list("name", flat=True))


@pytest.fixture
def strap(channel, warehouse):
    return make_published_product(channel=channel, warehouse=warehouse, name="Strap")


@pytest.fixture
def brace(channel, warehouse):
    return make_published_product(channel=channel, warehouse=warehouse, name="Brace")


def test_staff_exclude_products_from_a_rate_and_the_zone_lists_them(
    shipping_api, zone, method, strap, brace
):
    result = send(
        shipping_api,
        EXCLUDE,
        {
            "id": method_id(method),
            "input": {"products": [global_id(strap), global_id(brace)]},
        },
    )

    assert result["data"]["shippingPriceExcludeProducts"]["errors"] == []
    zone_read = send(shipping_api, ZONE, {"id": global_id(zone), "first": 10})
    rate = zone_read["data"]["shippingZone"]["shippingMethods"][0]
    names = [edge["node"]["name"] for edge in rate["excludedProducts"]["edges"]]
    assert names == ["Brace", "Strap"]
    assert rate["excludedProducts"]["pageInfo"]["hasNextPage"] is False


def test_a_rate_has_no_weight_limits_and_no_tax_class(shipping_api, zone, method):
    result = send(shipping_api, ZONE, {"id": global_id(zone), "first": 10})

    rate = result["data"]["shippingZone"]["shippingMethods"][0]
    assert rate["minimumOrderWeight"] is None
    assert rate["maximumOrderWeight"] is None
    assert rate["taxClass"] is None
    assert rate["excludedProducts"]["edges"] == []


def test_staff_remove_a_product_from_a_rates_exclusions(
    shipping_api, method, strap, brace
):
    method.excluded_products.add(strap, brace)

    result = send(
        shipping_api,
        INCLUDE,
        {"id": method_id(method), "products": [global_id(strap)]},
    )

    assert result["data"]["shippingPriceRemoveProductFromExclude"]["errors"] == []
    assert excluded_names(method) == ["Brace"]


def test_excluding_a_product_moves_the_delivery_rules_version(
    shipping_api, method, strap, django_capture_on_commit_callbacks
):
    (before,) = versions(PROMISE_RULES)

    with django_capture_on_commit_callbacks(execute=True):
        send(
            shipping_api,
            EXCLUDE,
            {"id": method_id(method), "input": {"products": [global_id(strap)]}},
        )

    (after,) = versions(PROMISE_RULES)
    assert after != before


def test_excluding_an_unknown_product_is_refused_and_changes_nothing(
    shipping_api, method, strap
):
    gone = factories.ProductFactory()
    gone_id = global_id(gone)
    gone.delete()

    result = send(
        shipping_api,
        EXCLUDE,
        {"id": method_id(method), "input": {"products": [global_id(strap), gone_id]}},
    )

    assert result["data"]["shippingPriceExcludeProducts"]["errors"] == [
        {
            "field": "products",
            "code": "NOT_FOUND",
            "message": f"Couldn't resolve to a node: {gone_id}",
        }
    ]
    assert excluded_names(method) == []


def test_excluding_with_a_variant_id_is_refused(shipping_api, method, strap):
    result = send(
        shipping_api,
        EXCLUDE,
        {
            "id": method_id(method),
            "input": {"products": [global_id(strap.default_variant)]},
        },
    )

    errors = result["data"]["shippingPriceExcludeProducts"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("products", "GRAPHQL_ERROR")]
    assert excluded_names(method) == []


def test_people_without_manage_shipping_cannot_exclude_products(
    refused_api, method, strap
):
    result = send(
        refused_api,
        EXCLUDE,
        {"id": method_id(method), "input": {"products": [global_id(strap)]}},
    )

    assert result["data"]["shippingPriceExcludeProducts"] is None
    assert "MANAGE_SHIPPING" in result["errors"][0]["message"]
    assert excluded_names(method) == []


def test_people_without_manage_shipping_cannot_lift_exclusions(
    refused_api, method, strap
):
    method.excluded_products.add(strap)

    result = send(
        refused_api, INCLUDE, {"id": method_id(method), "products": [global_id(strap)]}
    )

    assert result["data"]["shippingPriceRemoveProductFromExclude"] is None
    assert excluded_names(method) == ["Strap"]


def test_staff_delete_zones_in_bulk(shipping_api, zone, channel):
    other = factories.ShippingZoneFactory(name="Canada", countries=["CA"])
    kept = factories.ShippingZoneFactory(name="Mexico", countries=["MX"])

    result = send(
        shipping_api, BULK_DELETE, {"ids": [global_id(zone), global_id(other)]}
    )

    assert result["data"]["shippingZoneBulkDelete"]["errors"] == []
    assert list(ShippingZone.objects.values_list("pk", flat=True)) == [kept.pk]


def test_bulk_deleting_an_unknown_zone_deletes_nothing(shipping_api, zone):
    missing = factories.ShippingZoneFactory(name="Gone")
    missing_id = global_id(missing)
    missing.delete()

    result = send(shipping_api, BULK_DELETE, {"ids": [global_id(zone), missing_id]})

    errors = result["data"]["shippingZoneBulkDelete"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("ids", "NOT_FOUND")]
    assert ShippingZone.objects.filter(pk=zone.pk).exists()


def test_people_without_manage_shipping_cannot_delete_zones(refused_api, zone):
    result = send(refused_api, BULK_DELETE, {"ids": [global_id(zone)]})

    assert result["data"]["shippingZoneBulkDelete"] is None
    assert ShippingZone.objects.filter(pk=zone.pk).exists()


def test_the_dashboard_updates_a_rate_with_null_weights(shipping_api, zone, method):
    result = send(
        shipping_api,
        RATE_UPDATE,
        {
            "id": method_id(method),
            "input": {
                "name": "Standard ground",
                "shippingZone": global_id(zone),
                "minimumOrderWeight": None,
                "maximumOrderWeight": None,
                "addPostalCodeRules": [],
                "deletePostalCodeRules": [],
                "inclusionType": "EXCLUDE",
            },
        },
    )

    payload = result["data"]["shippingPriceUpdate"]
    assert payload["errors"] == []
    assert payload["shippingMethod"]["name"] == "Standard ground"
    assert payload["shippingMethod"]["taxClass"] is None


def _zone_with_rates(zone, channel, count: int, products) -> None:
    for index in range(count):
        method = factories.ShippingMethodFactory(
            shipping_zone=zone, name=f"Rate {index}"
        )
        factories.ShippingMethodChannelListingFactory(
            shipping_method=method, channel=channel, price_amount=Decimal("4.00")
        )
        method.excluded_products.add(*products)


@pytest.mark.parametrize("rates", [2, 12])
def test_zone_details_query_count_does_not_grow_with_its_rates(
    shipping_api, zone, channel, warehouse, rates, django_assert_max_num_queries
):
    products = [
        make_published_product(channel=channel, warehouse=warehouse, name=f"P{i}")
        for i in range(3)
    ]
    _zone_with_rates(zone, channel, rates, products)
    variables = {"id": global_id(zone), "first": 10}
    send(shipping_api, ZONE, variables)  # session and channels warm

    # Session, user and permissions (4), the zone (1), then one each:
    # methods, listings, postal rules, excluded products and their links,
    # thumbnails, channels, warehouses; for 2 rates as for 12.
    with django_assert_max_num_queries(12):
        result = send(shipping_api, ZONE, variables)

    methods = result["data"]["shippingZone"]["shippingMethods"]
    assert len(methods) == rates
    assert all(len(m["excludedProducts"]["edges"]) == 3 for m in methods)
