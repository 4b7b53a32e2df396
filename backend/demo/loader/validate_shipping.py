"""Check shipping.yaml (zones, methods, prices) and warehouse delivery rules."""

import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django_countries import countries

from backend.warehouse.rules import WEEKDAY_NAMES, validate_time_zone

from .checks import Check, display_path, read_yaml

SCHEDULE_KEYS = {
    "time_zone",
    "cutoff_time",
    "shipping_weekdays",
    "saturday_cutoff_time",
    "handling_days",
    "holidays",
}
# Calendars a warehouse may name; the dates come from the `holidays` package.
HOLIDAY_CALENDARS = {"US federal": "US"}


def _clock(where: Check, entry: dict, key: str) -> datetime.time | None:
    value = entry.get(key)
    if value is None:
        return None
    try:
        return datetime.time.fromisoformat(str(value))
    except ValueError:
        where.fail(f'{key} "{value}" is not a time between 00:00 and 23:59')


def warehouse_schedule_validate(where: Check, entry: dict) -> None:
    """Check a warehouse's delivery rules and turn them into Python values."""
    zone = entry.get("time_zone", "America/New_York")
    try:
        validate_time_zone(zone)
    except ValidationError as error:
        where.fail(f"time_zone: {error.messages[0]}")
    entry["time_zone"] = zone
    entry["cutoff_time"] = _clock(where, entry, "cutoff_time") or datetime.time(14)
    entry["saturday_cutoff_time"] = _clock(where, entry, "saturday_cutoff_time")
    days = entry.get("shipping_weekdays", list(WEEKDAY_NAMES[:5]))
    if (
        not isinstance(days, list)
        or not days
        or any(d not in WEEKDAY_NAMES for d in days)
    ):
        where.fail(f"shipping_weekdays must list days among {', '.join(WEEKDAY_NAMES)}")
    entry["shipping_weekdays"] = sorted({WEEKDAY_NAMES.index(d) for d in days})
    entry["handling_days"] = where.integer(entry, "handling_days") or 0
    calendar = entry.get("holidays")
    if calendar is not None and calendar not in HOLIDAY_CALENDARS:
        where.fail(
            f'holidays "{calendar}" is not one of: {", ".join(HOLIDAY_CALENDARS)}'
        )


def _method(where: Check, method: dict, channel_slugs: set[str]) -> None:
    where.keys(
        method,
        required={"name", "listings"},
        optional={"minimum_delivery_days", "maximum_delivery_days", "description"},
    )
    where.text(method, "name", max_length=100)
    minimum = where.integer(method, "minimum_delivery_days")
    maximum = where.integer(method, "maximum_delivery_days")
    if minimum is not None and maximum is not None and minimum > maximum:
        where.fail(
            f"minimum_delivery_days {minimum} is above maximum_delivery_days {maximum}"
        )
    listings = method["listings"]
    if not isinstance(listings, dict) or not listings:
        where.fail("listings must map channel slugs to a price")
    for slug, listing in listings.items():
        at = where.at(f'channel "{slug}"')
        if slug not in channel_slugs:
            at.fail("the channel is not in channels.yaml")
        if not isinstance(listing, dict):
            at.fail("a listing needs a price")
        at.keys(
            listing,
            required={"price"},
            optional={"minimum_order_price", "maximum_order_price"},
        )
        listing["price"] = at.decimal(listing, "price")
        low = at.decimal(listing, "minimum_order_price", required=False)
        high = at.decimal(listing, "maximum_order_price", required=False)
        if low is not None and high is not None and low > high:
            at.fail("minimum_order_price is above maximum_order_price")
        listing["minimum_order_price"], listing["maximum_order_price"] = low, high


def shipping_validate(*, directory: Path, channel_slugs: set[str]) -> list[dict]:
    """Return the checked shipping zones, or raise DemoDataError."""
    path = directory / "shipping.yaml"
    zones, check = read_yaml(path, "shipping_zones"), Check(display_path(path))
    seen: set[str] = set()
    for zone in zones:
        where = check.at(f'zone "{zone.get("name")}"')
        where.keys(
            zone,
            required={"name", "countries", "channels", "methods"},
            optional={"description"},
        )
        where.text(zone, "name", max_length=100)
        if zone["name"] in seen:
            check.fail(f'zone "{zone["name"]}" is given twice')
        seen.add(zone["name"])
        for code in zone["countries"] or []:
            if code not in dict(countries):
                where.fail(f'country "{code}" is unknown')
        for slug in where.slugs(zone, "channels"):
            if slug not in channel_slugs:
                where.fail(f'channel "{slug}" is not in channels.yaml')
        method_names: set[str] = set()
        for method in zone["methods"] or []:
            at = where.at(f'method "{method.get("name")}"')
            _method(at, method, channel_slugs)
            if method["name"] in method_names:
                at.fail("the method is given twice in this zone")
            method_names.add(method["name"])
    return zones
