"""Every shipping mutation refuses anyone without MANAGE_SHIPPING."""

import pytest

from backend.shipping.models import (
    ShippingMethod,
    ShippingMethodChannelListing,
    ShippingZone,
)
from tests.api.mutations.conftest import global_id

from .conftest import assert_refused, method_id
from .documents import (
    LISTING_UPDATE,
    PRICE_CREATE,
    PRICE_DELETE,
    PRICE_UPDATE,
    ZONE_CREATE,
    ZONE_DELETE,
    ZONE_UPDATE,
)

pytestmark = pytest.mark.django_db


def shipping_state():
    return (
        list(ShippingZone.objects.values_list("pk", "name", "countries", "default")),
        list(
            ShippingMethod.objects.values_list(
                "pk", "name", "minimum_delivery_days", "maximum_delivery_days"
            )
        ),
        list(
            ShippingMethodChannelListing.objects.values_list(
                "pk", "channel_id", "price_amount"
            )
        ),
    )


def calls(zone, method, channel):
    """Each mutation with input it would accept from MANAGE_SHIPPING staff."""
    return {
        "shippingZoneCreate": (ZONE_CREATE, {"input": {"name": "Canada"}}),
        "shippingZoneUpdate": (
            ZONE_UPDATE,
            {"id": global_id(zone), "input": {"name": "Renamed"}},
        ),
        "shippingZoneDelete": (ZONE_DELETE, {"id": global_id(zone)}),
        "shippingPriceCreate": (
            PRICE_CREATE,
            {"input": {"shippingZone": global_id(zone), "name": "Express"}},
        ),
        "shippingPriceUpdate": (
            PRICE_UPDATE,
            {"id": method_id(method), "input": {"maximumDeliveryDays": 9}},
        ),
        "shippingPriceDelete": (PRICE_DELETE, {"id": method_id(method)}),
        "shippingMethodChannelListingUpdate": (
            LISTING_UPDATE,
            {
                "id": method_id(method),
                "input": {
                    "addChannels": [{"channelId": global_id(channel), "price": "1"}]
                },
            },
        ),
    }


MUTATIONS = [
    "shippingZoneCreate",
    "shippingZoneUpdate",
    "shippingZoneDelete",
    "shippingPriceCreate",
    "shippingPriceUpdate",
    "shippingPriceDelete",
    "shippingMethodChannelListingUpdate",
]


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_mutation_is_refused_and_changes_nothing(
    mutation, refused_api, zone, method, channel
):
    query, variables = calls(zone, method, channel)[mutation]
    before = shipping_state()

    result = refused_api(query, variables)

    assert_refused(result, mutation)
    assert shipping_state() == before


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_mutation_works_for_staff_who_manage_shipping(
    mutation, shipping_api, zone, method, channel
):
    query, variables = calls(zone, method, channel)[mutation]

    result = shipping_api(query, variables)

    assert result["data"][mutation]["errors"] == []
