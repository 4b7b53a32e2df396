"""Saleor's transaction API under the gateway id saleor.app.payment.stripe."""

from graphql_relay import to_global_id

from backend.checkout.selectors import checkout_totals
from backend.core.permissions import PermissionEnum
from backend.order.models import OrderAuthorizeStatus, OrderChargeStatus
from backend.payment.gateways.stripe import STRIPE_GATEWAY_ID
from backend.payment.models import TransactionItem
from tests.api.checkout.conftest import checkout_id, grant
from tests.api.checkout.test_purchase import COMPLETE
from tests.api.client import GraphQLClient, payload_of
from tests.fixtures.stripe import PUBLISHABLE_KEY

from .conftest import browser_pays
from .helpers import CARD_DECLINED, CARD_OK, card, intent

GATEWAYS = """mutation($id: ID!, $gateways: [PaymentGatewayToInitialize!]) {
  paymentGatewayInitialize(id: $id, paymentGateways: $gateways) {
    gatewayConfigs { id data errors { field code } }
    errors { field code message } } }"""
INITIALIZE = """mutation($id: ID!, $gateway: PaymentGatewayToInitialize!,
                 $action: TransactionFlowStrategyEnum) {
  transactionInitialize(id: $id, paymentGateway: $gateway, action: $action) {
    transaction { id pspReference authorizedAmount { amount }
                  chargedAmount { amount } }
    transactionEvent { type message } data
    errors { field code message } } }"""
PROCESS = """mutation($id: ID!) {
  transactionProcess(id: $id) {
    transaction { id chargedAmount { amount } }
    transactionEvent { type message } data
    errors { field code message } } }"""
# What Saleor's storefront sends for a card (execute-stripe-checkout-payment.ts).
STOREFRONT_DATA = {"paymentIntent": {"paymentMethod": "card"}}


def _initialize(api, checkout, action=None):
    variables = {
        "id": checkout_id(checkout),
        "gateway": {"id": STRIPE_GATEWAY_ID, "data": STOREFRONT_DATA},
    }
    if action:
        variables["action"] = action
    return payload_of(api(INITIALIZE, variables), "transactionInitialize")


def test_payment_gateway_initialize_hands_out_the_publishable_key(
    client, stripe_checkout
):
    result = payload_of(
        GraphQLClient(client)(
            GATEWAYS,
            {
                "id": checkout_id(stripe_checkout),
                "gateways": [{"id": STRIPE_GATEWAY_ID}],
            },
        ),
        "paymentGatewayInitialize",
    )

    assert result["gatewayConfigs"] == [
        {
            "id": STRIPE_GATEWAY_ID,
            "data": {"stripePublishableKey": PUBLISHABLE_KEY},
            "errors": [],
        }
    ]


def test_transaction_initialize_answers_the_client_secret_the_storefront_reads(
    client, stripe_checkout
):
    result = _initialize(GraphQLClient(client), stripe_checkout)

    reference = result["transaction"]["pspReference"]
    secret = result["data"]["paymentIntent"]["stripeClientSecret"]
    assert result["transactionEvent"]["type"] == "CHARGE_ACTION_REQUIRED"
    assert secret == intent(reference).client_secret
    total = checkout_totals(checkout=stripe_checkout).total.amount
    assert intent(reference).amount == int(total * 100)


