"""Saleor's dashboard signs in, reloads, signs out and draws its shell.

Each test sends the dashboard's own documents, read from
../shared/clients/saleor-dashboard at test time (never copied here), as a
merchandiser, an operations user and the admin of the demo's staff groups.
"""

import pytest

from backend.account.services import staff_groups_sync
from backend.checkout.complete import checkout_complete
from backend.core.permissions import STAFF_GROUPS, PermissionEnum
from backend.order.services import order_cancel
from tests import factories
from tests.api.dashboard_documents import dashboard_document as document
from tests.fixtures.checkout import make_ready_checkout, paid_with

PASSWORD = "Secret-pass-123"

# Saleor's enum: every store permission but Lumbar's ops-only one.
EVERY_CODE = {p.name for p in PermissionEnum} - {"MANAGE_OBSERVABILITY"}
CODES = {
    "Merchandisers": {p.name for p in STAFF_GROUPS["Merchandisers"]},
    "Operations": {p.name for p in STAFF_GROUPS["Operations"]},
    "admin": EVERY_CODE,
}


def login_document():
    return document("legacy-sdk/apollo/mutations.ts", "loginWithoutDetails")


def user_details():
    return document("auth/queries.ts", "UserDetails")


@pytest.fixture
def groups(db):
    return staff_groups_sync()


@pytest.fixture
def staff(groups, channel):
    """The demo's three kinds of staff: two groups and a superuser."""
    merch = factories.UserFactory(email="merch@example.com", is_staff=True)
    merch.groups.add(groups["Merchandisers"])
    ops = factories.UserFactory(email="ops@example.com", is_staff=True)
    ops.groups.add(groups["Operations"])
    admin = factories.UserFactory(
        email="admin@example.com", is_staff=True, is_superuser=True
    )
    return {"Merchandisers": merch, "Operations": ops, "admin": admin}


def sign_in(api, email: str) -> dict:
    """Sign in as the dashboard does; return tokenCreate's answer."""
    answer = api(login_document(), {"email": email, "password": PASSWORD})
    assert "errors" not in answer
    result = answer["data"]["tokenCreate"]
    assert result["errors"] == []
    api.token = result["token"]
    return result


ROLES = ["Merchandisers", "Operations", "admin"]


@pytest.mark.parametrize("role", ROLES)
def test_staff_sign_in_and_read_their_permissions_and_channels(api, staff, role):
    sign_in(api, staff[role].email)

    answer = api(user_details())

    assert "errors" not in answer
    me = answer["data"]["me"]
    assert me["email"] == staff[role].email
    assert me["isStaff"] is True
    assert {p["code"] for p in me["userPermissions"]} == CODES[role]
    assert [c["slug"] for c in me["accessibleChannels"]] == ["default-channel"]
    assert me["accessibleChannels"][0]["stockSettings"] == {
        "allocationStrategy": "PRIORITIZE_SORTING_ORDER"
    }
    assert me["restrictedAccessToChannels"] is False


@pytest.mark.parametrize("role", ROLES)
def test_a_reload_refreshes_the_token_and_stays_signed_in(api, staff, role):
    refresh = sign_in(api, staff[role].email)["refreshToken"]
    api.logout()  # the reloaded page holds only the refresh token

    answer = api(
        document("legacy-sdk/apollo/mutations.ts", "refreshTokenWithUser"),
        {"refreshToken": refresh},
    )
    assert "errors" not in answer
    refreshed = answer["data"]["tokenRefresh"]
    api.token = refreshed["token"]

    assert refreshed["errors"] == []
    assert refreshed["user"]["email"] == staff[role].email
    assert api(user_details())["data"]["me"]["email"] == staff[role].email


def test_after_sign_out_the_dashboard_reads_no_user(api, staff):
    sign_in(api, staff["Operations"].email)

    api.logout()  # the dashboard forgets its tokens; no external plugin
    answer = api(user_details())

    assert answer == {"data": {"me": None}}


