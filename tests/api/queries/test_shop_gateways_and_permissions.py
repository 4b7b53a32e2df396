"""Shop fields a storefront or dashboard reads: gateways, sign-in, limits."""

from django.test import override_settings

from backend.core.permissions import PermissionEnum
from tests import factories
from tests.api.mutations.conftest import grant

GATEWAYS = """
query($channel: String) {
  shop { availablePaymentGateways(channel: $channel) { id name currencies } }
}
"""


def _gateways(api, channel=None):
    result = api(GATEWAYS, {"channel": channel})
    assert "errors" not in result, result
    return result["data"]["shop"]["availablePaymentGateways"]


def test_the_dummy_payment_app_is_offered_while_the_test_gateway_is_on(api, channel):
    gateways = _gateways(api, channel.slug)

    assert [(g["id"], g["currencies"]) for g in gateways] == [
        ("lumbar.payments.test", ["USD"]),
        ("saleor.io.dummy-payment-app", ["USD"]),
    ]


@override_settings(PAYMENT_TEST_GATEWAY_ENABLED=False)
def test_with_the_test_gateway_off_no_gateway_is_offered(api, channel):
    assert _gateways(api, channel.slug) == []


def test_without_a_channel_the_gateways_list_every_channel_currency(api, channel):
    factories.ChannelFactory(slug="eu", currency_code="EUR")

    gateways = _gateways(api)

    assert {g["id"]: g["currencies"] for g in gateways} == {
        "lumbar.payments.test": ["EUR", "USD"],
        "saleor.io.dummy-payment-app": ["EUR", "USD"],
    }


def test_an_unknown_channel_offers_no_gateway(api, channel):
    assert _gateways(api, "nowhere") == []


def test_no_external_authentication_is_offered(api, db):
    result = api("{ shop { availableExternalAuthentications { id name } } }")

    assert result["data"]["shop"]["availableExternalAuthentications"] == []


def test_password_login_is_enabled_for_everyone(api, db):
    result = api("{ shop { passwordLoginMode } }")

    assert result["data"]["shop"]["passwordLoginMode"] == "ENABLED"


def test_permissions_list_saleor_s_permission_codes_with_names(api, db):
    result = api("{ shop { permissions { code name } } }")

    permissions = {p["code"]: p["name"] for p in result["data"]["shop"]["permissions"]}
    assert permissions["MANAGE_ORDERS"] == "Manage orders."
    assert "MANAGE_OBSERVABILITY" not in permissions
    assert len(permissions) == len(PermissionEnum) - 1


CONFIRMATION = (
    "{ shop { enableAccountConfirmationByEmail allowLoginWithoutConfirmation } }"
)
LIMITS = """{ shop { limits {
  currentUsage { channels orders productVariants staffUsers warehouses }
  allowedUsage { channels orders productVariants staffUsers warehouses }
} } }"""


def test_settings_managers_see_that_accounts_are_confirmed_by_email(api, staff_user):
    api.login(grant(staff_user, PermissionEnum.MANAGE_SETTINGS))

    result = api(CONFIRMATION)

    assert result["data"]["shop"] == {
        "enableAccountConfirmationByEmail": True,
        "allowLoginWithoutConfirmation": False,
    }


def test_account_confirmation_settings_are_refused_to_customers(api, customer_user):
    api.login(customer_user)

    result = api(CONFIRMATION)

    assert result["data"]["shop"] == {
        "enableAccountConfirmationByEmail": None,
        "allowLoginWithoutConfirmation": None,
    }
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_staff_read_the_current_usage_and_no_limits(api, staff_user, channel, variant):
    api.login(staff_user)

    result = api(LIMITS)

    limits = result["data"]["shop"]["limits"]
    assert limits["currentUsage"]["channels"] == 1
    assert limits["currentUsage"]["productVariants"] == 1
    assert limits["currentUsage"]["staffUsers"] == 1
    assert limits["currentUsage"]["orders"] == 0
    assert limits["allowedUsage"] == dict.fromkeys(limits["allowedUsage"])


def test_limits_are_refused_to_anonymous(api, db):
    result = api(LIMITS)

    assert result["data"] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


SHIPPING = """
query($channel: String!, $address: AddressInput) {
  shop {
    availableShippingMethods(channel: $channel, address: $address) {
      name price { amount currency }
    }
  }
}
"""


def test_shop_shipping_methods_of_a_channel_list_their_prices(
    api, channel, shipping_method
):
    result = api(SHIPPING, {"channel": channel.slug})

    assert result["data"]["shop"]["availableShippingMethods"] == [
        {"name": "Ground", "price": {"amount": 5.0, "currency": "USD"}}
    ]


def test_shop_shipping_methods_to_an_address_leave_out_other_countries(
    api, channel, shipping_method
):
    result = api(SHIPPING, {"channel": channel.slug, "address": {"country": "DE"}})

    assert result["data"]["shop"]["availableShippingMethods"] == []


def test_shop_shipping_methods_of_an_unknown_channel_are_null(api, shipping_method):
    result = api(SHIPPING, {"channel": "nowhere"})

    assert result["data"]["shop"]["availableShippingMethods"] is None
