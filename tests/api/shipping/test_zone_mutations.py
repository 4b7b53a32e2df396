"""shippingZoneCreate, shippingZoneUpdate and shippingZoneDelete."""

import pytest

from backend.shipping.models import ShippingMethodChannelListing, ShippingZone
from tests import factories
from tests.api.mutations.conftest import global_id

from .conftest import global_id_of
from .documents import ZONE_CREATE, ZONE_DELETE, ZONE_UPDATE

pytestmark = pytest.mark.django_db


def zone_state():
    return [
        (
            zone.name,
            sorted(str(c) for c in zone.countries),
            zone.default,
            sorted(zone.channels.values_list("slug", flat=True)),
            sorted(zone.warehouses.values_list("pk", flat=True)),
        )
        for zone in ShippingZone.objects.order_by("pk")
    ]


def test_staff_create_a_zone_in_a_channel_sent_from_a_warehouse(
    shipping_api, channel, warehouse
):
    result = shipping_api(
        ZONE_CREATE,
        {
            "input": {
                "name": "Canada",
                "description": "Provinces we ship to",
                "countries": ["CA", "ca"],
                "addChannels": [global_id(channel)],
                "addWarehouses": [global_id(warehouse)],
            }
        },
    )

    payload = result["data"]["shippingZoneCreate"]
    assert payload["errors"] == []
    assert payload["shippingZone"]["name"] == "Canada"
    assert payload["shippingZone"]["description"] == "Provinces we ship to"
    assert payload["shippingZone"]["countries"] == [{"code": "CA"}]
    assert payload["shippingZone"]["channels"] == [{"slug": "default-channel"}]
    assert payload["shippingZone"]["warehouses"] == [{"name": warehouse.name}]
    assert zone_state() == [
        ("Canada", ["CA"], False, ["default-channel"], [warehouse.pk])
    ]


def test_a_default_zone_takes_every_country_no_other_zone_covers(shipping_api, zone):
    result = shipping_api(ZONE_CREATE, {"input": {"name": "Rest", "default": True}})

    payload = result["data"]["shippingZoneCreate"]
    codes = {c["code"] for c in payload["shippingZone"]["countries"]}
    assert payload["shippingZone"]["default"] is True
    assert "US" not in codes and {"CA", "DE", "JP"} <= codes


def test_a_second_default_zone_is_refused(shipping_api, zone):
    ShippingZone.objects.filter(pk=zone.pk).update(default=True)
    before = zone_state()

    result = shipping_api(ZONE_CREATE, {"input": {"name": "Rest", "default": True}})

    assert result["data"]["shippingZoneCreate"]["errors"] == [
        {
            "field": "default",
            "code": "ALREADY_EXISTS",
            "message": "Default shipping zone already exists.",
            "channels": None,
            "warehouses": None,
        }
    ]
    assert zone_state() == before


