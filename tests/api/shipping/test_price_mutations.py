"""shippingPriceCreate/Update/Delete and shippingMethodChannelListingUpdate."""

import json

import pytest

from backend.shipping.models import ShippingMethod, ShippingMethodChannelListing
from tests import factories
from tests.api.mutations.conftest import global_id

from .conftest import global_id_of, method_id
from .documents import LISTING_UPDATE, PRICE_CREATE, PRICE_DELETE, PRICE_UPDATE

pytestmark = pytest.mark.django_db


def method_state():
    return [
        (
            m.name,
            m.minimum_delivery_days,
            m.maximum_delivery_days,
            m.carrier,
            sorted(
                (r.start, r.end, r.inclusion_type) for r in m.postal_code_rules.all()
            ),
            sorted(
                (
                    listing.channel_id,
                    listing.price_amount,
                    listing.minimum_order_price_amount,
                    listing.maximum_order_price_amount,
                )
                for listing in m.channel_listings.all()
            ),
        )
        for m in ShippingMethod.objects.order_by("pk")
    ]


def codes(result, name):
    return [(e["field"], e["code"]) for e in result["data"][name]["errors"]]


def test_staff_create_a_method_with_days_carrier_and_postal_rules(shipping_api, zone):
    result = shipping_api(
        PRICE_CREATE,
        {
            "input": {
                "shippingZone": global_id(zone),
                "name": "Express",
                "carrier": "FedEx",
                "type": "PRICE",
                "description": json.dumps(
                    {"blocks": [{"type": "paragraph", "data": {"text": "Next day"}}]}
                ),
                "minimumDeliveryDays": 1,
                "maximumDeliveryDays": 1,
                "addPostalCodeRules": [{"start": "96701", "end": "96898"}],
                "inclusionType": "EXCLUDE",
            }
        },
    )

    payload = result["data"]["shippingPriceCreate"]
    assert payload["errors"] == []
    assert payload["shippingZone"] == {"id": global_id(zone)}
    method = payload["shippingMethod"]
    assert (method["name"], method["carrier"], method["type"]) == (
        "Express",
        "FedEx",
        "PRICE",
    )
    description = json.loads(method["description"])
    assert description["blocks"][0]["data"]["text"] == "Next day"
    assert (method["minimumDeliveryDays"], method["maximumDeliveryDays"]) == (1, 1)
    assert method["postalCodeRules"] == [
        {"start": "96701", "end": "96898", "inclusionType": "EXCLUDE"}
    ]


def test_minimum_days_above_maximum_are_refused(shipping_api, zone):
    result = shipping_api(
        PRICE_CREATE,
        {
            "input": {
                "shippingZone": global_id(zone),
                "name": "Odd",
                "minimumDeliveryDays": 5,
                "maximumDeliveryDays": 3,
            }
        },
    )

    (error,) = result["data"]["shippingPriceCreate"]["errors"]
    assert (error["field"], error["code"]) == ("minimumDeliveryDays", "INVALID")
    assert error["message"] == "Minimum delivery days (5) is above the maximum (3)."
    assert method_state() == []


def test_lowering_maximum_below_the_stored_minimum_is_refused(shipping_api, method):
    ShippingMethod.objects.filter(pk=method.pk).update(minimum_delivery_days=2)
    before = method_state()

    result = shipping_api(
        PRICE_UPDATE, {"id": method_id(method), "input": {"maximumDeliveryDays": 1}}
    )

    assert codes(result, "shippingPriceUpdate") == [("maximumDeliveryDays", "INVALID")]
    assert method_state() == before


def test_negative_days_are_refused(shipping_api, method):
    before = method_state()

    result = shipping_api(
        PRICE_UPDATE, {"id": method_id(method), "input": {"minimumDeliveryDays": -1}}
    )

    (error,) = result["data"]["shippingPriceUpdate"]["errors"]
    assert (error["field"], error["code"], error["message"]) == (
        "minimumDeliveryDays",
        "INVALID",
        "Days cannot be negative.",
    )
    assert method_state() == before


