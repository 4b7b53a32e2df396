"""A channel's settings, hasOrders, and the shop settings the dashboard reads."""

import pytest
from django.contrib.auth.models import Permission

from backend.checkout.complete import checkout_complete
from backend.core.permissions import PermissionEnum
from tests import factories
from tests.fixtures.checkout import paid_with

SETTINGS = """
{ channels {
  slug hasOrders
  stockSettings { allocationStrategy }
  orderSettings {
    markAsPaidStrategy expireOrdersAfter deleteExpiredOrdersAfter
    allowUnpaidOrders automaticallyConfirmAllNewOrders
    automaticallyFulfillNonShippableGiftCard
  }
  paymentSettings {
    defaultTransactionFlowStrategy releaseFundsForExpiredCheckouts
    checkoutTtlBeforeReleasingFunds
  }
  checkoutSettings {
    automaticallyCompleteFullyPaidCheckouts automaticCompletionDelay
    automaticCompletionCutOffDate allowLegacyGiftCardUse
  }
} }
"""


def _staff_holding(*permissions: PermissionEnum):
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="core",
            codename__in=[permission.value for permission in permissions],
        )
    )
    return user


@pytest.fixture
def channel_manager(db):
    return _staff_holding(PermissionEnum.MANAGE_CHANNELS)


def test_a_channel_manager_reads_lumbars_channel_settings(
    api, channel, channel_manager
):
    channel.default_transaction_flow_strategy = "authorization"
    channel.save(update_fields=["default_transaction_flow_strategy"])

    answer = api.login(channel_manager)(SETTINGS)

    assert answer == {
        "data": {
            "channels": [
                {
                    "slug": "default-channel",
                    "hasOrders": False,
                    "stockSettings": {"allocationStrategy": "PRIORITIZE_SORTING_ORDER"},
                    "orderSettings": {
                        "markAsPaidStrategy": "TRANSACTION_FLOW",
                        "expireOrdersAfter": None,
                        "deleteExpiredOrdersAfter": 60,
                        "allowUnpaidOrders": False,
                        "automaticallyConfirmAllNewOrders": True,
                        "automaticallyFulfillNonShippableGiftCard": False,
                    },
                    "paymentSettings": {
                        "defaultTransactionFlowStrategy": "AUTHORIZATION",
                        "releaseFundsForExpiredCheckouts": False,
                        "checkoutTtlBeforeReleasingFunds": None,
                    },
                    "checkoutSettings": {
                        "automaticallyCompleteFullyPaidCheckouts": False,
                        "automaticCompletionDelay": None,
                        "automaticCompletionCutOffDate": None,
                        "allowLegacyGiftCardUse": False,
                    },
                }
            ]
        }
    }


def test_has_orders_turns_true_once_the_channel_sells(
    api, ready_checkout, channel_manager
):
    checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    )

    answer = api.login(channel_manager)("{ channels { hasOrders } }")

    assert answer == {"data": {"channels": [{"hasOrders": True}]}}


def test_a_merchandiser_is_refused_order_and_payment_settings(api, channel):
    merchandiser = _staff_holding(PermissionEnum.MANAGE_PRODUCTS)

    answer = api.login(merchandiser)(
        "{ channels { stockSettings { allocationStrategy }"
        " orderSettings { allowUnpaidOrders } } }"
    )

    # A refused non-null field nulls the nullable list around it.
    assert answer["data"] == {"channels": None}
    assert answer["errors"][0]["path"] == ["channels", 0, "orderSettings"]
    assert answer["errors"][0]["extensions"]["exception"]["code"] == (
        "PermissionDenied"
    )


def test_operations_read_order_settings_but_not_has_orders(api, channel):
    operations = _staff_holding(PermissionEnum.MANAGE_ORDERS)

    allowed = api.login(operations)(
        "{ channels { orderSettings { allowUnpaidOrders } } }"
    )
    refused = api("{ channels { hasOrders } }")

    assert allowed == {
        "data": {"channels": [{"orderSettings": {"allowUnpaidOrders": False}}]}
    }
    assert refused["errors"][0]["path"] == ["channels", 0, "hasOrders"]


def test_shop_settings_the_dashboard_reads(api, channel, settings):
    settings_manager = _staff_holding(PermissionEnum.MANAGE_SETTINGS)

    answer = api.login(settings_manager)(
        """{ shop {
          customerSetPasswordUrl preserveAllAddressFields
          useLegacyShippingZoneStockAvailability useLegacyUpdateWebhookEmission
        } }"""
    )

    assert answer == {
        "data": {
            "shop": {
                "customerSetPasswordUrl": settings.PUBLIC_URL
                + "/account/password/reset/",
                "preserveAllAddressFields": False,
                "useLegacyShippingZoneStockAvailability": False,
                "useLegacyUpdateWebhookEmission": False,
            }
        }
    }


def test_announcements_are_for_staff_only(api, customer_user):
    answer = api.login(customer_user)("{ shop { announcements { title } } }")

    assert answer["data"] is None
    assert answer["errors"][0]["extensions"]["exception"]["code"] == (
        "PermissionDenied"
    )


def test_me_marks_the_default_addresses_of_the_address_book(api, customer_user):
    home = factories.AddressFactory()
    work = factories.AddressFactory()
    customer_user.addresses.add(home, work)
    customer_user.default_shipping_address = home
    customer_user.default_billing_address = work
    customer_user.save()

    answer = api.login(customer_user)(
        "{ me { addresses { isDefaultShippingAddress isDefaultBillingAddress }"
        " defaultShippingAddress { isDefaultShippingAddress } } }"
    )

    assert answer == {
        "data": {
            "me": {
                "addresses": [
                    {
                        "isDefaultShippingAddress": True,
                        "isDefaultBillingAddress": False,
                    },
                    {
                        "isDefaultShippingAddress": False,
                        "isDefaultBillingAddress": True,
                    },
                ],
                # Saleor knows the flags only in the address book.
                "defaultShippingAddress": {"isDefaultShippingAddress": None},
            }
        }
    }
