"""The dashboard's order details screen, sent as the dashboard sends it.

The documents (OrderDetails with its fragments, OrderTransactionsData, ...)
are read from Saleor's dashboard in ../shared at test time.
"""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.core.permissions import PermissionEnum
from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.services import order_note_add
from backend.payment.granted_refunds import order_grant_refund_create
from backend.payment.models import TransactionEvent, TransactionEventType
from backend.payment.transaction_actions import REFUND, transaction_request_action
from backend.warehouse.models import Allocation
from tests.api.checkout.conftest import grant
from tests.api.dashboard_documents import dashboard_document

from .conftest import place_order


def gid(type_name, pk) -> str:
    return to_global_id(type_name, str(pk))


@pytest.fixture
def ops_user(staff_user):
    """The operations user who worked the order (without logging anyone in)."""
    return grant(staff_user, PermissionEnum.MANAGE_ORDERS)


@pytest.fixture
def worked_order(customer_order, warehouse, ops_user):
    """A paid order, one unit sent, 5.00 granted and refunded, a staff note."""
    line = customer_order.lines.get()
    order_fulfil(
        order_id=customer_order.pk,
        lines=[
            FulfilLine(order_line_id=line.pk, quantity=1, warehouse_id=warehouse.pk)
        ],
        tracking_number="1Z999AA10123456784",
        user=ops_user,
    )
    payment = customer_order.payment_transactions.get()
    order_grant_refund_create(
        order_id=customer_order.pk,
        transaction_token=payment.token,
        amount=Decimal("5.00"),
        reason="Strap arrived scuffed",
        user=ops_user,
    )
    transaction_request_action(
        transaction_token=payment.token,
        action=REFUND,
        amount=Decimal("5.00"),
        user=ops_user,
    )
    order_note_add(
        order_id=customer_order.pk, message="Called the customer", user=ops_user
    )
    customer_order.refresh_from_db()
    return customer_order


def details(api, order):
    return api(dashboard_document("OrderDetails"), {"id": gid("Order", order.token)})


def test_the_order_details_screen_answers_without_errors(ops_api, worked_order):
    result = details(ops_api, worked_order)

    assert "errors" not in result, result.get("errors")
    assert result["data"]["order"]["number"] == str(worked_order.number)


def test_the_details_show_the_money_the_transactions_moved(ops_api, worked_order):
    order = details(ops_api, worked_order)["data"]["order"]

    money = {
        name: order[name]["amount"]
        for name in (
            "totalCharged",
            "totalRefunded",
            "totalGrantedRefund",
            "totalRemainingGrant",
            "totalRefundPending",
            "totalAuthorizePending",
            "totalChargePending",
            "totalCancelPending",
            "totalCanceled",
            "totalAuthorized",
        )
    }
    assert money == {
        "totalCharged": 39.98,
        "totalRefunded": 5.0,
        "totalGrantedRefund": 5.0,
        "totalRemainingGrant": 0.0,
        "totalRefundPending": 0.0,
        "totalAuthorizePending": 0.0,
        "totalChargePending": 0.0,
        "totalCancelPending": 0.0,
        "totalCanceled": 0.0,
        "totalAuthorized": 0.0,
    }
    assert order["chargeStatus"] == "PARTIAL"


def test_the_transaction_shows_its_events_and_who_asked_for_the_refund(
    ops_api, worked_order
):
    (transaction,) = details(ops_api, worked_order)["data"]["order"]["transactions"]

    assert transaction["chargedAmount"]["amount"] == 39.98
    assert transaction["refundedAmount"]["amount"] == 5.0
    assert transaction["refundPendingAmount"]["amount"] == 0.0
    assert transaction["actions"] == ["REFUND"]
    assert transaction["createdBy"] is None  # the shopper's own payment
    assert transaction["paymentMethodDetails"] is None
    refund_events = [e for e in transaction["events"] if e["type"].startswith("REFUND")]
    assert [e["type"] for e in refund_events] == ["REFUND_REQUEST", "REFUND_SUCCESS"]
    assert {e["createdBy"]["email"] for e in refund_events} == {"staff@example.com"}


def test_an_unanswered_refund_request_shows_as_pending(ops_api, worked_order):
    payment = worked_order.payment_transactions.get()
    TransactionEvent.objects.create(
        transaction=payment,
        type=TransactionEventType.REFUND_REQUEST,
        currency="USD",
        amount_value=Decimal("10.00"),
    )

    order = details(ops_api, worked_order)["data"]["order"]

    (transaction,) = order["transactions"]
    assert transaction["refundPendingAmount"]["amount"] == 10.0
    assert transaction["chargedAmount"]["amount"] == 29.98
    assert order["totalRefundPending"]["amount"] == 10.0
    assert order["totalRemainingGrant"]["amount"] == -10.0


def test_the_fulfilment_names_its_warehouse_and_tracking(
    ops_api, worked_order, warehouse
):
    (parcel,) = details(ops_api, worked_order)["data"]["order"]["fulfillments"]

    assert parcel["status"] == "FULFILLED"
    assert parcel["trackingNumber"] == "1Z999AA10123456784"
    assert parcel["warehouse"] == {
        "id": gid("Warehouse", warehouse.pk),
        "name": warehouse.name,
    }
    assert [line["quantity"] for line in parcel["lines"]] == [1]
    assert parcel["totalRefundedAmount"] is None
    assert parcel["reason"] is None


