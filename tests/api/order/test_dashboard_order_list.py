"""The dashboard's order list and draft list, sent as the dashboard sends them.

The documents are read from Saleor's dashboard in ../shared at test time;
each where-field the dashboard's filters build is tested on real orders.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.models import Order
from tests import factories
from tests.api.dashboard_documents import dashboard_document

from .conftest import place_order


def gid(type_name, pk) -> str:
    return to_global_id(type_name, str(pk))


@pytest.fixture
def sent_order(customer_order, warehouse):
    """The customer's paid order, all sent from the warehouse."""
    line = customer_order.lines.get()
    order_fulfil(
        order_id=customer_order.pk,
        lines=[
            FulfilLine(order_line_id=line.pk, quantity=2, warehouse_id=warehouse.pk)
        ],
        tracking_number="1Z999AA10123456784",
    )
    customer_order.refresh_from_db()
    return customer_order


@pytest.fixture
def unpaid_order(channel, shipping_method, variant):
    """A guest's order from last week, nothing charged, billed to Canada."""
    order = place_order(
        channel=channel, shipping_method=shipping_method, variant=variant
    )
    Order.objects.filter(pk=order.pk).update(
        total_charged_amount=Decimal(0),
        charge_status="none",
        authorize_status="none",
        created_at=timezone.now() - datetime.timedelta(days=7),
        metadata={"campaign": "spring"},
    )
    order.billing_address.country = "CA"
    order.billing_address.save(update_fields=["country"])
    order.refresh_from_db()
    return order


def listed(api, where=None, **variables):
    result = api(
        dashboard_document("OrderList"), {"first": 20, "where": where, **variables}
    )
    assert "errors" not in result, result.get("errors")
    return {int(edge["node"]["number"]) for edge in result["data"]["orders"]["edges"]}


def numbers(*orders) -> set[int]:
    return {order.number for order in orders}


def test_the_order_list_shows_what_the_dashboard_columns_read(
    ops_api, sent_order, unpaid_order
):
    result = ops_api(dashboard_document("OrderList"), {"first": 20})

    assert "errors" not in result, result.get("errors")
    rows = {
        edge["node"]["number"]: edge["node"]
        for edge in result["data"]["orders"]["edges"]
    }
    row = rows[str(sent_order.number)]
    assert row["status"] == "FULFILLED"
    assert row["paymentStatus"] == "FULLY_CHARGED"
    assert row["chargeStatus"] == "FULL"
    assert row["userEmail"] == "buyer@example.com"
    assert row["total"]["gross"] == {
        "__typename": "Money",
        "amount": 44.98,
        "currency": "USD",
    }
    assert row["billingAddress"]["country"]["code"] == "US"
    assert rows[str(unpaid_order.number)]["paymentStatus"] == "NOT_CHARGED"


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ({"status": {"eq": "FULFILLED"}}, "sent"),
        ({"status": {"oneOf": ["UNFULFILLED", "CANCELED"]}}, "unpaid"),
        ({"chargeStatus": {"eq": "NONE"}}, "unpaid"),
        ({"chargeStatus": {"oneOf": ["FULL", "OVERCHARGED"]}}, "sent"),
        ({"authorizeStatus": {"eq": "FULL"}}, "sent"),
        ({"hasFulfillments": True}, "sent"),
        ({"hasFulfillments": False}, "unpaid"),
        ({"fulfillments": [{"status": {"eq": "FULFILLED"}}]}, "sent"),
        ({"fulfillments": [{"status": {"eq": "CANCELED"}}]}, "none"),
        ({"isClickAndCollect": True}, "none"),
        ({"isClickAndCollect": False}, "both"),
        ({"isGiftCardUsed": True}, "none"),
        ({"isGiftCardBought": False}, "both"),
        ({"hasInvoices": True}, "none"),
        ({"hasInvoices": False}, "both"),
        ({"invoices": [{"createdAt": {"gte": "2020-01-01T00:00:00Z"}}]}, "none"),
        ({"linesCount": {"eq": 1}}, "both"),
        ({"linesCount": {"range": {"gte": 2}}}, "none"),
        ({"userEmail": {"eq": "buyer@example.com"}}, "both"),
        ({"metadata": {"key": "campaign", "value": {"eq": "spring"}}}, "unpaid"),
        ({"billingAddress": {"country": {"eq": "CA"}}}, "unpaid"),
        ({"shippingAddress": {"country": {"oneOf": ["US"]}}}, "both"),
        ({"totalGross": {"amount": {"oneOf": [44.98]}}}, "both"),
        ({"totalNet": {"amount": {"range": {"lte": 10}}}}, "none"),
        ({"events": [{"type": {"eq": "FULFILLMENT_FULFILLED_ITEMS"}}]}, "sent"),
        (
            {"transactions": [{"paymentMethodDetails": {"type": {"eq": "CARD"}}}]},
            "none",
        ),
        ({"lines": [{"metadata": {"key": "engraving"}}]}, "none"),
        (
            {
                "AND": [
                    {"status": {"eq": "FULFILLED"}},
                    {"chargeStatus": {"eq": "NONE"}},
                ]
            },
            "none",
        ),
        (
            {"OR": [{"status": {"eq": "FULFILLED"}}, {"chargeStatus": {"eq": "NONE"}}]},
            "both",
        ),
    ],
)
def test_a_where_filter_the_dashboard_builds_picks_the_right_orders(
    ops_api, sent_order, unpaid_order, where, expected
):
    wanted = {
        "sent": numbers(sent_order),
        "unpaid": numbers(unpaid_order),
        "both": numbers(sent_order, unpaid_order),
        "none": set(),
    }[expected]

    assert listed(ops_api, where) == wanted


