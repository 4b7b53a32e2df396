"""The order actions Lumbar already served, sent as the dashboard's own
documents: fulfil, approve, cancel a parcel, track, mark paid, cancel,
add a note, act on a transaction, grant a refund."""

from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.models import Fulfillment, FulfillmentStatus, OrderStatus
from backend.payment.models import OrderGrantedRefund, TransactionItem
from tests.on_commit import without_version_bumps

from .dashboard import dashboard_document

pytestmark = pytest.mark.django_db


def gid(type_name, pk) -> str:
    return to_global_id(type_name, str(pk))


def stock_of(variant, warehouse):
    stock = variant.stocks.get(warehouse=warehouse)
    return stock.quantity, stock.quantity_allocated


def fulfil_variables(order, warehouse, quantity=2, **extra):
    line = order.lines.get()
    return {
        "orderId": gid("Order", order.token),
        "input": {
            "lines": [
                {
                    "orderLineId": gid("OrderLine", line.pk),
                    "stocks": [
                        {
                            "quantity": quantity,
                            "warehouse": gid("Warehouse", warehouse.pk),
                        }
                    ],
                }
            ],
            "notifyCustomer": False,
            "allowStockToBeExceeded": False,
            **extra,
        },
    }


@pytest.fixture
def sent(customer_order, warehouse):
    (fulfillment,) = order_fulfil(
        order_id=customer_order.pk,
        lines=[FulfilLine(customer_order.lines.get().pk, 2, warehouse.pk)],
        notify_customer=False,
    )
    return fulfillment


def test_the_dashboard_fulfils_an_order_from_a_warehouse(
    ops_api, customer_order, variant, warehouse
):
    result = ops_api(
        dashboard_document("FulfillOrder"),
        fulfil_variables(
            customer_order, warehouse, trackingNumber="1Z999AA10123456784"
        ),
    )

    payload = result["data"]["orderFulfill"]
    assert payload["errors"] == []
    assert payload["order"]["status"] == "FULFILLED"
    assert stock_of(variant, warehouse) == (8, 0)
    fulfillment = Fulfillment.objects.get(order=customer_order)
    assert (fulfillment.tracking_number, fulfillment.carrier) == (
        "1Z999AA10123456784",
        "UPS",
    )


def test_the_dashboard_hears_which_warehouse_lacks_stock(
    ops_api, customer_order, variant, warehouse
):
    variant.stocks.filter(warehouse=warehouse).update(quantity=1, quantity_allocated=2)

    result = ops_api(
        dashboard_document("FulfillOrder"), fulfil_variables(customer_order, warehouse)
    )

    (error,) = result["data"]["orderFulfill"]["errors"]
    assert (error["code"], error["warehouse"]) == (
        "INSUFFICIENT_STOCK",
        gid("Warehouse", warehouse.pk),
    )
    assert error["orderLines"] == [gid("OrderLine", customer_order.lines.get().pk)]
    assert stock_of(variant, warehouse) == (1, 2)


def test_the_dashboard_approves_a_parcel_waiting_for_approval(
    ops_api, customer_order, channel, variant, warehouse
):
    channel.automatically_approve_fulfillments = False
    channel.save()
    (waiting,) = order_fulfil(
        order_id=customer_order.pk,
        lines=[FulfilLine(customer_order.lines.get().pk, 2, warehouse.pk)],
        notify_customer=False,
    )
    assert stock_of(variant, warehouse) == (10, 2)

    result = ops_api(
        dashboard_document("OrderFulfillmentApprove"),
        {"id": gid("Fulfillment", waiting.pk), "notifyCustomer": False},
    )

    assert result["data"]["orderFulfillmentApprove"]["errors"] == []
    waiting.refresh_from_db()
    assert waiting.status == FulfillmentStatus.FULFILLED
    assert stock_of(variant, warehouse) == (8, 0)


def test_the_dashboard_cancels_a_parcel_and_its_stock_comes_back(
    ops_api, customer_order, sent, variant, warehouse
):
    result = ops_api(
        dashboard_document("OrderFulfillmentCancel"),
        {
            "id": gid("Fulfillment", sent.pk),
            "input": {"warehouseId": gid("Warehouse", warehouse.pk)},
        },
    )

    payload = result["data"]["orderFulfillmentCancel"]
    assert payload["errors"] == []
    assert payload["order"]["status"] == "UNFULFILLED"
    assert stock_of(variant, warehouse) == (10, 2)
    types = list(customer_order.events.values_list("type", flat=True))
    assert types[-2:] == ["fulfillment_canceled", "restocked_items"]


