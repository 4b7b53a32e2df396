"""Ops pages and staff emails tell time in the operations zone, named."""

import datetime

import pytest
import time_machine
from django.core import mail

from backend.account.services import staff_groups_sync
from backend.order.alerts import orders_at_risk_alert
from tests import factories

from .conftest import NOW, make_open_order, order_url

pytestmark = pytest.mark.django_db
# 22:00 UTC: 2:00 PM in Reno, 5:00 PM in New York.
SHIP_BY = datetime.datetime(2026, 11, 17, 22, tzinfo=datetime.UTC)


@pytest.fixture
def reno(channel, settings):
    """The main warehouse keeps Pacific time; no zone is configured."""
    settings.OPERATIONS_TIME_ZONE = ""
    return factories.WarehouseFactory(
        channels=[channel], time_zone="America/Los_Angeles"
    )


@time_machine.travel(NOW, tick=False)
def test_the_queue_shows_ship_by_in_the_main_warehouses_zone_with_its_name(
    ops_client, channel, reno
):
    make_open_order(channel=channel, ship_by=SHIP_BY)

    page = ops_client.get("/ops/").content.decode()

    assert ">Tue 17 Nov, 2:00 PM PST</time>" in page
    assert "UTC" not in page


@time_machine.travel(NOW, tick=False)
def test_the_operations_time_zone_setting_wins_over_the_warehouses(
    ops_client, channel, reno, settings
):
    settings.OPERATIONS_TIME_ZONE = "America/New_York"
    make_open_order(channel=channel, ship_by=SHIP_BY)

    page = ops_client.get("/ops/").content.decode()

    assert ">Tue 17 Nov, 5:00 PM EST</time>" in page


@time_machine.travel(NOW, tick=False)
def test_the_order_page_shows_ship_by_and_events_in_the_operations_zone(
    ops_client, channel, reno
):
    order = make_open_order(channel=channel, ship_by=SHIP_BY)

    page = ops_client.get(order_url(order)).content.decode()

    assert "<dt>Ship by</dt><dd>Tue 17 Nov, 2:00 PM PST</dd>" in page
    assert "<dt>Placed</dt><dd>Tue 17 Nov 2026, 7:00 AM PST</dd>" in page


@time_machine.travel(NOW, tick=False)
def test_due_today_ends_at_midnight_in_the_operations_zone(ops_client, channel, reno):
    # 06:00 UTC on the 18th is still 10 PM on the 17th in Reno.
    late_evening = make_open_order(
        channel=channel, ship_by=datetime.datetime(2026, 11, 18, 6, tzinfo=datetime.UTC)
    )

    page = ops_client.get("/ops/").content.decode()

    today = page.split('class="lane lane-today"', 1)[1].split("</section>", 1)[0]
    assert f'data-order="{late_evening.number}"' in today


def test_the_at_risk_email_gives_ship_by_in_the_operations_zone(
    channel, reno, django_capture_on_commit_callbacks
):
    groups = staff_groups_sync()
    staff = factories.UserFactory(email="ops@example.com", is_staff=True)
    staff.groups.add(groups["Operations"])
    order = make_open_order(channel=channel, ship_by=SHIP_BY)

    with django_capture_on_commit_callbacks(execute=True):
        orders_at_risk_alert(now=SHIP_BY - datetime.timedelta(hours=1))

    (email,) = mail.outbox
    assert email.subject == "1 order is about to miss its ship-by time"
    assert f"#{order.number}: ship by Tue 17 Nov, 2:00 PM PST" in email.body
