"""channel and channels queries: public slug, staff-only details."""

import pytest

from tests import factories
from tests.api.mutations.conftest import global_id

CHANNELS_QUERY = """
query ChannelsList {
  channels { id name slug isActive currencyCode defaultCountry { code country } }
}
"""
CHANNEL_QUERY = """
query Channel($slug: String, $id: ID) {
  channel(slug: $slug, id: $id) { id slug }
}
"""

STAFF_ONLY_MESSAGE = (
    "To access this path, you need one of the following permissions: "
    "AUTHENTICATED_APP, AUTHENTICATED_STAFF_USER"
)


def test_channels_are_listed_for_staff(api, channel, staff_user):
    factories.ChannelFactory(
        slug="eu",
        name="Europe",
        currency_code="EUR",
        default_country="DE",
        is_active=False,
    )
    api.login(staff_user)

    result = api(CHANNELS_QUERY)

    assert result == {
        "data": {
            "channels": [
                {
                    "id": global_id(channel),
                    "name": "Default channel",
                    "slug": "default-channel",
                    "isActive": True,
                    "currencyCode": "USD",
                    "defaultCountry": {
                        "code": "US",
                        "country": "United States of America",
                    },
                },
                {
                    "id": global_id(factories.ChannelFactory(slug="eu")),
                    "name": "Europe",
                    "slug": "eu",
                    "isActive": False,
                    "currencyCode": "EUR",
                    "defaultCountry": {"code": "DE", "country": "Germany"},
                },
            ]
        }
    }


def test_channels_are_refused_to_an_anonymous_shopper(api, channel):
    result = api(CHANNELS_QUERY)

    assert result["data"] == {"channels": None}
    assert result["errors"][0]["message"] == STAFF_ONLY_MESSAGE
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_channels_are_refused_to_a_customer(api, channel, customer_user):
    api.login(customer_user)

    result = api(CHANNELS_QUERY)

    assert result["errors"][0]["message"] == STAFF_ONLY_MESSAGE


def test_channel_by_slug_is_public_for_its_id_and_slug(api, channel):
    result = api(CHANNEL_QUERY, {"slug": "default-channel"})

    assert result == {
        "data": {"channel": {"id": global_id(channel), "slug": "default-channel"}}
    }


def test_channel_by_id_finds_it(api, channel):
    result = api(CHANNEL_QUERY, {"id": global_id(channel)})

    assert result["data"]["channel"]["slug"] == "default-channel"


def test_channel_name_is_refused_to_a_shopper(api, channel):
    result = api('query { channel(slug: "default-channel") { slug currencyCode } }')

    assert result["data"] == {"channel": None}
    assert result["errors"][0]["message"] == STAFF_ONLY_MESSAGE


def test_unknown_channel_slug_is_null(api, channel):
    assert api(CHANNEL_QUERY, {"slug": "nowhere"}) == {"data": {"channel": None}}


def test_channel_with_a_malformed_id_is_a_clear_error(api, channel):
    result = api(CHANNEL_QUERY, {"id": "not-an-id"})

    assert result["data"] == {"channel": None}
    assert result["errors"][0]["message"] == "Invalid ID: not-an-id. Expected: Channel."


def test_channel_with_id_and_slug_is_refused(api, channel):
    result = api(CHANNEL_QUERY, {"id": global_id(channel), "slug": "default-channel"})

    assert (
        result["errors"][0]["message"] == "Argument 'id' cannot be combined with 'slug'"
    )


def test_channel_warehouses_are_listed_for_staff(api, channel, staff_user):
    factories.WarehouseFactory(name="Reno", slug="reno", channels=[channel])
    api.login(staff_user)

    result = api('query { channel(slug: "default-channel") { warehouses { slug } } }')

    assert result == {"data": {"channel": {"warehouses": [{"slug": "reno"}]}}}


@pytest.mark.parametrize("count", [2, 12])
def test_channels_with_warehouses_run_fixed_queries_for_any_count(
    api, db, staff_user, count, django_assert_num_queries
):
    for index in range(count):
        channel = factories.ChannelFactory(slug=f"channel-{index}")
        factories.WarehouseFactory(channels=[channel])
    api.login(staff_user)

    # User (from the token), the channels, their warehouses with addresses.
    with django_assert_num_queries(3):
        result = api("query { channels { slug warehouses { slug address { city } } } }")

    assert len(result["data"]["channels"]) == count
