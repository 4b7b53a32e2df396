"""The shop query: store-wide data the storefront reads."""

from django.test import override_settings

from backend.core.permissions import PermissionEnum
from tests import factories
from tests.api.mutations.conftest import grant


@override_settings(PUBLIC_URL="https://shop.example.com", SHOP_NAME="Lumbar")
def test_shop_reports_name_domain_country_and_versions(api, channel):
    result = api(
        "query { shop { name domain { host sslEnabled url } "
        "defaultCountry { code country } schemaVersion "
        "companyAddress { city } } }"
    )

    assert result == {
        "data": {
            "shop": {
                "name": "Lumbar",
                "domain": {
                    "host": "shop.example.com",
                    "sslEnabled": True,
                    "url": "https://shop.example.com/graphql/",
                },
                "defaultCountry": {"code": "US", "country": "United States of America"},
                "schemaVersion": "3.23",
                "companyAddress": None,
            }
        }
    }


def test_shop_countries_are_translated_into_the_language_asked(api, db):
    result = api("query { shop { countries(languageCode: DE) { code country } } }")

    countries = {c["code"]: c["country"] for c in result["data"]["shop"]["countries"]}
    assert countries["DE"] == "Deutschland"
    assert len(countries) == 249


def test_shop_languages_list_saleor_s_language_codes(api, db):
    result = api("query { shop { languages { code language } } }")

    languages = result["data"]["shop"]["languages"]
    assert {"code": "PL", "language": "Polish"} in languages
    assert {"code": "EN_US", "language": "English (United States)"} in languages


def test_shop_channel_currencies_are_listed_for_staff(api, channel, staff_user):
    factories.ChannelFactory(slug="eu", currency_code="EUR")
    api.login(staff_user)

    result = api("query { shop { channelCurrencies } }")

    assert result == {"data": {"shop": {"channelCurrencies": ["EUR", "USD"]}}}


def test_shop_channel_currencies_are_refused_to_a_shopper(api, channel):
    result = api("query { shop { name channelCurrencies } }")

    assert result["data"] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_shop_version_is_read_by_staff(api, staff_user):
    api.login(staff_user)

    result = api("query { shop { version } }")

    assert result == {"data": {"shop": {"version": "0.1.0"}}}


def test_shop_version_is_refused_to_a_shopper(api, db):
    result = api("query { shop { name version } }")

    assert result["data"] is None
    assert result["errors"][0]["extensions"]["exception"] == {
        "code": "PermissionDenied",
        "permissions": ["AUTHENTICATED_APP", "AUTHENTICATED_STAFF_USER"],
    }


def test_shop_private_metadata_needs_manage_settings(api, staff_user):
    api.login(staff_user)

    result = api("query { shop { privateMetadata { key } } }")

    assert result["errors"][0]["message"] == (
        "To access this path, you need one of the following permissions: "
        "MANAGE_SETTINGS"
    )


SETTINGS_QUERY = """
query { shop {
  defaultMailSenderName defaultMailSenderAddress limitQuantityPerCheckout
} }
"""


@override_settings(DEFAULT_FROM_EMAIL="Lumbar Shop <shop@lumbar.example>")
def test_shop_mail_sender_and_checkout_limit_for_settings_managers(api, staff_user):
    api.login(grant(staff_user, PermissionEnum.MANAGE_SETTINGS))

    result = api(SETTINGS_QUERY)

    assert result == {
        "data": {
            "shop": {
                "defaultMailSenderName": "Lumbar Shop",
                "defaultMailSenderAddress": "shop@lumbar.example",
                "limitQuantityPerCheckout": 50,
            }
        }
    }


def test_shop_mail_sender_is_refused_to_staff_without_manage_settings(api, staff_user):
    api.login(staff_user)

    result = api(SETTINGS_QUERY)

    assert result["errors"][0]["message"] == (
        "To access this path, you need one of the following permissions: "
        "MANAGE_SETTINGS"
    )


def test_shop_public_defaults(api, db):
    result = api(
        "query { shop { trackInventoryByDefault defaultWeightUnit "
        "allowStorefrontTraffic } }"
    )

    assert result == {
        "data": {
            "shop": {
                "trackInventoryByDefault": True,
                "defaultWeightUnit": "KG",
                "allowStorefrontTraffic": True,
            }
        }
    }
