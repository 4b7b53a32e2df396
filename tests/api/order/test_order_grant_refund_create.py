"""orderGrantRefundCreate: staff grant money back on an order."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.payment.models import OrderGrantedRefund

pytestmark = pytest.mark.django_db

GRANT = """
mutation($id: ID!, $input: OrderGrantRefundCreateInput!) {
  orderGrantRefundCreate(id: $id, input: $input) {
    grantedRefund {
      amount { amount currency } reason status shippingCostsIncluded
      lines { quantity reason orderLine { productSku } }
      transaction { pspReference }
    }
    order { grantedRefunds { reason } totalGrantedRefund { amount } }
    errors { field code message lines { lineId field code } }
  }
}
"""


def gid(type_name, pk) -> str:
    return to_global_id(type_name, str(pk))


@pytest.fixture
def payment(customer_order):
    return customer_order.payment_transactions.get()


def grant(api, order, payment, **fields):
    result = api(
        GRANT,
        {
            "id": gid("Order", order.token),
            "input": {"transactionId": gid("TransactionItem", payment.token), **fields},
        },
    )
    return result["data"]["orderGrantRefundCreate"]


def codes(payload):
    return [(e["field"], e["code"]) for e in payload["errors"]]


def test_a_refund_is_granted_for_an_amount_with_a_reason(
    ops_api, customer_order, payment
):
    payload = grant(ops_api, customer_order, payment, amount="4.50", reason="Late")

    assert payload["errors"] == []
    granted = payload["grantedRefund"]
    assert granted["amount"] == {"amount": 4.5, "currency": customer_order.currency}
    assert granted["reason"] == "Late"
    assert granted["status"] == "NONE"
    assert granted["shippingCostsIncluded"] is False
    assert granted["transaction"] == {"pspReference": payment.psp_reference}
    assert payload["order"]["grantedRefunds"] == [{"reason": "Late"}]
    assert payload["order"]["totalGrantedRefund"] == {"amount": 4.5}


def test_without_an_amount_the_lines_and_shipping_are_priced(
    ops_api, customer_order, payment
):
    line = customer_order.lines.get()

    payload = grant(
        ops_api,
        customer_order,
        payment,
        lines=[{"id": gid("OrderLine", line.pk), "quantity": 1, "reason": "Torn"}],
        grantRefundForShipping=True,
    )

    granted = payload["grantedRefund"]
    expected = line.unit_price_amount + customer_order.shipping_price_amount
    assert granted["amount"]["amount"] == float(expected)
    assert granted["shippingCostsIncluded"] is True
    assert granted["lines"] == [
        {"quantity": 1, "reason": "Torn", "orderLine": {"productSku": line.product_sku}}
    ]


def test_granting_more_items_than_remain_on_a_line_is_refused(
    ops_api, customer_order, payment
):
    line = customer_order.lines.get()
    line_id = gid("OrderLine", line.pk)
    grant(ops_api, customer_order, payment, lines=[{"id": line_id, "quantity": 1}])

    payload = grant(
        ops_api, customer_order, payment, lines=[{"id": line_id, "quantity": 2}]
    )

    assert codes(payload) == [("lines", "INVALID")]
    assert payload["errors"][0]["lines"] == [
        {
            "lineId": line_id,
            "field": "quantity",
            "code": "QUANTITY_GREATER_THAN_AVAILABLE",
        }
    ]
    assert OrderGrantedRefund.objects.count() == 1


def test_shipping_can_be_granted_only_once(ops_api, customer_order, payment):
    grant(ops_api, customer_order, payment, grantRefundForShipping=True)

    payload = grant(ops_api, customer_order, payment, grantRefundForShipping=True)

    assert codes(payload) == [
        ("grantRefundForShipping", "SHIPPING_COSTS_ALREADY_GRANTED")
    ]
    assert OrderGrantedRefund.objects.count() == 1


def test_an_amount_above_what_the_payment_charged_is_refused(
    ops_api, customer_order, payment
):
    too_much = str(payment.amount_charged_value + Decimal("0.01"))

    payload = grant(ops_api, customer_order, payment, amount=too_much)

    assert codes(payload) == [("amount", "AMOUNT_GREATER_THAN_AVAILABLE")]
    assert not OrderGrantedRefund.objects.exists()


def test_a_grant_needs_an_amount_lines_or_shipping(ops_api, customer_order, payment):
    payload = grant(ops_api, customer_order, payment)

    assert codes(payload) == [("amount", "REQUIRED")]
    assert not OrderGrantedRefund.objects.exists()


def test_a_payment_of_another_order_is_not_found(
    ops_api, customer_order, guest_order, payment
):
    payload = grant(
        ops_api, guest_order, payment, amount="1.00", reason="Wrong payment"
    )

    assert codes(payload) == [("transactionId", "NOT_FOUND")]
    assert not OrderGrantedRefund.objects.exists()


def test_a_customer_cannot_read_the_grants_on_their_order(
    ops_api, customer_api, customer_order, payment
):
    grant(ops_api, customer_order, payment, amount="1.00")

    result = customer_api(
        "query($id: ID!) { order(id: $id) { grantedRefunds { reason } } }",
        {"id": gid("Order", customer_order.token)},
    )

    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


@pytest.mark.parametrize("who", ["api", "customer_api", "merchandiser_api"])
def test_granting_a_refund_is_refused_and_changes_nothing(
    who, request, customer_order, payment
):
    api = request.getfixturevalue(who)
    result = api(
        GRANT,
        {
            "id": gid("Order", customer_order.token),
            "input": {
                "transactionId": gid("TransactionItem", payment.token),
                "amount": "1.00",
            },
        },
    )

    assert result["data"]["orderGrantRefundCreate"] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert not OrderGrantedRefund.objects.exists()


def test_granted_refunds_on_a_page_of_orders_cost_the_same_for_2_or_6(
    ops_api, channel, shipping_method, variant, django_assert_num_queries
):
    from backend.payment.granted_refunds import GrantedLine, order_grant_refund_create

    from .conftest import place_order

    for _ in range(6):
        order = place_order(
            channel=channel,
            shipping_method=shipping_method,
            variant=variant,
            quantity=1,
        )
        order_grant_refund_create(
            order_id=order.pk,
            transaction_token=order.payment_transactions.get().token,
            lines=[GrantedLine(order.lines.get().pk, 1)],
            grant_refund_for_shipping=True,
        )
    query = """
    query($first: Int) { orders(first: $first) { edges { node {
      totalGrantedRefund { amount }
      grantedRefunds { amount { amount } status
        lines { quantity orderLine { productName } } transaction { pspReference } }
    } } } }
    """
    with django_assert_num_queries(GRANTS_QUERIES):
        few = ops_api(query, {"first": 2})
    with django_assert_num_queries(GRANTS_QUERIES):
        many = ops_api(query, {"first": 6})

    assert [
        len(e["node"]["grantedRefunds"]) for e in many["data"]["orders"]["edges"]
    ] == [1] * 6
    assert len(few["data"]["orders"]["edges"]) == 2


# Measured: the token's user, their permissions, the page and what the
# order list always prefetches (lines, variants, products), then three for
# the grants: refunds with their transactions, their lines, the order lines.
GRANTS_QUERIES = 9
