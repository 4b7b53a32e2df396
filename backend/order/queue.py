"""The ship-by queue: open orders in lanes by how soon they must leave.

Lanes follow the operations team's calendar day: late (the ship-by moment
has passed), due today, due tomorrow, and later (or no promise recorded).
"""

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Sum

from backend.core.counts import bounded_counts
from backend.warehouse.models import Allocation

from .models import Order, OrderLine, OrderStatus, ShipByOrNever

OPEN_STATUSES = (OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED)
# Rows a lane shows at once: a page renders fast and a packer never scrolls
# past a hundred parcels.
LANE_PAGE_SIZE = 100
# A lane counts its orders up to this many and says "more than" past it:
# counting a lane of 100,000 orders reads them all, and no shift works a
# lane that long one by one.
LANE_COUNT_LIMIT = 1000


class Lane(enum.StrEnum):
    LATE = "late"
    DUE_TODAY = "today"
    DUE_TOMORROW = "tomorrow"
    LATER = "later"

    @property
    def title(self) -> str:
        return {
            Lane.LATE: "Late",
            Lane.DUE_TODAY: "Due today before cut-off",
            Lane.DUE_TOMORROW: "Due tomorrow",
            Lane.LATER: "Later",
        }[self]


@dataclass(frozen=True)
class QueueRow:
    order_id: int
    number: int
    token: str
    created_at: datetime
    age: str
    status: str
    items_left: int
    destination: str
    method_name: str
    promised_earliest: date | None
    promised_latest: date | None
    ship_by: datetime | None


@dataclass(frozen=True)
class ShipQueue:
    rows: dict[Lane, list[QueueRow]]
    # Exact up to LANE_COUNT_LIMIT; a lane in ``more`` holds more than that.
    counts: dict[Lane, int]
    more: frozenset[Lane] = frozenset()

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def total_is_more(self) -> bool:
        """Whether the queue holds more orders than ``total`` says."""
        return bool(self.more)


def _bounds(now: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Return the starts of tomorrow and of the day after, in the team's zone."""
    today = now.astimezone(zone).date()
    tomorrow = datetime.combine(today + timedelta(days=1), time(0), tzinfo=zone)
    after = datetime.combine(today + timedelta(days=2), time(0), tzinfo=zone)
    return tomorrow, after


def _lane_filters(now: datetime, zone: ZoneInfo) -> dict[Lane, Q]:
    """Return each lane's range of ``ship_by_key`` (no ship-by sorts last).

    One range a lane, so each is a single seek in order_open_ship_by_key.
    """
    tomorrow, after = _bounds(now, zone)
    return {
        Lane.LATE: Q(ship_by_key__lt=now),
        Lane.DUE_TODAY: Q(ship_by_key__gte=now, ship_by_key__lt=tomorrow),
        Lane.DUE_TOMORROW: Q(ship_by_key__gte=tomorrow, ship_by_key__lt=after),
        Lane.LATER: Q(ship_by_key__gte=after),
    }


def open_orders(
    *, warehouse_id: int | None = None, shipping_method_id: int | None = None
) -> QuerySet:
    """Return orders still to send, narrowed to a warehouse or a method."""
    orders = Order.objects.filter(status__in=OPEN_STATUSES)
    if warehouse_id is not None:
        orders = orders.filter(
            Exists(
                Allocation.objects.filter(
                    order_line__order=OuterRef("pk"),
                    stock__warehouse_id=warehouse_id,
                    quantity_allocated__gt=0,
                )
            )
        )
    if shipping_method_id is not None:
        orders = orders.filter(shipping_method_id=shipping_method_id)
    return orders


ROW_FIELDS = (
    "number",
    "token",
    "created_at",
    "status",
    "shipping_method_name",
    "promised_earliest",
    "promised_latest",
    "ship_by",
    "shipping_address__city",
    "shipping_address__country_area",
    "shipping_address__postal_code",
    "shipping_address__country",
)


def _age(elapsed: timedelta) -> str:
    """Return how long an order has waited: "45 min", "5 h", "3 d"."""
    minutes = int(elapsed.total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 0)} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} d"


def _destination(order: Order) -> str:
    address = order.shipping_address
    if address is None:
        return ""
    place = ", ".join(
        part for part in (address.city.title(), address.country_area) if part
    )
    return f"{place} {address.postal_code} {address.country.code}".strip()


def ship_queue(
    *,
    now: datetime,
    zone: ZoneInfo,
    warehouse_id: int | None = None,
    shipping_method_id: int | None = None,
    page_size: int = LANE_PAGE_SIZE,
) -> ShipQueue:
    """Return the open orders by lane, soonest ship-by first (five queries)."""
    orders = open_orders(
        warehouse_id=warehouse_id, shipping_method_id=shipping_method_id
    ).alias(ship_by_key=ShipByOrNever("ship_by"))
    filters = _lane_filters(now, zone)
    # A correlated sum, evaluated only for the page of rows each lane shows.
    items_left = (
        OrderLine.objects.filter(order=OuterRef("pk"))
        .values("order")
        .annotate(left=Sum(F("quantity") - F("quantity_fulfilled")))
        .values("left")
    )
    counts = bounded_counts(
        {
            # In the index's order, so each count walks its range of it.
            lane.value: orders.filter(condition).order_by("ship_by_key", "number")
            for lane, condition in filters.items()
        },
        limit=LANE_COUNT_LIMIT,
    )
    rows = {}
    for lane, condition in filters.items():
        page = (
            orders.filter(condition)
            .select_related("shipping_address")
            .only(*ROW_FIELDS)
            .annotate(items_left=Subquery(items_left))
            .order_by("ship_by_key", "number")[:page_size]
        )
        rows[lane] = [
            QueueRow(
                order_id=order.pk,
                number=order.number,
                token=str(order.token),
                created_at=order.created_at,
                age=_age(now - order.created_at),
                status=order.status,
                items_left=order.items_left or 0,
                destination=_destination(order),
                method_name=order.shipping_method_name,
                promised_earliest=order.promised_earliest,
                promised_latest=order.promised_latest,
                ship_by=order.ship_by,
            )
            for order in page
        ]
    return ShipQueue(
        rows=rows,
        counts={lane: min(counts[lane.value], LANE_COUNT_LIMIT) for lane in Lane},
        more=frozenset(lane for lane in Lane if counts[lane.value] > LANE_COUNT_LIMIT),
    )
