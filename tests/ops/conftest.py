"""Operations staff, refused roles, and open orders with ship-by moments."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from backend.account.services import staff_groups_sync
from backend.checkout.complete import checkout_complete
from backend.order.models import Order, OrderLine
from tests import factories
from tests.fixtures.checkout import paid_with

NEW_YORK = ZoneInfo("America/New_York")
# Tuesday 17 November 2026, 10:00 in New York.
NOW = datetime.datetime(2026, 11, 17, 10, tzinfo=NEW_YORK)


@pytest.fixture
def staff_groups(db):
    return staff_groups_sync()


def _staff(groups, group: str, email: str):
    user = factories.UserFactory(email=email, is_staff=True)
    user.groups.add(groups[group])
    return user


@pytest.fixture
def ops_client(client, staff_groups):
    client.force_login(_staff(staff_groups, "Operations", "ops@example.com"))
    return client


@pytest.fixture
def merch_client(client, staff_groups):
    client.force_login(_staff(staff_groups, "Merchandisers", "merch@example.com"))
    return client


@pytest.fixture
def customer_client(client, db):
    client.force_login(factories.UserFactory(email="shopper@example.com"))
    return client


def make_open_order(*, channel, ship_by, quantity=1, method=None, city="RENO"):
    """Write an open order straight to the tables, as checkout_complete would."""
    order = Order.objects.create(
        channel=channel,
        user_email="buyer@example.com",
        shipping_address=factories.AddressFactory(city=city),
        shipping_method=method,
        shipping_method_name=method.name if method else "Ground",
        currency="USD",
        ship_by=ship_by,
        promised_earliest=ship_by.date() + datetime.timedelta(days=1)
        if ship_by
        else None,
        promised_latest=ship_by.date() + datetime.timedelta(days=2)
        if ship_by
        else None,
    )
    OrderLine.objects.create(
        order=order,
        product_name="Stretch Strap",
        variant_name="Blue",
        product_sku=f"SKU-{order.number}",
        quantity=quantity,
        currency="USD",
        unit_price_amount=Decimal("19.99"),
        total_price_amount=Decimal("19.99") * quantity,
    )
    return order


@pytest.fixture
def order(ready_checkout):
    """Two of the variant, held in the channel's warehouse (10 on hand)."""
    return checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order


def order_url(order, suffix=""):
    return f"/ops/orders/{order.number}/{suffix}"


def fulfil_form(
    order, warehouse, quantity="2", tracking="1Z999AA10123456784", notify=True
):
    """The order page's fulfil form for its one line, all from one warehouse."""
    line = order.lines.get()
    form = {
        f"quantity_{line.pk}": quantity,
        f"warehouse_{line.pk}": str(warehouse.pk),
        "carrier": "UPS",
        "tracking_number": tracking,
    }
    if notify:
        form["notify_customer"] = "on"
    return form
