"""The ship-by queue's rows, formatted once for the lanes template.

A lane shows up to a hundred rows; formatting their dates and links here,
with each distinct date formatted once, keeps four full lanes cheap where
the template's filters would format every cell again.
"""

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from backend.order.models import OrderStatus
from backend.order.queue import QueueRow

# What an empty cell shows.
NONE_SHOWN = "—"
# Stands in for an order number in the order page's reversed address.
_NUMBER_MARK = "987654321"


@dataclass(frozen=True)
class ShownRow:
    number: str
    url: str
    partial: bool
    age: str
    items_left: int
    destination: str
    method_name: str
    # "Mon 7 Dec – Wed 9 Dec", one date, or NONE_SHOWN.
    promised: str
    # ISO 8601 and "Mon 7 Dec, 3:00 PM CET" in the team's zone; "" if none.
    ship_by_iso: str
    ship_by_text: str


def queue_rows_shown(*, rows: list[QueueRow], zone: ZoneInfo) -> list[ShownRow]:
    """Return the rows with their cells formatted as the lanes show them."""
    url = reverse("ops:order", args=[_NUMBER_MARK])

    @cache
    def day(value: date) -> str:
        return date_format(value, "D j M")

    @cache
    def moment(value: datetime) -> tuple[str, str]:
        local = timezone.localtime(value, zone)
        return date_format(local, "c"), date_format(local, "D j M, g:i A T")

    shown = []
    for row in rows:
        promised = NONE_SHOWN
        if row.promised_latest:
            promised = day(row.promised_latest)
            earliest = row.promised_earliest
            if earliest and earliest != row.promised_latest:
                promised = f"{day(earliest)} – {promised}"
        ship_by_iso, ship_by_text = moment(row.ship_by) if row.ship_by else ("", "")
        shown.append(
            ShownRow(
                number=str(row.number),
                url=url.replace(_NUMBER_MARK, str(row.number)),
                partial=row.status == OrderStatus.PARTIALLY_FULFILLED,
                age=row.age,
                items_left=row.items_left,
                destination=row.destination,
                method_name=row.method_name,
                promised=promised,
                ship_by_iso=ship_by_iso,
                ship_by_text=ship_by_text,
            )
        )
    return shown