def test_the_dashboard_sets_a_tracking_number_and_tells_the_customer(
    ops_api, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        result = ops_api(
            dashboard_document("OrderFulfillmentUpdateTracking"),
            {
                "id": gid("Fulfillment", sent.pk),
                "input": {
                    "trackingNumber": "1Z999AA10123456784",
                    "notifyCustomer": True,
                },
            },
        )

    assert result["data"]["orderFulfillmentUpdateTracking"]["errors"] == []
    sent.refresh_from_db()
    assert sent.tracking_number == "1Z999AA10123456784"
    assert len(without_version_bumps(queued)) == 1  # the shipped email, again


def test_the_dashboard_marks_an_unpaid_order_paid(ops_api, customer_order):
    TransactionItem.objects.filter(order=customer_order).delete()
    type(customer_order).objects.filter(pk=customer_order.pk).update(
        total_charged_amount=0, charge_status="none"
    )

    result = ops_api(
        dashboard_document("OrderMarkAsPaid"),
        {"id": gid("Order", customer_order.token), "transactionReference": "BANK-7"},
    )

    assert result["data"]["orderMarkAsPaid"]["errors"] == []
    item = TransactionItem.objects.get(order=customer_order)
    assert (item.psp_reference, item.amount_charged_value) == (
        "BANK-7",
        customer_order.total_amount,
    )


def test_the_dashboard_cancels_an_order_and_releases_its_stock(
    ops_api, customer_order, variant, warehouse
):
    result = ops_api(
        dashboard_document("OrderCancel"), {"id": gid("Order", customer_order.token)}
    )

    assert result["data"]["orderCancel"]["errors"] == []
    customer_order.refresh_from_db()
    assert customer_order.status == OrderStatus.CANCELED
    assert stock_of(variant, warehouse) == (10, 0)


def test_the_dashboard_cannot_cancel_a_fulfilled_order(
    ops_api, customer_order, sent, variant, warehouse
):
    result = ops_api(
        dashboard_document("OrderCancel"), {"id": gid("Order", customer_order.token)}
    )

    (error,) = result["data"]["orderCancel"]["errors"]
    assert (error["field"], error["code"]) == ("id", "CANNOT_CANCEL_ORDER")
    assert stock_of(variant, warehouse) == (8, 0)


def test_the_dashboard_adds_a_note_to_the_timeline(ops_api, customer_order):
    result = ops_api(
        dashboard_document("OrderNoteAdd"),
        {"order": gid("Order", customer_order.token), "input": {"message": "Fragile"}},
    )

    payload = result["data"]["orderNoteAdd"]
    assert payload["errors"] == []
    assert (
        payload["order"]["events"][-1]["type"],
        payload["order"]["events"][-1]["message"],
    ) == (
        "NOTE_ADDED",
        "Fragile",
    )


def test_the_dashboard_refunds_part_of_a_transaction(payments_api, customer_order):
    payment = customer_order.payment_transactions.get()
    charged = payment.amount_charged_value

    result = payments_api(
        dashboard_document("OrderTransactionRequestAction"),
        {
            "action": "REFUND",
            "transactionId": gid("TransactionItem", payment.token),
            "amount": "4.00",
            "reason": "Scratched",
        },
    )

    assert result["data"]["transactionRequestAction"]["errors"] == []
    payment.refresh_from_db()
    assert payment.amount_charged_value == charged - Decimal("4.00")
    assert payment.amount_refunded_value == Decimal("4.00")


def test_a_reason_reference_is_refused_without_a_reason_page_type(
    payments_api, customer_order
):
    payment = customer_order.payment_transactions.get()
    charged = payment.amount_charged_value

    result = payments_api(
        dashboard_document("OrderTransactionRequestAction"),
        {
            "action": "REFUND",
            "transactionId": gid("TransactionItem", payment.token),
            "amount": "4.00",
            "reasonReferenceId": gid("Page", 1),
        },
    )

    (error,) = result["data"]["transactionRequestAction"]["errors"]
    assert (error["field"], error["code"]) == ("refundReasonReference", "INVALID")
    payment.refresh_from_db()
    assert payment.amount_charged_value == charged


def test_the_dashboard_grants_a_refund_for_a_line(ops_api, customer_order):
    payment = customer_order.payment_transactions.get()
    line = customer_order.lines.get()

    result = ops_api(
        dashboard_document("OrderGrantRefundAddWithOrder"),
        {
            "orderId": gid("Order", customer_order.token),
            "lines": [{"id": gid("OrderLine", line.pk), "quantity": 1}],
            "transactionId": gid("TransactionItem", payment.token),
            "reason": "Broken",
        },
    )

    assert result["data"]["orderGrantRefundCreate"]["errors"] == []
    granted = OrderGrantedRefund.objects.get(order=customer_order)
    assert (granted.amount_value, granted.reason) == (line.unit_price_amount, "Broken")


@pytest.mark.parametrize(
    "name",
    [
        "FulfillOrder",
        "OrderCancel",
        "OrderMarkAsPaid",
        "OrderNoteAdd",
        "OrderTransactionRequestAction",
        "OrderGrantRefundAdd",
    ],
)
def test_a_merchandiser_is_refused_every_order_action(
    merchandiser_api, customer_order, warehouse, name
):
    payment = customer_order.payment_transactions.get()
    before = (
        customer_order.events.count(),
        TransactionItem.objects.count(),
        payment.amount_charged_value,
        Fulfillment.objects.count(),
    )
    variables = {
        "FulfillOrder": fulfil_variables(customer_order, warehouse),
        "OrderCancel": {"id": gid("Order", customer_order.token)},
        "OrderMarkAsPaid": {"id": gid("Order", customer_order.token)},
        "OrderNoteAdd": {
            "order": gid("Order", customer_order.token),
            "input": {"message": "x"},
        },
        "OrderTransactionRequestAction": {
            "action": "REFUND",
            "transactionId": gid("TransactionItem", payment.token),
        },
        "OrderGrantRefundAdd": {
            "orderId": gid("Order", customer_order.token),
            "amount": "1.00",
            "transactionId": gid("TransactionItem", payment.token),
        },
    }[name]

    result = merchandiser_api(dashboard_document(name), variables)

    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    payment.refresh_from_db()
    customer_order.refresh_from_db()
    assert customer_order.status == OrderStatus.UNFULFILLED
    assert (
        customer_order.events.count(),
        TransactionItem.objects.count(),
        payment.amount_charged_value,
        Fulfillment.objects.count(),
    ) == before
