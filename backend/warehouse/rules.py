"""Checks on a warehouse's calendar: its time zone, cut-off and shipping days.

Shared by the model's validators, the demo loader and the admin, so the
delivery promise (shipping/promise.py) never sees a bad calendar.
"""

from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def validate_time_zone(value: str) -> None:
    """Refuse a time zone name the IANA database does not know."""
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f'"{value}" is not a known time zone (e.g. America/New_York).',
            code="unknown_time_zone",
        ) from None


def validate_cutoff(value) -> None:
    if not isinstance(value, time):
        raise ValidationError(
            "Enter a cut-off time between 00:00 and 23:59.", code="invalid_cutoff"
        )


def validate_weekdays(value) -> None:
    if (
        not isinstance(value, list)
        or not value
        or any(isinstance(d, bool) or d not in range(7) for d in value)
        or len(set(value)) != len(value)
    ):
        raise ValidationError(
            "Choose at least one shipping day (0 = Monday ... 6 = Sunday).",
            code="no_shipping_day",
        )