def test_a_zone_without_a_name_is_refused(shipping_api, db):
    result = shipping_api(ZONE_CREATE, {"input": {"name": "  ", "countries": ["US"]}})

    errors = result["data"]["shippingZoneCreate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("name", "REQUIRED")]
    assert zone_state() == []


def test_an_unknown_country_is_refused(shipping_api, db):
    result = shipping_api(
        ZONE_CREATE, {"input": {"name": "Moon", "countries": ["US", "XX"]}}
    )

    assert result["data"]["shippingZoneCreate"]["errors"] == [
        {
            "field": "countries",
            "code": "INVALID",
            "message": "XX is not a valid country code.",
            "channels": None,
            "warehouses": None,
        }
    ]
    assert zone_state() == []


def test_an_unknown_channel_is_refused_with_its_id(shipping_api, channel):
    missing = global_id_of("Channel", channel.pk + 100)

    result = shipping_api(
        ZONE_CREATE, {"input": {"name": "Canada", "addChannels": [missing]}}
    )

    (error,) = result["data"]["shippingZoneCreate"]["errors"]
    assert (error["field"], error["code"], error["channels"]) == (
        "addChannels",
        "NOT_FOUND",
        [missing],
    )
    assert zone_state() == []


def test_an_unknown_warehouse_is_refused(shipping_api, zone, warehouse):
    before = zone_state()
    missing = global_id_of("Warehouse", warehouse.pk + 100)

    result = shipping_api(
        ZONE_UPDATE, {"id": global_id(zone), "input": {"addWarehouses": [missing]}}
    )

    (error,) = result["data"]["shippingZoneUpdate"]["errors"]
    assert (error["field"], error["code"], error["warehouses"]) == (
        "addWarehouses",
        "NOT_FOUND",
        [missing],
    )
    assert zone_state() == before


def test_a_warehouse_serving_none_of_the_zones_channels_is_refused(shipping_api, zone):
    elsewhere = factories.WarehouseFactory(name="Berlin")
    before = zone_state()

    result = shipping_api(
        ZONE_UPDATE,
        {"id": global_id(zone), "input": {"addWarehouses": [global_id(elsewhere)]}},
    )

    (error,) = result["data"]["shippingZoneUpdate"]["errors"]
    assert (error["field"], error["code"], error["warehouses"]) == (
        "addWarehouses",
        "INVALID",
        [global_id(elsewhere)],
    )
    assert zone_state() == before


def test_adding_and_removing_one_channel_at_once_is_refused(
    shipping_api, zone, channel
):
    before = zone_state()

    result = shipping_api(
        ZONE_UPDATE,
        {
            "id": global_id(zone),
            "input": {
                "addChannels": [global_id(channel)],
                "removeChannels": [global_id(channel)],
            },
        },
    )

    (error,) = result["data"]["shippingZoneUpdate"]["errors"]
    assert (error["field"], error["code"], error["channels"]) == (
        "channels",
        "DUPLICATED_INPUT_ITEM",
        [global_id(channel)],
    )
    assert zone_state() == before


def test_update_renames_and_moves_countries(shipping_api, zone):
    result = shipping_api(
        ZONE_UPDATE,
        {
            "id": global_id(zone),
            "input": {"name": "North America", "countries": ["US", "CA"]},
        },
    )

    payload = result["data"]["shippingZoneUpdate"]
    assert payload["errors"] == []
    assert payload["shippingZone"]["name"] == "North America"
    assert payload["shippingZone"]["countries"] == [{"code": "CA"}, {"code": "US"}]


def test_removing_a_channel_stops_the_zones_methods_selling_there(
    shipping_api, zone, method, channel
):
    result = shipping_api(
        ZONE_UPDATE,
        {"id": global_id(zone), "input": {"removeChannels": [global_id(channel)]}},
    )

    payload = result["data"]["shippingZoneUpdate"]
    assert payload["errors"] == []
    assert payload["shippingZone"]["channels"] == []
    # The warehouse shares no channel with the zone any more.
    assert payload["shippingZone"]["warehouses"] == []
    assert not ShippingMethodChannelListing.objects.filter(
        shipping_method=method
    ).exists()


def test_delete_removes_the_zone_and_answers_with_its_id(shipping_api, zone, method):
    result = shipping_api(ZONE_DELETE, {"id": global_id(zone)})

    payload = result["data"]["shippingZoneDelete"]
    assert payload["errors"] == []
    assert payload["shippingZone"] == {"id": global_id(zone), "name": "Contiguous US"}
    assert zone_state() == []


def test_deleting_an_unknown_zone_is_not_found(shipping_api, zone):
    result = shipping_api(
        ZONE_DELETE, {"id": global_id_of("ShippingZone", zone.pk + 100)}
    )

    (error,) = result["data"]["shippingZoneDelete"]["errors"]
    assert (error["field"], error["code"]) == ("id", "NOT_FOUND")
    assert len(zone_state()) == 1