def test_one_inclusion_type_applies_to_every_rule_the_method_keeps(
    shipping_api, method
):
    method.postal_code_rules.create(
        start="10001", end="10099", inclusion_type="include"
    )

    result = shipping_api(
        PRICE_UPDATE,
        {
            "id": method_id(method),
            "input": {
                "addPostalCodeRules": [{"start": "10050", "end": "10200"}],
                "inclusionType": "EXCLUDE",
            },
        },
    )

    # As in Saleor: the overlapping ranges no longer contradict, both exclude.
    rules = result["data"]["shippingPriceUpdate"]["shippingMethod"]["postalCodeRules"]
    assert [(r["start"], r["end"], r["inclusionType"]) for r in rules] == [
        ("10001", "10099", "EXCLUDE"),
        ("10050", "10200", "EXCLUDE"),
    ]


def test_a_reversed_postal_code_range_is_refused(shipping_api, method):
    before = method_state()

    result = shipping_api(
        PRICE_UPDATE,
        {
            "id": method_id(method),
            "input": {
                "addPostalCodeRules": [{"start": "30099", "end": "30001"}],
                "inclusionType": "EXCLUDE",
            },
        },
    )

    (error,) = result["data"]["shippingPriceUpdate"]["errors"]
    assert (error["field"], error["code"], error["message"]) == (
        "addPostalCodeRules",
        "INVALID",
        "Postal code range 30099-30001 ends before it starts.",
    )
    assert method_state() == before


def test_a_postal_code_rule_the_method_has_is_refused(shipping_api, method):
    method.postal_code_rules.create(start="99501", inclusion_type="exclude")
    before = method_state()

    result = shipping_api(
        PRICE_UPDATE,
        {
            "id": method_id(method),
            "input": {
                "addPostalCodeRules": [{"start": "99501"}],
                "inclusionType": "EXCLUDE",
            },
        },
    )

    assert codes(result, "shippingPriceUpdate") == [
        ("addPostalCodeRules", "ALREADY_EXISTS")
    ]
    assert method_state() == before


def test_added_postal_rules_need_an_inclusion_type(shipping_api, method):
    before = method_state()

    result = shipping_api(
        PRICE_UPDATE,
        {"id": method_id(method), "input": {"addPostalCodeRules": [{"start": "1"}]}},
    )

    assert codes(result, "shippingPriceUpdate") == [("inclusionType", "REQUIRED")]
    assert method_state() == before


def test_weight_based_limits_are_refused(shipping_api, method):
    before = method_state()

    result = shipping_api(
        PRICE_UPDATE, {"id": method_id(method), "input": {"minimumOrderWeight": 2}}
    )

    assert codes(result, "shippingPriceUpdate") == [("minimumOrderWeight", "INVALID")]
    assert method_state() == before


def test_a_method_needs_a_known_zone(shipping_api, zone):
    result = shipping_api(
        PRICE_CREATE,
        {
            "input": {
                "shippingZone": global_id_of("ShippingZone", zone.pk + 100),
                "name": "Lost",
            }
        },
    )

    assert codes(result, "shippingPriceCreate") == [("shippingZone", "NOT_FOUND")]
    assert method_state() == []


def test_update_deletes_a_postal_rule_and_renames(shipping_api, method):
    rule = method.postal_code_rules.create(start="99501", inclusion_type="exclude")

    result = shipping_api(
        PRICE_UPDATE,
        {
            "id": method_id(method),
            "input": {
                "name": "Standard Ground",
                "deletePostalCodeRules": [
                    global_id_of("ShippingMethodPostalCodeRule", rule.pk)
                ],
            },
        },
    )

    payload = result["data"]["shippingPriceUpdate"]
    assert payload["errors"] == []
    assert payload["shippingMethod"]["name"] == "Standard Ground"
    assert payload["shippingMethod"]["postalCodeRules"] == []


def test_delete_removes_the_method_and_answers_with_its_zone(
    shipping_api, zone, method
):
    result = shipping_api(PRICE_DELETE, {"id": method_id(method)})

    payload = result["data"]["shippingPriceDelete"]
    assert payload["errors"] == []
    assert payload["shippingMethod"] == {"id": method_id(method), "name": "Standard"}
    assert payload["shippingZone"] == {"id": global_id(zone)}
    assert method_state() == []