def test_the_created_at_range_picks_the_orders_of_those_days(
    ops_api, sent_order, unpaid_order
):
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()

    assert listed(ops_api, {"AND": [{"createdAt": {"gte": since}}]}) == numbers(
        sent_order
    )
    assert listed(ops_api, {"createdAt": {"lte": since}}) == numbers(unpaid_order)


def test_the_updated_at_range_picks_the_orders_changed_since(
    ops_api, sent_order, unpaid_order
):
    later = (timezone.now() + datetime.timedelta(minutes=5)).isoformat()

    assert listed(ops_api, {"updatedAt": {"gte": later}}) == set()
    assert listed(ops_api, {"updatedAt": {"lte": later}}) == numbers(
        sent_order, unpaid_order
    )


def test_the_customer_filter_picks_the_orders_of_that_user(
    ops_api, sent_order, unpaid_order, customer_user
):
    where = {"user": {"eq": gid("User", customer_user.pk)}}

    assert listed(ops_api, where) == numbers(sent_order)


def test_the_channel_filter_picks_the_orders_of_that_channel(
    ops_api, sent_order, unpaid_order, channel
):
    other = factories.ChannelFactory(slug="wholesale")

    assert listed(ops_api, {"channelId": {"oneOf": [gid("Channel", channel.pk)]}}) == (
        numbers(sent_order, unpaid_order)
    )
    assert listed(ops_api, {"channelId": {"eq": gid("Channel", other.pk)}}) == set()


def test_the_number_and_id_filters_pick_those_orders(ops_api, sent_order, unpaid_order):
    assert listed(ops_api, {"number": {"oneOf": [unpaid_order.number]}}) == numbers(
        unpaid_order
    )
    assert listed(ops_api, {"ids": [gid("Order", sent_order.token)]}) == numbers(
        sent_order
    )


def test_the_fulfilment_warehouse_filter_picks_what_left_it(
    ops_api, sent_order, unpaid_order, warehouse
):
    elsewhere = factories.WarehouseFactory()

    here = {
        "fulfillments": [{"warehouse": {"id": {"eq": gid("Warehouse", warehouse.pk)}}}]
    }
    there = {"fulfillments": [{"warehouse": {"slug": {"eq": elsewhere.slug}}}]}
    assert listed(ops_api, here) == numbers(sent_order)
    assert listed(ops_api, there) == set()