def test_a_line_shows_the_stock_still_held_for_it(ops_api, worked_order, warehouse):
    (line,) = details(ops_api, worked_order)["data"]["order"]["lines"]

    held = Allocation.objects.get(order_line__order=worked_order).quantity_allocated
    assert line["allocations"] == [
        {
            "id": line["allocations"][0]["id"],
            "quantity": held,
            "warehouse": {"id": gid("Warehouse", warehouse.pk), "name": warehouse.name},
        }
    ]
    assert line["quantityToFulfill"] == 1
    assert line["isPriceOverridden"] is False
    assert line["unitDiscount"] == {"amount": 0.0, "currency": "USD"}
    assert line["discounts"] == []
    assert line["taxClass"] is None


def test_the_timeline_shows_the_fulfilment_and_the_note(
    ops_api, worked_order, warehouse
):
    events = details(ops_api, worked_order)["data"]["order"]["events"]

    by_type = {event["type"]: event for event in events}
    fulfilled = by_type["FULFILLMENT_FULFILLED_ITEMS"]
    assert fulfilled["composedId"] == f"{worked_order.number}-1"
    assert fulfilled["warehouse"]["name"] == warehouse.name
    assert [
        (line["quantity"], line["orderLine"]["productName"])
        for line in fulfilled["lines"]
    ] == [(1, "Stretch Strap")]
    note = by_type["NOTE_ADDED"]
    assert note["message"] == "Called the customer"
    assert note["user"]["email"] == "staff@example.com"  # the reader's own note
    assert by_type["TRANSACTION_REFUND_REQUESTED"]["amount"] == 5.0
    assert all(event["app"] is None for event in events)


def test_the_granted_refund_shows_its_reason_and_payment(ops_api, worked_order):
    (granted,) = details(ops_api, worked_order)["data"]["order"]["grantedRefunds"]

    assert granted["reason"] == "Strap arrived scuffed"
    assert granted["amount"] == {"currency": "USD", "amount": 5.0}
    assert granted["app"] is None
    assert granted["reasonReference"] is None


def test_lumbar_keeps_no_legacy_payments_invoices_or_gift_cards(ops_api, worked_order):
    order = details(ops_api, worked_order)["data"]["order"]

    assert (order["payments"], order["invoices"], order["giftCards"]) == ([], [], [])
    assert order["collectionPointName"] is None
    assert order["channel"]["orderSettings"] == {
        "markAsPaidStrategy": "TRANSACTION_FLOW"
    }


def test_the_shop_tells_the_screen_fulfilments_need_no_approval_nor_payment(
    ops_api, worked_order
):
    shop = details(ops_api, worked_order)["data"]["shop"]

    assert shop["fulfillmentAutoApprove"] is True
    assert shop["fulfillmentAllowUnpaid"] is True


def test_a_channel_that_holds_fulfilments_for_approval_shows_on_the_shop(
    ops_api, worked_order, channel
):
    channel.automatically_approve_fulfillments = False
    channel.save(update_fields=["automatically_approve_fulfillments"])

    shop = details(ops_api, worked_order)["data"]["shop"]

    assert shop["fulfillmentAutoApprove"] is False
    assert shop["fulfillmentAllowUnpaid"] is True


def test_a_paid_order_offers_no_order_actions(ops_api, customer_order):
    order = details(ops_api, customer_order)["data"]["order"]

    assert order["actions"] == []


def test_an_order_with_a_balance_due_offers_to_mark_it_paid(
    ops_api, channel, shipping_method, variant
):
    order = place_order(
        channel=channel, shipping_method=shipping_method, variant=variant
    )
    order.total_charged_amount = Decimal(0)
    order.charge_status = "none"
    order.save(update_fields=["total_charged_amount", "charge_status"])

    result = details(ops_api, order)["data"]["order"]

    assert result["actions"] == ["MARK_AS_PAID"]


def test_the_transactions_screen_answers_without_errors(ops_api, worked_order):
    result = ops_api(
        dashboard_document("OrderTransactionsData"),
        {"orderId": gid("Order", worked_order.token)},
    )

    assert "errors" not in result, result.get("errors")
    assert len(result["data"]["order"]["transactions"]) == 1


def test_the_fulfil_screen_reads_the_held_stock(ops_api, worked_order, warehouse):
    result = ops_api(
        dashboard_document("OrderFulfillData"),
        {"orderId": gid("Order", worked_order.token)},
    )

    assert "errors" not in result, result.get("errors")
    (line,) = result["data"]["order"]["lines"]
    assert [a["warehouse"]["id"] for a in line["allocations"]] == [
        gid("Warehouse", warehouse.pk)
    ]


def test_a_merchandiser_cannot_read_the_order_details_staff_side(
    merchandiser_api, worked_order
):
    result = details(merchandiser_api, worked_order)

    codes = {error["extensions"]["exception"]["code"] for error in result["errors"]}
    assert codes == {"PermissionDenied"}
    assert result["data"]["order"] is None
    assert "Called the customer" not in str(result)
