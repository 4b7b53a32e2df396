"""Customers and their checkouts; gateways that are or are not available."""

from django.test import override_settings

from backend.checkout.models import Checkout
from backend.payment.models import TransactionItem
from tests import factories
from tests.api.client import payload_of

from .conftest import checkout_id, variant_id
from .test_purchase import COMPLETE, PAY, dummy

CREATE = """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { checkout { id email user { email } } errors { code } }
}
"""
DETACH = """
mutation($id: ID!) {
  checkoutCustomerDetach(id: $id) { checkout { user { id } } errors { code } }
}
"""
INITIALIZE = """
mutation($id: ID!, $gateways: [PaymentGatewayToInitialize!]) {
  paymentGatewayInitialize(id: $id, paymentGateways: $gateways) {
    gatewayConfigs { id data errors { field code } }
    errors { code }
  }
}
"""


def test_a_signed_in_customer_creates_their_own_checkout(
    customer_api, customer_user, channel, variant
):
    result = payload_of(
        customer_api(
            CREATE,
            {
                "input": {
                    "channel": channel.slug,
                    "lines": [{"variantId": variant_id(variant), "quantity": 1}],
                }
            },
        ),
        "checkoutCreate",
    )

    assert result["checkout"]["email"] == customer_user.email
    assert result["checkout"]["user"] == {"email": customer_user.email}
    assert Checkout.objects.get().user_id == customer_user.pk


def test_the_owner_detaches_themselves(customer_api, customer_user, channel):
    checkout = factories.CheckoutFactory(channel=channel, user=customer_user)

    result = payload_of(
        customer_api(DETACH, {"id": checkout_id(checkout)}), "checkoutCustomerDetach"
    )

    assert result["checkout"]["user"] is None
    checkout.refresh_from_db()
    assert checkout.user_id is None


def test_another_customer_cannot_detach_the_owner(
    api, other_customer, customer_user, channel
):
    checkout = factories.CheckoutFactory(channel=channel, user=customer_user)

    result = api.login(other_customer)(DETACH, {"id": checkout_id(checkout)})

    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    checkout.refresh_from_db()
    assert checkout.user_id == customer_user.pk


def test_a_customers_completed_checkout_does_not_reveal_the_order_to_others(
    client, api, customer_api, customer_user, other_customer, ready_checkout
):
    ready_checkout.user = customer_user
    ready_checkout.save(update_fields=["user"])
    payload_of(
        customer_api(
            PAY, {"id": checkout_id(ready_checkout), "gateway": dummy("CHARGE_SUCCESS")}
        ),
        "transactionInitialize",
    )
    payload_of(
        customer_api(COMPLETE, {"id": checkout_id(ready_checkout)}), "checkoutComplete"
    )
    client.logout()

    result = api.login(other_customer)(COMPLETE, {"id": checkout_id(ready_checkout)})[
        "data"
    ]["checkoutComplete"]

    assert result["order"] is None
    assert result["errors"][0]["code"] == "NOT_FOUND"


def test_payment_gateway_initialize_answers_the_dummy_app_and_refuses_unknown(
    api, ready_checkout
):
    result = payload_of(
        api(
            INITIALIZE,
            {
                "id": checkout_id(ready_checkout),
                "gateways": [{"id": "saleor.io.dummy-payment-app"}, {"id": "acme.pay"}],
            },
        ),
        "paymentGatewayInitialize",
    )

    assert result["gatewayConfigs"] == [
        {"id": "saleor.io.dummy-payment-app", "data": {}, "errors": []},
        {
            "id": "acme.pay",
            "data": None,
            "errors": [{"field": "id", "code": "NOT_FOUND"}],
        },
    ]


@override_settings(PAYMENT_TEST_GATEWAY_ENABLED=False)
def test_with_the_test_gateway_off_the_dummy_app_pays_nothing(api, ready_checkout):
    result = api(
        PAY, {"id": checkout_id(ready_checkout), "gateway": dummy("CHARGE_SUCCESS")}
    )["data"]["transactionInitialize"]

    assert result["transaction"] is None
    assert result["errors"][0]["code"] == "NOT_FOUND"
    assert not TransactionItem.objects.exists()


def test_whoever_holds_a_customers_checkout_id_pays_for_it(
    api, customer_user, ready_checkout
):
    # Saleor: the id is the secret, for paying as for every other step.
    ready_checkout.user = customer_user
    ready_checkout.save(update_fields=["user"])

    result = api(
        PAY, {"id": checkout_id(ready_checkout), "gateway": dummy("CHARGE_SUCCESS")}
    )

    assert result["data"]["transactionInitialize"]["errors"] == []
    assert TransactionItem.objects.get().checkout_id == ready_checkout.pk