def test_the_psp_reference_filter_picks_the_order_it_paid(
    ops_api, sent_order, unpaid_order
):
    reference = sent_order.payment_transactions.get().psp_reference

    where = {"transactions": [{"pspReference": {"eq": reference}}]}
    assert listed(ops_api, where) == numbers(sent_order)


def test_the_product_type_filter_picks_orders_with_such_a_line(
    ops_api, sent_order, variant
):
    other_type = factories.ProductTypeFactory()

    same = {
        "productTypeId": {"eq": gid("ProductType", variant.product.product_type_id)}
    }
    assert listed(ops_api, same) == numbers(sent_order)
    assert (
        listed(ops_api, {"productTypeId": {"eq": gid("ProductType", other_type.pk)}})
        == set()
    )


def test_search_and_sort_go_with_the_where_filter(ops_api, sent_order, unpaid_order):
    result = ops_api(
        dashboard_document("OrderList"),
        {
            "first": 20,
            "where": {"userEmail": {"eq": "buyer@example.com"}},
            "search": str(unpaid_order.number),
            "sort": {"direction": "ASC", "field": "NUMBER"},
        },
    )

    assert [edge["node"]["number"] for edge in result["data"]["orders"]["edges"]] == [
        str(unpaid_order.number)
    ]


def test_a_bad_id_in_a_where_filter_is_a_clear_error(ops_api, sent_order):
    result = ops_api(
        dashboard_document("OrderList"), {"first": 5, "where": {"ids": ["nope"]}}
    )

    assert result["data"]["orders"] is None
    assert "Invalid ID" in result["errors"][0]["message"]


def test_a_merchandiser_is_refused_the_order_list(merchandiser_api, sent_order):
    result = merchandiser_api(dashboard_document("OrderList"), {"first": 20})

    assert result["data"]["orders"] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_the_order_list_costs_the_same_for_2_or_6_orders(
    ops_api, channel, shipping_method, variant, warehouse, django_assert_num_queries
):
    variant.stocks.update(quantity=100)
    for _ in range(6):
        order = place_order(
            channel=channel, shipping_method=shipping_method, variant=variant
        )
        line = order.lines.get()
        order_fulfil(
            order_id=order.pk,
            lines=[
                FulfilLine(order_line_id=line.pk, quantity=1, warehouse_id=warehouse.pk)
            ],
        )
    document = dashboard_document("OrderList")
    where = {"AND": [{"status": {"oneOf": ["PARTIALLY_FULFILLED"]}}]}

    with django_assert_num_queries(LIST_QUERIES):
        few = ops_api(document, {"first": 2, "where": where})
    with django_assert_num_queries(LIST_QUERIES):
        many = ops_api(document, {"first": 6, "where": where})

    assert len(few["data"]["orders"]["edges"]) == 2
    assert len(many["data"]["orders"]["edges"]) == 6


# Measured: the token's user, their permissions, the page, and what the
# order list always prefetches (lines, variants, products).
LIST_QUERIES = 6


def test_the_draft_list_is_empty_for_lumbar_keeps_no_drafts(ops_api, sent_order):
    result = ops_api(
        dashboard_document("OrderDraftList"),
        {"first": 20, "filter": {"customer": "buyer"}},
    )

    assert result == {
        "data": {
            "draftOrders": {
                "edges": [],
                "pageInfo": {
                    "hasPreviousPage": False,
                    "hasNextPage": False,
                    "startCursor": None,
                    "endCursor": None,
                },
            }
        }
    }


def test_a_merchandiser_is_refused_the_draft_list(merchandiser_api):
    result = merchandiser_api(dashboard_document("OrderDraftList"), {"first": 20})

    assert result["data"]["draftOrders"] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
