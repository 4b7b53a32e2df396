"""Rules shared by the delivery-promise tests: two US warehouses, one carrier."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from backend.shipping.promise import (
    MethodSchedule,
    PostalCodeRule,
    PromiseLine,
    WarehouseSchedule,
)

NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
THANKSGIVING = date(2026, 11, 26)
DAY_AFTER_THANKSGIVING = date(2026, 11, 27)
CHRISTMAS = date(2026, 12, 25)
HOLIDAYS = frozenset({THANKSGIVING, CHRISTMAS, date(2027, 1, 1)})

WEEKDAYS_AT_2PM = {day: time(14, 0) for day in range(5)}

COLUMBUS = WarehouseSchedule(
    warehouse_id=1,
    name="Columbus Distribution Hub",
    time_zone="America/New_York",
    cutoffs={**WEEKDAYS_AT_2PM, 5: time(11, 0)},  # Saturday mornings too
    holidays=HOLIDAYS,
)
RENO = WarehouseSchedule(
    warehouse_id=2,
    name="Reno Fulfillment Center",
    time_zone="America/Los_Angeles",
    cutoffs=WEEKDAYS_AT_2PM,
    holidays=HOLIDAYS,
)
STANDARD = MethodSchedule(
    method_id=10, name="Standard", minimum_days=1, maximum_days=2, holidays=HOLIDAYS
)
GROUND = MethodSchedule(
    method_id=11, name="Ground", minimum_days=3, maximum_days=5, holidays=HOLIDAYS
)
NO_ALASKA = MethodSchedule(
    method_id=12,
    name="Standard (lower 48)",
    minimum_days=1,
    maximum_days=2,
    postal_code_rules=(PostalCodeRule(start="99500", end="99999"),),
)


def at(zone: ZoneInfo, year: int, month: int, day: int, hour: int, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=zone)


def line(variant_id=100, quantity=1, *, columbus=10, reno=10, bulky=False):
    return PromiseLine(
        variant_id=variant_id,
        quantity=quantity,
        available={COLUMBUS.warehouse_id: columbus, RENO.warehouse_id: reno},
        bulky=bulky,
    )