def test_listing_update_sells_in_a_channel_with_order_value_bounds(
    shipping_api, zone, channel
):
    method = factories.ShippingMethodFactory(shipping_zone=zone, name="Freight")

    result = shipping_api(
        LISTING_UPDATE,
        {
            "id": method_id(method),
            "input": {
                "addChannels": [
                    {
                        "channelId": global_id(channel),
                        "price": "12.50",
                        "minimumOrderPrice": "50",
                        "maximumOrderPrice": "1000",
                    }
                ]
            },
        },
    )

    payload = result["data"]["shippingMethodChannelListingUpdate"]
    assert payload["errors"] == []
    assert payload["shippingMethod"]["channelListings"] == [
        {
            "channel": {"slug": "default-channel"},
            "price": {"amount": 12.5},
            "minimumOrderPrice": {"amount": 50.0},
            "maximumOrderPrice": {"amount": 1000.0},
        }
    ]


def test_listing_update_changes_a_price_and_removes_a_channel(
    shipping_api, method, channel
):
    changed = shipping_api(
        LISTING_UPDATE,
        {
            "id": method_id(method),
            "input": {"addChannels": [{"channelId": global_id(channel), "price": 6}]},
        },
    )
    removed = shipping_api(
        LISTING_UPDATE,
        {"id": method_id(method), "input": {"removeChannels": [global_id(channel)]}},
    )

    listings = changed["data"]["shippingMethodChannelListingUpdate"]["shippingMethod"][
        "channelListings"
    ]
    assert [(x["price"], x["maximumOrderPrice"]) for x in listings] == [
        ({"amount": 6.0}, {"amount": 500.0})
    ]
    assert removed["data"]["shippingMethodChannelListingUpdate"]["errors"] == []
    assert not ShippingMethodChannelListing.objects.exists()


def test_a_new_listing_needs_a_price(shipping_api, zone, channel):
    method = factories.ShippingMethodFactory(shipping_zone=zone)

    result = shipping_api(
        LISTING_UPDATE,
        {
            "id": method_id(method),
            "input": {"addChannels": [{"channelId": global_id(channel)}]},
        },
    )

    (error,) = result["data"]["shippingMethodChannelListingUpdate"]["errors"]
    assert (error["field"], error["code"], error["channels"]) == (
        "price",
        "REQUIRED",
        [global_id(channel)],
    )
    assert not ShippingMethodChannelListing.objects.exists()


def test_maximum_order_price_below_the_minimum_is_refused(
    shipping_api, method, channel
):
    before = method_state()

    result = shipping_api(
        LISTING_UPDATE,
        {
            "id": method_id(method),
            "input": {
                "addChannels": [
                    {
                        "channelId": global_id(channel),
                        "minimumOrderPrice": "100",
                        "maximumOrderPrice": "20",
                    }
                ]
            },
        },
    )

    errors = result["data"]["shippingMethodChannelListingUpdate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [
        ("maximumOrderPrice", "MAX_LESS_THAN_MIN")
    ]
    assert method_state() == before


def test_a_negative_or_over_precise_price_is_refused(shipping_api, method, channel):
    before = method_state()

    results = [
        shipping_api(
            LISTING_UPDATE,
            {
                "id": method_id(method),
                "input": {
                    "addChannels": [{"channelId": global_id(channel), "price": price}]
                },
            },
        )
        for price in ("-1", "5.001")
    ]

    assert [
        codes(result, "shippingMethodChannelListingUpdate") for result in results
    ] == [[("price", "INVALID")], [("price", "INVALID")]]
    assert method_state() == before


def test_a_channel_outside_the_zone_is_refused(shipping_api, method):
    elsewhere = factories.ChannelFactory(slug="eu", name="EU", currency_code="EUR")
    before = method_state()

    result = shipping_api(
        LISTING_UPDATE,
        {
            "id": method_id(method),
            "input": {
                "addChannels": [{"channelId": global_id(elsewhere), "price": "4"}]
            },
        },
    )

    (error,) = result["data"]["shippingMethodChannelListingUpdate"]["errors"]
    assert (error["field"], error["code"], error["channels"]) == (
        "addChannels",
        "INVALID",
        [global_id(elsewhere)],
    )
    assert method_state() == before


def test_an_unknown_channel_is_refused(shipping_api, method, channel):
    before = method_state()
    missing = global_id_of("Channel", channel.pk + 100)

    result = shipping_api(
        LISTING_UPDATE,
        {"id": method_id(method), "input": {"removeChannels": [missing]}},
    )

    (error,) = result["data"]["shippingMethodChannelListingUpdate"]["errors"]
    assert (error["code"], error["channels"]) == ("NOT_FOUND", [missing])
    assert method_state() == before
