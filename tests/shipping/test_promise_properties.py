"""Properties every promise keeps, whatever the rules and the moment."""

from datetime import UTC, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from backend.shipping.promise import (
    MethodSchedule,
    PromiseLine,
    WarehouseSchedule,
    delivery_promise,
)

from .promise_rules import HOLIDAYS

ZONES = ["America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Tokyo"]

weekdays = st.frozensets(st.integers(0, 6), min_size=1)
moments = st.datetimes(
    min_value=datetime(2026, 1, 1),
    max_value=datetime(2027, 12, 31),
    timezones=st.just(UTC),
)


@st.composite
def warehouses(draw):
    days = draw(weekdays)
    return WarehouseSchedule(
        warehouse_id=1,
        name="Anywhere",
        time_zone=draw(st.sampled_from(ZONES)),
        cutoffs={
            day: draw(st.times(min_value=time(1), max_value=time(23))) for day in days
        },
        handling_days=draw(st.integers(0, 3)),
        holidays=HOLIDAYS,
    )


@st.composite
def methods(draw):
    minimum = draw(st.integers(0, 5))
    return MethodSchedule(
        method_id=1,
        name="Any",
        minimum_days=minimum,
        maximum_days=minimum + draw(st.integers(0, 5)),
        delivery_weekdays=draw(weekdays),
        holidays=HOLIDAYS,
    )


def _promise(now, warehouse, method, bulky=False):
    return delivery_promise(
        now=now,
        lines=[PromiseLine(variant_id=1, quantity=1, available={1: 5}, bulky=bulky)],
        postal_code="",
        method=method,
        warehouses=[warehouse],
        claim_max_days=2,
    )


@settings(max_examples=300, deadline=None)
@given(now=moments, warehouse=warehouses(), method=methods(), bulky=st.booleans())
def test_earliest_is_never_after_latest(now, warehouse, method, bulky):
    result = _promise(now, warehouse, method, bulky)

    assert result.earliest <= result.latest


@settings(max_examples=300, deadline=None)
@given(now=moments, warehouse=warehouses(), method=methods())
def test_delivery_dates_fall_on_the_methods_business_days(now, warehouse, method):
    result = _promise(now, warehouse, method)

    assert method.delivers_on(result.earliest)
    assert method.delivers_on(result.latest)


@settings(max_examples=300, deadline=None)
@given(now=moments, warehouse=warehouses(), method=methods())
def test_order_by_deadline_is_in_the_future(now, warehouse, method):
    result = _promise(now, warehouse, method)

    assert result.order_by > now
    assert result.ship_by >= result.order_by


@settings(max_examples=300, deadline=None)
@given(
    now=moments,
    warehouse=warehouses(),
    method=methods(),
    later=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=10)),
)
def test_missing_the_deadline_never_makes_dates_earlier(now, warehouse, method, later):
    before = _promise(now, warehouse, method)

    after = _promise(before.order_by + later, warehouse, method)

    assert after.earliest >= before.earliest
    assert after.latest >= before.latest
    assert after.order_by > before.order_by


@settings(max_examples=300, deadline=None)
@given(now=moments, warehouse=warehouses(), method=methods(), bulky=st.booleans())
def test_business_days_count_lands_on_the_promised_dates(now, warehouse, method, bulky):
    # "2-4 business days" counted from today in the carrier's calendar names
    # the same days as the promised dates, holidays and weekends skipped.
    result = _promise(now, warehouse, method, bulky)
    today = now.astimezone(warehouse.tz).date()

    for days, promised in (
        (result.earliest_in_days, result.earliest),
        (result.latest_in_days, result.latest),
    ):
        if days == 0:
            assert promised == today
        else:
            assert method.add_delivery_days(today, days) == promised
