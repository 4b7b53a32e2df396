"""Operations hear once about each order about to miss its ship-by."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection

from backend.account.services import staff_groups_sync
from backend.order.alerts import orders_at_risk_alert
from backend.order.models import Order, OrderStatus
from tests import factories
from tests.ops.conftest import make_open_order

NOW = datetime.datetime(2026, 11, 17, 15, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def operations_staff(db):
    groups = staff_groups_sync()
    user = factories.UserFactory(email="ops@example.com", is_staff=True)
    user.groups.add(groups["Operations"])
    merch = factories.UserFactory(email="merch@example.com", is_staff=True)
    merch.groups.add(groups["Merchandisers"])
    return user


@pytest.mark.django_db
def test_orders_due_within_the_window_are_alerted_once(
    channel, operations_staff, django_capture_on_commit_callbacks
):
    soon = make_open_order(channel=channel, ship_by=NOW + HOUR)
    make_open_order(channel=channel, ship_by=NOW + 10 * HOUR)

    with django_capture_on_commit_callbacks(execute=True):
        first = orders_at_risk_alert(now=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        second = orders_at_risk_alert(now=NOW + HOUR)

    assert (first, second) == ([soon.number], [])
    assert [m.to for m in mail.outbox] == [["ops@example.com"]]
    assert f"#{soon.number}: ship by" in mail.outbox[0].body


@pytest.mark.django_db
def test_sent_and_canceled_orders_raise_no_alert(channel, operations_staff):
    sent = make_open_order(channel=channel, ship_by=NOW)
    sent.status = OrderStatus.FULFILLED
    sent.save(update_fields=["status"])
    canceled = make_open_order(channel=channel, ship_by=NOW)
    canceled.status = OrderStatus.CANCELED
    canceled.save(update_fields=["status"])

    assert orders_at_risk_alert(now=NOW) == []


@pytest.mark.django_db(transaction=True)
def test_two_beat_runs_at_once_alert_each_order_once(channel, operations_staff):
    orders = [make_open_order(channel=channel, ship_by=NOW) for _ in range(20)]
    results: list = [None, None]
    barrier = threading.Barrier(2)

    def run(index):
        try:
            barrier.wait(timeout=10)
            results[index] = orders_at_risk_alert(now=NOW)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    alerted = results[0] + results[1]
    assert sorted(alerted) == sorted(order.number for order in orders)
    assert Order.objects.filter(ship_by_alert_sent_at__isnull=True).count() == 0
