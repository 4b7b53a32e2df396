"""The ship-by queue: lanes by deadline, counts, filters, who may see it."""

import datetime

import pytest
import time_machine

from backend.order import queue
from backend.order.models import OrderStatus
from tests import factories

from .conftest import NEW_YORK, NOW, make_open_order

pytestmark = pytest.mark.django_db

URL = "/ops/"


def lane_numbers(page: str, lane: str) -> list[int]:
    section = page.split(f'class="lane lane-{lane}"', 1)[1].split("</section>", 1)[0]
    return [int(chunk.split('"', 1)[0]) for chunk in section.split('data-order="')[1:]]


@time_machine.travel(NOW, tick=False)
def test_orders_fall_into_lanes_by_ship_by_soonest_first(ops_client, channel):
    hour = datetime.timedelta(hours=1)
    late = make_open_order(channel=channel, ship_by=NOW - hour)
    today_later = make_open_order(channel=channel, ship_by=NOW + 4 * hour)
    today_soon = make_open_order(channel=channel, ship_by=NOW + hour)
    tomorrow = make_open_order(channel=channel, ship_by=NOW + 28 * hour)
    later = make_open_order(channel=channel, ship_by=NOW + 72 * hour)
    unknown = make_open_order(channel=channel, ship_by=None)

    page = ops_client.get(URL).content.decode()

    assert lane_numbers(page, "late") == [late.number]
    assert lane_numbers(page, "today") == [today_soon.number, today_later.number]
    assert lane_numbers(page, "tomorrow") == [tomorrow.number]
    assert lane_numbers(page, "later") == [later.number, unknown.number]
    assert 'data-testid="count-today">2<' in page


@time_machine.travel(NOW, tick=False)
def test_fulfilled_and_canceled_orders_leave_the_queue(ops_client, channel):
    done = make_open_order(channel=channel, ship_by=NOW)
    done.status = OrderStatus.FULFILLED
    done.save(update_fields=["status"])
    gone = make_open_order(channel=channel, ship_by=NOW)
    gone.status = OrderStatus.CANCELED
    gone.save(update_fields=["status"])

    page = ops_client.get(URL).content.decode()

    assert f'data-order="{done.number}"' not in page
    assert f'data-order="{gone.number}"' not in page
    assert "0 open" in page


@time_machine.travel(NOW, tick=False)
def test_the_queue_filters_by_shipping_method(ops_client, channel, shipping_method):
    express = factories.ShippingMethodFactory(
        shipping_zone=shipping_method.shipping_zone, name="Express"
    )
    due = NOW + datetime.timedelta(hours=2)
    ground = make_open_order(channel=channel, ship_by=due, method=shipping_method)
    make_open_order(channel=channel, ship_by=due, method=express)

    page = ops_client.get(f"{URL}?method={shipping_method.pk}").content.decode()

    assert lane_numbers(page, "today") == [ground.number]
    assert "1 open" in page


@time_machine.travel(NOW, tick=False)
def test_the_lanes_fragment_refreshes_alone(ops_client, channel):
    make_open_order(channel=channel, ship_by=NOW)

    page = ops_client.get(f"{URL}?fragment=lanes").content.decode()

    assert page.lstrip().startswith("<section")
    assert "<html" not in page


@time_machine.travel(NOW, tick=False)
def test_a_lane_past_the_count_limit_says_more_than_the_limit(
    ops_client, channel, monkeypatch
):
    monkeypatch.setattr(queue, "LANE_COUNT_LIMIT", 2)
    hour = datetime.timedelta(hours=1)
    late = [make_open_order(channel=channel, ship_by=NOW - hour) for _ in range(3)]
    today = make_open_order(channel=channel, ship_by=NOW + hour)

    page = ops_client.get(URL).content.decode()

    # Every late order is still listed; only the count stops at the limit.
    assert lane_numbers(page, "late") == sorted(order.number for order in late)
    assert 'data-testid="count-late">more than 2<' in page
    assert "Showing the first 3 of more than 2." in page
    assert lane_numbers(page, "today") == [today.number]
    assert 'data-testid="count-today">1<' in page
    # The total adds what was counted and says there is more.
    assert "more than 3 open" in page


@time_machine.travel(NOW, tick=False)
def test_a_lane_at_the_count_limit_is_counted_exactly(ops_client, channel, monkeypatch):
    monkeypatch.setattr(queue, "LANE_COUNT_LIMIT", 2)
    for _ in range(2):
        make_open_order(channel=channel, ship_by=NOW - datetime.timedelta(hours=1))

    page = ops_client.get(URL).content.decode()

    assert 'data-testid="count-late">2<' in page
    assert "more than" not in page
    assert "2 open" in page


@time_machine.travel(NOW, tick=False)
def test_queue_rows_show_promise_ship_by_and_link_in_the_team_zone(
    ops_client, channel, settings
):
    settings.OPERATIONS_TIME_ZONE = "America/New_York"
    ship_by = datetime.datetime(2026, 11, 17, 15, 30, tzinfo=NEW_YORK)
    order = make_open_order(channel=channel, ship_by=ship_by)
    order.promised_earliest = datetime.date(2026, 11, 19)
    order.promised_latest = datetime.date(2026, 11, 20)
    order.save(update_fields=["promised_earliest", "promised_latest"])
    same_day = make_open_order(channel=channel, ship_by=None)
    same_day.promised_earliest = same_day.promised_latest = datetime.date(2026, 11, 23)
    same_day.save(update_fields=["promised_earliest", "promised_latest"])

    page = ops_client.get(URL).content.decode()

    assert f'<a href="/ops/orders/{order.number}/">#{order.number}</a>' in page
    assert "<td>Thu 19 Nov – Fri 20 Nov</td>" in page
    assert (
        '<time datetime="2026-11-17T15:30:00-05:00">Tue 17 Nov, 3:30 PM EST</time>'
        in page
    )
    assert "<td>Mon 23 Nov</td>" in page


@pytest.mark.parametrize("count", [2, 12])
@time_machine.travel(NOW, tick=False)
def test_queue_page_query_count_does_not_grow(
    ops_client, channel, count, django_assert_num_queries
):
    hour = datetime.timedelta(hours=1)
    for index in range(count):
        make_open_order(channel=channel, ship_by=NOW + (index * 7 % 80 - 10) * hour)

    # Session, user, permissions, the main warehouse (the ops time zone),
    # lane counts, four lanes, warehouses, methods: the same for 2 or 12.
    with django_assert_num_queries(11):
        response = ops_client.get(URL)

    assert response.status_code == 200


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/ops/")


@pytest.mark.parametrize("who", ["merch_client", "customer_client"])
def test_merchandisers_and_customers_are_refused(who, request):
    response = request.getfixturevalue(who).get(URL)

    assert response.status_code == 403
