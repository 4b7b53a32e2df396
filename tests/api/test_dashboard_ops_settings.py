"""Settings the dashboard's order screens read, as an operations user.

The Operations group (ops@example.com in the demo) opens the refund and
fulfil screens: RefundSettings / ReturnSettings (no permission in Saleor's
schema) and OrderFulfillSettings (MANAGE_SETTINGS on the stock and checkout
limits). The documents are read from ../shared at test time.
"""

import pytest
from django.test import Client

from backend.account.services import staff_groups_sync
from backend.warehouse.selectors import MAX_CHECKOUT_LINE_QUANTITY
from tests import factories
from tests.api.client import GraphQLClient
from tests.api.dashboard_documents import dashboard_document

pytestmark = pytest.mark.django_db

REFUND_SETTINGS = ("refundsSettings/queries.ts", "RefundSettings")
RETURN_SETTINGS = ("refundsSettings/queries.ts", "ReturnSettings")
FULFILL_SETTINGS = ("orders/queries.ts", "OrderFulfillSettings")


@pytest.fixture
def operations_api(db):
    user = factories.UserFactory(is_staff=True, email="ops@example.com")
    user.groups.add(staff_groups_sync()["Operations"])
    return GraphQLClient(Client()).login(user)


@pytest.fixture
def customer_api(db):
    return GraphQLClient(Client()).login(factories.UserFactory())


def test_refund_settings_answer_operations_with_no_reason_page_type(operations_api):
    result = operations_api(dashboard_document(*REFUND_SETTINGS))

    assert result == {"data": {"refundSettings": {"reasonReferenceType": None}}}


def test_return_settings_answer_operations_with_no_reason_page_type(operations_api):
    result = operations_api(dashboard_document(*RETURN_SETTINGS))

    assert result == {"data": {"returnSettings": {"reasonReferenceType": None}}}


def test_order_fulfill_settings_answer_operations(operations_api, settings):
    settings.RESERVE_STOCK_DURATION_ANONYMOUS_USER = 10
    settings.RESERVE_STOCK_DURATION_AUTHENTICATED_USER = 20

    result = operations_api(dashboard_document(*FULFILL_SETTINGS))

    assert "errors" not in result
    shop = result["data"]["shop"]
    assert shop["reserveStockDurationAnonymousUser"] == 10
    assert shop["reserveStockDurationAuthenticatedUser"] == 20
    assert shop["limitQuantityPerCheckout"] == MAX_CHECKOUT_LINE_QUANTITY


def test_order_fulfill_settings_refused_to_a_customer(customer_api):
    result = customer_api(dashboard_document(*FULFILL_SETTINGS))

    refused = {tuple(error["path"]) for error in result["errors"]}
    assert refused == {
        ("shop", "reserveStockDurationAnonymousUser"),
        ("shop", "reserveStockDurationAuthenticatedUser"),
        ("shop", "limitQuantityPerCheckout"),
    }
    assert result["errors"][0]["message"] == (
        "To access this path, you need one of the following permissions: "
        "MANAGE_SETTINGS"
    )


def test_order_fulfill_settings_refused_to_anonymous(api):
    result = api(dashboard_document(*FULFILL_SETTINGS))

    assert result["data"]["shop"]["limitQuantityPerCheckout"] is None
    assert result["errors"][0]["path"][0] == "shop"
