"""shippingZones and shippingZone: what staff who manage shipping read."""

from decimal import Decimal

import pytest

from tests import factories
from tests.api.mutations.conftest import global_id

from .conftest import assert_refused, global_id_of, method_id

pytestmark = pytest.mark.django_db

ZONES = """
query Zones($channel: String, $filter: ShippingZoneFilterInput) {
  shippingZones(first: 20, channel: $channel, filter: $filter) {
    totalCount
    edges { node {
      id name default description
      countries { code country }
      channels { slug }
      warehouses { name }
      priceRange { start { amount } stop { amount } }
      shippingMethods {
        id name carrier minimumDeliveryDays maximumDeliveryDays type
        minimumOrderPrice { amount currency }
        maximumOrderPrice { amount currency }
        postalCodeRules { start end inclusionType }
        channelListings {
          channel { slug }
          price { amount currency }
          minimumOrderPrice { amount }
          maximumOrderPrice { amount }
        }
      }
    } }
  }
}
"""

ZONE = """
query Zone($id: ID!, $channel: String) {
  shippingZone(id: $id, channel: $channel) {
    name
    priceRange { start { amount } stop { amount } }
    shippingMethods { name minimumOrderPrice { amount } maximumOrderPrice { amount } }
  }
}
"""


def test_staff_list_zones_with_methods_and_channel_listings(
    shipping_api, zone, method, warehouse
):
    result = shipping_api(ZONES)

    connection = result["data"]["shippingZones"]
    assert connection["totalCount"] == 1
    node = connection["edges"][0]["node"]
    assert node["id"] == global_id(zone)
    assert node["name"] == "Contiguous US"
    assert node["countries"] == [{"code": "US", "country": "United States of America"}]
    assert node["channels"] == [{"slug": "default-channel"}]
    assert node["warehouses"] == [{"name": warehouse.name}]
    # Outside a channel there is no one price to range over.
    assert node["priceRange"] is None
    assert node["shippingMethods"] == [
        {
            "id": method_id(method),
            "name": "Standard",
            "carrier": "UPS",
            "minimumDeliveryDays": 1,
            "maximumDeliveryDays": 2,
            "type": "PRICE",
            "minimumOrderPrice": None,
            "maximumOrderPrice": None,
            "postalCodeRules": [],
            "channelListings": [
                {
                    "channel": {"slug": "default-channel"},
                    "price": {"amount": 5.0, "currency": "USD"},
                    "minimumOrderPrice": {"amount": 0.0},
                    "maximumOrderPrice": {"amount": 500.0},
                }
            ],
        }
    ]


def test_a_channel_prices_the_zone_and_its_methods(shipping_api, zone, method):
    result = shipping_api(ZONE, {"id": global_id(zone), "channel": "default-channel"})

    assert result["data"]["shippingZone"] == {
        "name": "Contiguous US",
        "priceRange": {"start": {"amount": 5.0}, "stop": {"amount": 5.0}},
        "shippingMethods": [
            {
                "name": "Standard",
                "minimumOrderPrice": {"amount": 0.0},
                "maximumOrderPrice": {"amount": 500.0},
            }
        ],
    }


def test_a_channel_lists_only_its_zones_and_the_methods_sold_there(
    shipping_api, zone, method, channel
):
    other = factories.ChannelFactory(slug="eu", name="EU", currency_code="EUR")
    factories.ShippingZoneFactory(name="Europe", countries=["DE"], channels=[other])
    factories.ShippingMethodFactory(shipping_zone=zone, name="Unlisted")

    result = shipping_api(ZONES, {"channel": "default-channel"})

    nodes = [edge["node"] for edge in result["data"]["shippingZones"]["edges"]]
    assert [node["name"] for node in nodes] == ["Contiguous US"]
    assert [m["name"] for m in nodes[0]["shippingMethods"]] == ["Standard"]


def test_zones_filter_by_search_and_channels(shipping_api, zone, channel):
    other = factories.ChannelFactory(slug="eu", name="EU", currency_code="EUR")
    factories.ShippingZoneFactory(name="Europe", countries=["DE"], channels=[other])

    by_name = shipping_api(ZONES, {"filter": {"search": "europ"}})
    by_channel = shipping_api(ZONES, {"filter": {"channels": [global_id(channel)]}})

    assert [e["node"]["name"] for e in by_name["data"]["shippingZones"]["edges"]] == [
        "Europe"
    ]
    assert [
        e["node"]["name"] for e in by_channel["data"]["shippingZones"]["edges"]
    ] == ["Contiguous US"]


def test_unknown_channel_is_refused_with_saleors_error(shipping_api, zone):
    result = shipping_api(ZONES, {"channel": "nowhere"})

    assert result["data"]["shippingZones"] is None
    assert result["errors"][0]["message"] == (
        "Channel with 'nowhere' slug does not exist."
    )


def test_unknown_zone_id_reads_as_null(shipping_api, zone):
    result = shipping_api(ZONE, {"id": global_id_of("ShippingZone", zone.pk + 100)})

    assert result["data"]["shippingZone"] is None
    assert "errors" not in result


def test_zones_are_refused_without_manage_shipping(refused_api, zone, method):
    assert_refused(refused_api(ZONES), "shippingZones")


def test_one_zone_is_refused_without_manage_shipping(refused_api, zone):
    assert_refused(refused_api(ZONE, {"id": global_id(zone)}), "shippingZone")


def _zones_with_methods(count: int, channel, warehouse) -> None:
    for index in range(count):
        zone = factories.ShippingZoneFactory(
            name=f"Zone {index}", countries=["US", "CA"], channels=[channel]
        )
        zone.warehouses.add(warehouse)
        for name in ("Standard", "Express"):
            method = factories.ShippingMethodFactory(shipping_zone=zone, name=name)
            factories.ShippingMethodChannelListingFactory(
                shipping_method=method, channel=channel, price_amount=Decimal("7.00")
            )
            method.postal_code_rules.create(start="96701", end="96898")


@pytest.mark.parametrize("zones", [2, 20])
def test_zone_list_query_count_does_not_grow_with_the_page(
    shipping_api, channel, warehouse, zones, django_assert_max_num_queries
):
    _zones_with_methods(zones, channel, warehouse)
    shipping_api(ZONES, {"channel": "default-channel"})  # session, channels warm

    # Session, user and their permissions (4), the channel (1), zones and
    # their count (2), then one each: methods, listings, postal rules,
    # channels, warehouses, price range (6); for 2 zones as for 20.
    with django_assert_max_num_queries(13):
        result = shipping_api(ZONES, {"channel": "default-channel"})

    assert result["data"]["shippingZones"]["totalCount"] == zones
    nodes = [edge["node"] for edge in result["data"]["shippingZones"]["edges"]]
    assert all(len(node["shippingMethods"]) == 2 for node in nodes)
    assert all(
        m["channelListings"][0]["price"]["amount"] == 7.0
        for node in nodes
        for m in node["shippingMethods"]
    )
