"""Operations staff, refused roles, and open orders with ship-by moments."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from backend.account.services import staff_groups_sync
from backend.order.models import Order, OrderLine
from tests import factories

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
