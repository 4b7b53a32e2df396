"""A purchase through the API: details, delivery, dummy-app payment, order."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.checkout.models import Checkout
from backend.order.models import Order
from backend.payment.models import TransactionEvent
from backend.warehouse.models import Stock
from tests import factories
from tests.api.client import payload_of

from .conftest import checkout_id, variant_id

ADDRESS = {
    "firstName": "Ann",
    "lastName": "Lee",
    "streetAddress1": "1 Main St",
    "city": "Springfield",
    "postalCode": "62701",
    "country": "US",
    "countryArea": "IL",
}
ERRORS = "errors { field code message }"
CREATE = f"""mutation($input: CheckoutCreateInput!) {{
  checkoutCreate(input: $input) {{ checkout {{ id }} {ERRORS} }} }}"""
EMAIL = f"""mutation($id: ID!, $email: String!) {{
  checkoutEmailUpdate(id: $id, email: $email) {{ checkout {{ email }} {ERRORS} }} }}"""
SHIPPING = f"""mutation($id: ID!, $address: AddressInput!) {{
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {{
    checkout {{ shippingAddress {{ postalCode }} }} {ERRORS} }} }}"""
BILLING = f"""mutation($id: ID!, $address: AddressInput!) {{
  checkoutBillingAddressUpdate(id: $id, billingAddress: $address) {{
    checkout {{ billingAddress {{ city }} }} {ERRORS} }} }}"""
OPTIONS = f"""mutation($id: ID!) {{
  deliveryOptionsCalculate(id: $id) {{
    deliveries {{ id shippingMethod {{ id name price {{ amount }} }} }}
    {ERRORS} }} }}"""
DELIVERY = f"""mutation($id: ID!, $method: ID) {{
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {{
    checkout {{ delivery {{ shippingMethod {{ name }} }}
               totalPrice {{ gross {{ amount }} }} }} {ERRORS} }} }}"""
PAY = f"""mutation($id: ID!, $gateway: PaymentGatewayToInitialize!) {{
  transactionInitialize(id: $id, paymentGateway: $gateway) {{
    transaction {{ id chargedAmount {{ amount }} }}
    transactionEvent {{ type }} data {ERRORS} }} }}"""
PROCESS = f"""mutation($id: ID!, $data: JSON) {{
  transactionProcess(id: $id, data: $data) {{
    transaction {{ chargedAmount {{ amount }} }} transactionEvent {{ type }}
    {ERRORS} }} }}"""
COMPLETE = f"""mutation($id: ID!) {{
  checkoutComplete(id: $id) {{
    order {{ id number status total {{ gross {{ amount }} }} }}
    confirmationNeeded {ERRORS} }} }}"""
ATTACH = f"""mutation($id: ID!) {{
  checkoutCustomerAttach(id: $id) {{ checkout {{ email }} {ERRORS} }} }}"""


def dummy(event_type: str) -> dict:
    return {
        "id": "saleor.io.dummy-payment-app",
        "data": {"event": {"type": event_type, "includePspReference": True}},
    }


@pytest.fixture
def detailed_checkout(api, channel, variant, shipping_method):
    """A checkout with a line, email, addresses and delivery, set through the API."""
    created = payload_of(
        api(
            CREATE,
            {
                "input": {
                    "channel": channel.slug,
                    "lines": [{"variantId": variant_id(variant), "quantity": 2}],
                }
            },
        ),
        "checkoutCreate",
    )
    gid = created["checkout"]["id"]
    payload_of(
        api(EMAIL, {"id": gid, "email": "ann@example.com"}), "checkoutEmailUpdate"
    )
    payload_of(
        api(SHIPPING, {"id": gid, "address": ADDRESS}), "checkoutShippingAddressUpdate"
    )
    payload_of(
        api(BILLING, {"id": gid, "address": ADDRESS}), "checkoutBillingAddressUpdate"
    )
    options = payload_of(api(OPTIONS, {"id": gid}), "deliveryOptionsCalculate")
    payload_of(
        api(DELIVERY, {"id": gid, "method": options["deliveries"][0]["id"]}),
        "checkoutDeliveryMethodUpdate",
    )
    return gid


def test_a_guest_buys_through_the_dummy_payment_app(api, detailed_checkout, variant):
    paid = payload_of(
        api(PAY, {"id": detailed_checkout, "gateway": dummy("CHARGE_SUCCESS")}),
        "transactionInitialize",
    )
    assert paid["transactionEvent"] == {"type": "CHARGE_SUCCESS"}
    assert paid["transaction"]["chargedAmount"] == {"amount": 44.98}

    placed = payload_of(api(COMPLETE, {"id": detailed_checkout}), "checkoutComplete")

    order = Order.objects.get()
    assert placed["order"]["number"] == str(order.number)
    assert placed["order"]["total"]["gross"]["amount"] == 44.98
    assert placed["order"]["status"] == "UNFULFILLED"
    assert order.user_email == "ann@example.com"
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 2
    assert not Checkout.objects.exists()


def test_completing_twice_returns_the_same_order(api, detailed_checkout):
    api(PAY, {"id": detailed_checkout, "gateway": dummy("CHARGE_SUCCESS")})
    first = payload_of(api(COMPLETE, {"id": detailed_checkout}), "checkoutComplete")

    second = payload_of(api(COMPLETE, {"id": detailed_checkout}), "checkoutComplete")

    assert second["order"]["id"] == first["order"]["id"]
    assert Order.objects.count() == 1


def test_a_declined_dummy_payment_leaves_the_checkout_unpaid(api, detailed_checkout):
    declined = payload_of(
        api(PAY, {"id": detailed_checkout, "gateway": dummy("CHARGE_FAILURE")}),
        "transactionInitialize",
    )

    result = api(COMPLETE, {"id": detailed_checkout})["data"]["checkoutComplete"]

    assert declined["transactionEvent"] == {"type": "CHARGE_FAILURE"}
    assert result["order"] is None
    assert result["errors"][0]["code"] == "CHECKOUT_NOT_FULLY_PAID"
    assert not Order.objects.exists()
    assert Stock.objects.get().quantity_allocated == 0


def test_the_legacy_dummy_gateway_id_pays_too(api, detailed_checkout):
    gateway = {**dummy("CHARGE_SUCCESS"), "id": "mirumee.payments.dummy"}

    paid = payload_of(
        api(PAY, {"id": detailed_checkout, "gateway": gateway}), "transactionInitialize"
    )

    assert paid["transactionEvent"] == {"type": "CHARGE_SUCCESS"}


def test_an_unknown_dummy_event_type_is_invalid(api, detailed_checkout):
    result = api(PAY, {"id": detailed_checkout, "gateway": dummy("CHARGE_MAYBE")})

    errors = result["data"]["transactionInitialize"]["errors"]
    assert errors[0]["code"] == "INVALID"
    assert errors[0]["field"] == "paymentGateway"


def test_an_action_required_payment_is_finished_by_transaction_process(
    api, detailed_checkout
):
    started = payload_of(
        api(PAY, {"id": detailed_checkout, "gateway": dummy("CHARGE_ACTION_REQUIRED")}),
        "transactionInitialize",
    )
    assert started["transaction"]["chargedAmount"] == {"amount": 0.0}

    processed = payload_of(
        api(
            PROCESS,
            {
                "id": started["transaction"]["id"],
                "data": {"event": {"type": "CHARGE_SUCCESS"}},
            },
        ),
        "transactionProcess",
    )
    again = api(PROCESS, {"id": started["transaction"]["id"]})["data"][
        "transactionProcess"
    ]

    assert processed["transactionEvent"] == {"type": "CHARGE_SUCCESS"}
    assert processed["transaction"]["chargedAmount"] == {"amount": 44.98}
    assert again["errors"][0]["code"] == "TRANSACTION_ALREADY_PROCESSED"
    payload_of(api(COMPLETE, {"id": detailed_checkout}), "checkoutComplete")


def test_a_session_left_waiting_by_a_completed_checkout_cannot_charge_the_order(
    api, detailed_checkout
):
    waiting = payload_of(
        api(PAY, {"id": detailed_checkout, "gateway": dummy("CHARGE_ACTION_REQUIRED")}),
        "transactionInitialize",
    )
    payload_of(
        api(PAY, {"id": detailed_checkout, "gateway": dummy("CHARGE_SUCCESS")}),
        "transactionInitialize",
    )
    payload_of(api(COMPLETE, {"id": detailed_checkout}), "checkoutComplete")

    result = api(
        PROCESS,
        {
            "id": waiting["transaction"]["id"],
            "data": {"event": {"type": "CHARGE_SUCCESS"}},
        },
    )["data"]["transactionProcess"]

    assert result["errors"] == [
        {
            "field": "id",
            "code": "TRANSACTION_ALREADY_PROCESSED",
            "message": "Transaction has already been processed.",
        }
    ]
    order = Order.objects.get()
    charged = [item.amount_charged_value for item in order.payment_transactions.all()]
    assert charged == [0, Decimal("44.98")]
    assert order.total_charged_amount == Decimal("44.98")
    assert order.charge_status == "full"


def test_completing_without_an_email_is_refused_and_changes_nothing(
    api, channel, variant, shipping_method
):
    checkout = factories.CheckoutFactory(channel=channel, email=None)
    factories.CheckoutLineFactory(checkout=checkout, variant=variant, quantity=1)

    result = api(COMPLETE, {"id": checkout_id(checkout)})["data"]["checkoutComplete"]

    assert result["errors"][0]["code"] == "EMAIL_NOT_SET"
    assert Checkout.objects.filter(pk=checkout.pk).exists()
    assert not Order.objects.exists()


def test_completing_without_a_shipping_address_is_refused(api, channel, variant):
    checkout = factories.CheckoutFactory(channel=channel)
    factories.CheckoutLineFactory(checkout=checkout, variant=variant, quantity=1)

    result = api(COMPLETE, {"id": checkout_id(checkout)})["data"]["checkoutComplete"]

    assert result["errors"][0]["code"] == "SHIPPING_ADDRESS_NOT_SET"
    assert not Order.objects.exists()


def test_completing_without_a_delivery_method_is_refused(api, channel, variant):
    checkout = factories.CheckoutFactory(
        channel=channel, shipping_address=factories.AddressFactory()
    )
    factories.CheckoutLineFactory(checkout=checkout, variant=variant, quantity=1)

    result = api(COMPLETE, {"id": checkout_id(checkout)})["data"]["checkoutComplete"]

    assert result["errors"][0]["code"] == "SHIPPING_METHOD_NOT_SET"


def test_completing_without_payment_is_refused(api, ready_checkout):
    result = api(COMPLETE, {"id": checkout_id(ready_checkout)})["data"][
        "checkoutComplete"
    ]

    assert result["errors"][0]["code"] == "CHECKOUT_NOT_FULLY_PAID"
    assert not Order.objects.exists()


def test_an_invalid_postal_code_is_refused_and_changes_nothing(api, ready_checkout):
    before = ready_checkout.shipping_address.postal_code

    result = api(
        SHIPPING,
        {
            "id": checkout_id(ready_checkout),
            "address": {**ADDRESS, "postalCode": "ABC"},
        },
    )["data"]["checkoutShippingAddressUpdate"]

    assert result["errors"][0]["field"] == "postalCode"
    assert result["errors"][0]["code"] == "INVALID"
    ready_checkout.shipping_address.refresh_from_db()
    assert ready_checkout.shipping_address.postal_code == before


def test_a_method_that_does_not_ship_to_the_address_is_refused(
    api, ready_checkout, channel
):
    zone = factories.ShippingZoneFactory(countries=["DE"], channels=[channel])
    abroad = factories.ShippingMethodFactory(shipping_zone=zone, name="Abroad")
    factories.ShippingMethodChannelListingFactory(
        shipping_method=abroad, channel=channel
    )

    result = api(
        DELIVERY,
        {
            "id": checkout_id(ready_checkout),
            "method": to_global_id("ShippingMethod", str(abroad.pk)),
        },
    )["data"]["checkoutDeliveryMethodUpdate"]

    assert result["errors"][0]["code"] == "DELIVERY_METHOD_NOT_APPLICABLE"
    ready_checkout.refresh_from_db()
    assert ready_checkout.shipping_method.name == "Ground"


def test_anonymous_cannot_attach_a_customer(api, ready_checkout):
    result = api(ATTACH, {"id": checkout_id(ready_checkout)})

    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    ready_checkout.refresh_from_db()
    assert ready_checkout.user_id is None


def test_a_signed_in_customer_attaches_themselves(
    customer_api, customer_user, ready_checkout
):
    result = payload_of(
        customer_api(ATTACH, {"id": checkout_id(ready_checkout)}),
        "checkoutCustomerAttach",
    )

    assert result["checkout"]["email"] == customer_user.email
    ready_checkout.refresh_from_db()
    assert ready_checkout.user_id == customer_user.pk


def test_another_customer_cannot_attach_themselves_to_a_customers_checkout(
    client, api, other_customer, customer_user, channel
):

    checkout = factories.CheckoutFactory(channel=channel, user=customer_user)

    result = api.login(other_customer)(ATTACH, {"id": checkout_id(checkout)})

    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    checkout.refresh_from_db()
    assert checkout.user_id == customer_user.pk


def test_checkout_complete_query_count_does_not_grow_with_the_lines(
    api, channel, warehouse, shipping_method, django_assert_max_num_queries
):
    from decimal import Decimal

    from backend.checkout.transactions import transaction_initialize
    from tests.fixtures.catalog import make_published_product, warm_delivery_rules
    from tests.fixtures.checkout import make_ready_checkout

    def paid_checkout(count):
        products = [
            make_published_product(
                channel=channel, warehouse=warehouse, price=Decimal("3.00")
            )
            for _ in range(count)
        ]
        checkout = make_ready_checkout(
            channel=channel,
            shipping_method=shipping_method,
            lines=[(p.default_variant, 1) for p in products],
        )
        transaction_initialize(
            checkout_token=checkout.token,
            gateway_id="lumbar.payments.test",
            token="tok_success",
        )
        return checkout

    small, large = paid_checkout(1), paid_checkout(6)
    warm_delivery_rules()  # cached, as after any earlier page

    for checkout in (small, large):
        with django_assert_max_num_queries(COMPLETE_BUDGET):
            payload_of(api(COMPLETE, {"id": checkout_id(checkout)}), "checkoutComplete")
    assert Order.objects.count() == 2


# Measured 24 for 1 and for 6 lines (locks, checks, order, allocations,
# payment records and the search for sessions still waiting on the shopper,
# checkout delete with its lines' reservations in one statement, savepoints;
# the lines' product ids a rate may exclude and their prices come with the
# lines; both addresses are copied in one insert).
COMPLETE_BUDGET = 24


PAY_DETAILED = f"""mutation($id: ID!, $gateway: PaymentGatewayToInitialize!) {{
  transactionInitialize(id: $id, paymentGateway: $gateway) {{
    transactionEvent {{ id type pspReference message createdAt
      amount {{ amount currency }} }}
    data {ERRORS} }} }}"""


def test_the_initialized_event_answered_is_the_one_stored(
    api, detailed_checkout, django_assert_max_num_queries
):
    # The answer shows the event the service wrote, without reading it back.
    with django_assert_max_num_queries(TRANSACTION_INITIALIZE_BUDGET):
        paid = payload_of(
            api(
                PAY_DETAILED,
                {"id": detailed_checkout, "gateway": dummy("CHARGE_SUCCESS")},
            ),
            "transactionInitialize",
        )

    stored = TransactionEvent.objects.get()
    assert paid["transactionEvent"] == {
        "id": to_global_id("TransactionEvent", stored.pk),
        "type": "CHARGE_SUCCESS",
        "pspReference": stored.psp_reference,
        "message": stored.message,
        "createdAt": stored.created_at.isoformat(),
        "amount": {"amount": float(stored.amount_value), "currency": "USD"},
    }
    assert paid["data"] == {
        "pspReference": stored.psp_reference,
        "type": "CHARGE_SUCCESS",
    }


# The checkout read once and locked, its lines, prices, shipping price and
# payments summed, the item written, its answer and event recorded.
TRANSACTION_INITIALIZE_BUDGET = 11
