"""A zero-total purchase is FULLY charged wherever its status is read.

The checkout's status (API), the order's stored status (written by
checkout_complete) and the order's status (API) all come from
payment/totals.payment_statuses, which follows Saleor: charged equal to
the total is FULL, a zero total with nothing charged included.
"""

from decimal import Decimal

from graphql_relay import to_global_id

from backend.checkout.complete import checkout_complete
from backend.product.models import ProductVariantChannelListing
from backend.shipping.models import ShippingMethodChannelListing
from tests.api.checkout.conftest import checkout_id
from tests.api.client import GraphQLClient

CHECKOUT_QUERY = """
query($id: ID!) { checkout(id: $id) { chargeStatus authorizeStatus } }
"""
ORDER_QUERY = """
query($id: ID!) { order(id: $id) { chargeStatus authorizeStatus } }
"""


def test_a_free_purchase_is_fully_charged_at_every_door(client, ready_checkout):
    ProductVariantChannelListing.objects.update(price_amount=Decimal(0))
    ShippingMethodChannelListing.objects.update(price_amount=Decimal(0))
    api = GraphQLClient(client)

    checkout_answer = api(CHECKOUT_QUERY, {"id": checkout_id(ready_checkout)})
    order = checkout_complete(checkout_token=ready_checkout.token).order
    order_answer = api(ORDER_QUERY, {"id": to_global_id("Order", str(order.token))})

    full = {"chargeStatus": "FULL", "authorizeStatus": "FULL"}
    assert checkout_answer["data"]["checkout"] == full
    assert (order.charge_status, order.authorize_status) == ("full", "full")
    assert order_answer["data"]["order"] == full