def test_transaction_process_records_the_charge_stripe_confirmed_and_completes(
    client, stripe_checkout
):
    api = GraphQLClient(client)
    total = float(checkout_totals(checkout=stripe_checkout).total.amount)
    started = _initialize(api, stripe_checkout)
    browser_pays(started["transaction"]["pspReference"], card(CARD_OK))

    processed = payload_of(
        api(PROCESS, {"id": started["transaction"]["id"]}), "transactionProcess"
    )
    order = payload_of(
        api(COMPLETE, {"id": checkout_id(stripe_checkout)}), "checkoutComplete"
    )["order"]

    assert processed["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert processed["transaction"]["chargedAmount"]["amount"] == total
    assert order["total"]["gross"]["amount"] == total


def test_transaction_process_of_a_declined_card_reports_the_failure(
    client, stripe_checkout
):
    api = GraphQLClient(client)
    started = _initialize(api, stripe_checkout)
    try:
        browser_pays(started["transaction"]["pspReference"], card(CARD_DECLINED))
    except Exception:  # noqa: BLE001 - Stripe.js shows the decline
        pass

    processed = payload_of(
        api(PROCESS, {"id": started["transaction"]["id"]}), "transactionProcess"
    )

    assert processed["transactionEvent"] == {
        "type": "CHARGE_FAILURE",
        "message": "Your card was declined.",
    }
    assert processed["transaction"]["chargedAmount"]["amount"] == 0


def test_transaction_process_before_the_shopper_paid_changes_nothing(
    client, stripe_checkout
):
    api = GraphQLClient(client)
    started = _initialize(api, stripe_checkout)

    processed = payload_of(
        api(PROCESS, {"id": started["transaction"]["id"]}), "transactionProcess"
    )

    assert processed["transactionEvent"]["type"] == "CHARGE_ACTION_REQUIRED"
    assert processed["data"]["paymentIntent"]["stripeClientSecret"]


def test_a_channel_that_authorizes_holds_the_money_for_staff_to_capture(
    client, stripe_checkout
):
    stripe_checkout.channel.default_transaction_flow_strategy = "authorization"
    stripe_checkout.channel.save()
    total = checkout_totals(checkout=stripe_checkout).total.amount
    api = GraphQLClient(client)
    started = _initialize(api, stripe_checkout)
    browser_pays(started["transaction"]["pspReference"], card(CARD_OK))

    processed = payload_of(
        api(PROCESS, {"id": started["transaction"]["id"]}), "transactionProcess"
    )
    order = payload_of(
        api(COMPLETE, {"id": checkout_id(stripe_checkout)}), "checkoutComplete"
    )["order"]

    item = TransactionItem.objects.get()
    assert intent(item.psp_reference).capture_method == "manual"
    assert intent(item.psp_reference).status == "requires_capture"
    assert processed["transactionEvent"]["type"] == "AUTHORIZATION_SUCCESS"
    assert item.amount_authorized_value == total
    assert item.order.authorize_status == OrderAuthorizeStatus.FULL
    assert item.order.charge_status == OrderChargeStatus.NONE
    assert order["number"]


def test_staff_capture_of_an_authorization_reaches_stripe(
    client, staff_user, stripe_checkout
):
    stripe_checkout.channel.default_transaction_flow_strategy = "authorization"
    stripe_checkout.channel.save()
    total = checkout_totals(checkout=stripe_checkout).total.amount
    api = GraphQLClient(client)
    started = _initialize(api, stripe_checkout)
    browser_pays(started["transaction"]["pspReference"], card(CARD_OK))
    payload_of(api(PROCESS, {"id": started["transaction"]["id"]}), "transactionProcess")
    payload_of(api(COMPLETE, {"id": checkout_id(stripe_checkout)}), "checkoutComplete")
    staff_user = grant(staff_user, PermissionEnum.HANDLE_PAYMENTS)
    item = TransactionItem.objects.get()

    result = GraphQLClient(client).login(staff_user)(
        """mutation($id: ID!, $amount: PositiveDecimal) {
          transactionRequestAction(id: $id, actionType: CHARGE, amount: $amount) {
            transaction { chargedAmount { amount } authorizedAmount { amount } }
            errors { field code message } } }""",
        {"id": to_global_id("TransactionItem", str(item.token)), "amount": "20.00"},
    )

    payload = payload_of(result, "transactionRequestAction")
    assert payload["transaction"]["chargedAmount"]["amount"] == 20.0
    assert payload["transaction"]["authorizedAmount"]["amount"] == float(total - 20)
    assert intent(item.psp_reference).status == "succeeded"
