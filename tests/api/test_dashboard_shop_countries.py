"""Shop.countries(filter:) as the dashboard's ShopCountries sends it.

attachedToShippingZones true lists the countries some shipping zone
covers, false the rest; no filter lists every country. The document is
read from ../shared at test time.
"""

import pytest
from django.test import Client

from backend.account.services import staff_groups_sync
from tests import factories
from tests.api.client import GraphQLClient
from tests.api.dashboard_documents import dashboard_document

pytestmark = pytest.mark.django_db

SHOP_COUNTRIES = ("components/Shop/queries.ts", "ShopCountries")


@pytest.fixture
def operations_api(db):
    user = factories.UserFactory(is_staff=True, email="ops@example.com")
    user.groups.add(staff_groups_sync()["Operations"])
    return GraphQLClient(Client()).login(user)


@pytest.fixture
def zones(db):
    factories.ShippingZoneFactory(countries=["US", "CA"])
    factories.ShippingZoneFactory(countries=["DE", "US"])


def codes(result):
    assert "errors" not in result
    return [country["code"] for country in result["data"]["shop"]["countries"]]


def test_attached_countries_are_those_a_zone_covers(operations_api, zones):
    result = operations_api(
        dashboard_document(*SHOP_COUNTRIES),
        {"filter": {"attachedToShippingZones": True}},
    )

    assert sorted(codes(result)) == ["CA", "DE", "US"]


def test_unattached_countries_are_those_no_zone_covers(operations_api, zones):
    every = codes(operations_api(dashboard_document(*SHOP_COUNTRIES)))

    result = operations_api(
        dashboard_document(*SHOP_COUNTRIES),
        {"filter": {"attachedToShippingZones": False}},
    )

    unattached = codes(result)
    assert "FR" in unattached
    assert not {"CA", "DE", "US"} & set(unattached)
    assert len(unattached) == len(every) - 3


def test_countries_without_a_filter_are_all_countries(operations_api, zones):
    result = operations_api(dashboard_document(*SHOP_COUNTRIES), {"filter": None})

    assert {"CA", "DE", "FR", "US"} <= set(codes(result))
    assert len(codes(result)) > 200


def test_no_zone_means_no_attached_country(operations_api):
    result = operations_api(
        dashboard_document(*SHOP_COUNTRIES),
        {"filter": {"attachedToShippingZones": True}},
    )

    assert codes(result) == []


def test_country_filter_query_count_does_not_grow_with_zones(
    operations_api, zones, django_assert_max_num_queries
):
    for code in ["FR", "IT", "ES", "FR", "IT", "ES", "FR", "IT", "ES", "FR"]:
        factories.ShippingZoneFactory(countries=[code])

    with django_assert_max_num_queries(4):
        result = operations_api(
            dashboard_document(*SHOP_COUNTRIES),
            {"filter": {"attachedToShippingZones": True}},
        )

    assert sorted(codes(result)) == ["CA", "DE", "ES", "FR", "IT", "US"]