@pytest.mark.parametrize("role", ROLES)
def test_the_shell_queries_answer_without_errors(api, staff, role):
    sign_in(api, staff[role].email)

    shop = api(document("components/Shop/queries.ts", "ShopInfo"))
    channels = api(document("channels/queries.ts", "BaseChannels"))
    announcements = api(document("announcements/queries.ts", "Announcements"))

    assert "errors" not in shop
    assert "errors" not in channels
    assert announcements == {"data": {"shop": {"announcements": []}}}
    assert [c["slug"] for c in channels["data"]["channels"]] == ["default-channel"]
    assert {p["code"] for p in shop["data"]["shop"]["permissions"]} == EVERY_CODE


@pytest.mark.parametrize("role", ROLES)
def test_the_navigation_finds_no_app_extensions(api, staff, role):
    sign_in(api, staff[role].email)

    answer = api(
        document("extensions/queries.ts", "ExtensionList"),
        {"filter": {"mountName": ["NAVIGATION_CATALOG", "NAVIGATION_ORDERS"]}},
    )

    assert answer == {"data": {"appExtensions": {"edges": []}}}


@pytest.mark.parametrize("role", ROLES)
def test_the_home_page_asks_for_order_activity_only_with_manage_orders(
    api, staff, role
):
    sign_in(api, staff[role].email)
    # The dashboard decides from UserDetails' permissions.
    codes = {p["code"] for p in api(user_details())["data"]["me"]["userPermissions"]}
    may = "MANAGE_ORDERS" in codes
    variables = {"channel": "default-channel", "hasPermissionToManageOrders": may}

    activities = api(
        document("welcomePage/queries.ts", "WelcomePageActivities"), variables
    )
    analytics = api(
        document("welcomePage/queries.ts", "WelcomePageAnalytics"), variables
    )

    assert "errors" not in activities
    assert "errors" not in analytics
    assert ("activities" in activities["data"]) is may
    assert ("salesToday" in analytics["data"]) is may


@pytest.fixture
def placed_orders(ready_checkout, channel, shipping_method, variant):
    """Two orders of the channel; the second canceled."""
    kept = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order
    other = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )
    canceled = checkout_complete(
        checkout_token=other.token, payment=paid_with("tok_success")
    ).order
    order_cancel(order_id=canceled.pk)
    return kept, canceled


def test_operations_see_todays_sales_and_the_orders_placed(api, staff, placed_orders):
    kept, canceled = placed_orders
    sign_in(api, staff["Operations"].email)
    variables = {"channel": "default-channel", "hasPermissionToManageOrders": True}

    activities = api(
        document("welcomePage/queries.ts", "WelcomePageActivities"), variables
    )
    analytics = api(
        document("welcomePage/queries.ts", "WelcomePageAnalytics"), variables
    )

    events = [edge["node"] for edge in activities["data"]["activities"]["edges"]]
    assert [(e["type"], e["orderNumber"]) for e in events] == [
        ("PLACED", str(kept.number)),
        ("PLACED", str(canceled.number)),
    ]
    assert analytics["data"]["salesToday"]["gross"] == {
        "amount": float(kept.total_amount),
        "currency": "USD",
    }


def test_a_merchandiser_asking_for_order_activity_is_refused(api, staff):
    sign_in(api, staff["Merchandisers"].email)
    variables = {"channel": "default-channel", "hasPermissionToManageOrders": True}

    answer = api(document("welcomePage/queries.ts", "WelcomePageActivities"), variables)

    assert answer["data"] == {"activities": None}
    assert answer["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_a_customer_signed_in_gets_no_staff_data(api, channel):
    customer = factories.UserFactory(email="shopper@example.com")
    sign_in(api, customer.email)

    me = api(user_details())["data"]["me"]
    channels = api(document("channels/queries.ts", "BaseChannels"))

    assert me["isStaff"] is False
    assert me["userPermissions"] == []
    assert me["accessibleChannels"] == []
    assert channels["data"] == {"channels": None}
    assert channels["errors"][0]["extensions"]["exception"]["code"] == (
        "PermissionDenied"
    )
