"""The delivery promise: when an order placed now arrives, and why.

Pure date arithmetic. Callers load the rules (see selectors) and pass them in
with the current time; nothing here reads the database or the clock, so every
page that shows a date gets the same answer from the same rules.

Weekdays are numbered as `date.weekday()`: Monday 0 ... Sunday 6.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MONDAY_TO_FRIDAY = frozenset(range(5))
# A calendar with no shipping day in a year of dates is a broken rule, not a
# reason to loop forever.
MAX_DAYS_SEARCHED = 370


class PromiseRuleError(ValueError):
    """The rules cannot produce a date (e.g. a warehouse that never ships)."""


class PromiseReason(enum.StrEnum):
    OUT_OF_STOCK = "out_of_stock"
    FAR_WAREHOUSE = "far_warehouse"
    BULKY = "bulky"
    ZONE_TOO_FAR = "zone_too_far"
    POSTAL_CODE_EXCLUDED = "postal_code_excluded"
    AFTER_CUTOFF = "after_cutoff"
    NON_SHIPPING_DAY = "non_shipping_day"
    HOLIDAY = "holiday"


REASON_TEXT = {
    PromiseReason.OUT_OF_STOCK: "out of stock in every warehouse that ships here",
    PromiseReason.FAR_WAREHOUSE: "ships from a farther warehouse",
    PromiseReason.BULKY: "bulky item needs extra handling",
    PromiseReason.ZONE_TOO_FAR: "the carrier takes longer to this zone",
    PromiseReason.POSTAL_CODE_EXCLUDED: "no delivery to this postal code",
    PromiseReason.AFTER_CUTOFF: "ordered after today's cut-off",
    PromiseReason.NON_SHIPPING_DAY: "the warehouse does not ship today",
    PromiseReason.HOLIDAY: "a holiday falls in the delivery window",
}


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@dataclass(frozen=True)
class WarehouseSchedule:
    """When a warehouse hands parcels to the carrier."""

    warehouse_id: int
    name: str
    time_zone: str
    # Weekday -> last local time an order can arrive and still leave that day.
    cutoffs: Mapping[int, time]
    handling_days: int = 0
    bulky_extra_days: int = 1
    holidays: frozenset[date] = frozenset()

    @property
    def tz(self) -> ZoneInfo:
        return _zone(self.time_zone)

    def ships_on(self, day: date) -> bool:
        return day.weekday() in self.cutoffs and day not in self.holidays

    def next_shipping_day(self, day: date) -> date:
        for _ in range(MAX_DAYS_SEARCHED):
            day += timedelta(days=1)
            if self.ships_on(day):
                return day
        raise PromiseRuleError(f"Warehouse {self.name} has no shipping day.")

    def deadline(self, day: date) -> datetime:
        """The moment orders stop counting for `day`, as an aware datetime."""
        return datetime.combine(day, self.cutoffs[day.weekday()], tzinfo=self.tz)


@dataclass(frozen=True)
class PostalCodeRule:
    """Saleor's ShippingMethodPostalCodeRule: a code or an inclusive range."""

    start: str
    end: str | None = None
    include: bool = False

    def matches(self, postal_code: str) -> bool:
        code = normalize_postal_code(postal_code)
        start = normalize_postal_code(self.start)
        if not self.end:
            return code == start
        end = normalize_postal_code(self.end)
        if code.isdigit() and start.isdigit() and end.isdigit():
            return int(start) <= int(code) <= int(end)
        return start <= code <= end


def normalize_postal_code(value: str) -> str:
    return "".join(value.split()).upper()


@dataclass(frozen=True)
class MethodSchedule:
    """A shipping method's transit time, counted in its carrier's business days."""

    method_id: int
    name: str
    minimum_days: int
    maximum_days: int
    delivery_weekdays: frozenset[int] = MONDAY_TO_FRIDAY
    holidays: frozenset[date] = frozenset()
    postal_code_rules: tuple[PostalCodeRule, ...] = ()

    def delivers_on(self, day: date) -> bool:
        return day.weekday() in self.delivery_weekdays and day not in self.holidays

    def serves(self, postal_code: str) -> bool:
        """Apply Saleor's rule: any EXCLUDE match refuses; INCLUDE rules must match."""
        if not postal_code:
            return not any(rule.include for rule in self.postal_code_rules)
        if any(
            not r.include and r.matches(postal_code) for r in self.postal_code_rules
        ):
            return False
        includes = [r for r in self.postal_code_rules if r.include]
        return not includes or any(r.matches(postal_code) for r in includes)

    def add_delivery_days(self, start: date, days: int) -> date:
        """Return the `days`-th delivery day after `start` (or the first, for 0)."""
        day, counted = start, 0
        for _ in range(MAX_DAYS_SEARCHED + days):
            if counted >= days and (days > 0 or self.delivers_on(day)):
                return day
            day += timedelta(days=1)
            if self.delivers_on(day):
                counted += 1
        raise PromiseRuleError(f"Shipping method {self.name} never delivers.")

    def delivery_days_between(self, start: date, end: date) -> int:
        """Count the delivery days after `start` up to and including `end`.

        The inverse of add_delivery_days: for n >= 1,
        delivery_days_between(d, add_delivery_days(d, n)) == n.
        """
        days = (end - start).days
        return sum(
            self.delivers_on(start + timedelta(days=offset))
            for offset in range(1, days + 1)
        )


@dataclass(frozen=True)
class PromiseLine:
    variant_id: int
    quantity: int
    # Warehouse id -> quantity available to sell there.
    available: Mapping[int, int] = field(default_factory=dict)
    bulky: bool = False


@dataclass(frozen=True)
class Shipment:
    warehouse_id: int
    variant_ids: tuple[int, ...]
    ship_date: date
    ship_by: datetime
    order_by: datetime
    earliest: date
    latest: date


@dataclass(frozen=True)
class DeliveryPromise:
    earliest: date | None
    latest: date | None
    # Order before this moment to get these dates.
    order_by: datetime | None
    # The warehouse must hand the parcel over by this moment.
    ship_by: datetime | None
    shipments: tuple[Shipment, ...]
    fast: bool
    reasons: tuple[PromiseReason, ...]
    # The dates as the carrier's business days from today, where a client
    # shows "2-4 business days" instead of dates (Saleor's
    # minimumDeliveryDays/maximumDeliveryDays).
    earliest_in_days: int | None = None
    latest_in_days: int | None = None

    @property
    def deliverable(self) -> bool:
        return self.earliest is not None

    def reason_texts(self) -> list[str]:
        return [REASON_TEXT[reason] for reason in self.reasons]


def _undeliverable(*reasons: PromiseReason) -> DeliveryPromise:
    return DeliveryPromise(None, None, None, None, (), False, tuple(reasons))


def _dispatch(
    warehouse: WarehouseSchedule, *, now: datetime, bulky: bool
) -> tuple[date, datetime, date]:
    """Return (first processing day's deadline, ship date, processing day)."""
    local_now = now.astimezone(warehouse.tz)
    day = local_now.date()
    if not warehouse.ships_on(day) or local_now >= warehouse.deadline(day):
        day = warehouse.next_shipping_day(day)
    order_by = warehouse.deadline(day)
    ship_date = day
    extra = warehouse.handling_days + (warehouse.bulky_extra_days if bulky else 0)
    for _ in range(extra):
        ship_date = warehouse.next_shipping_day(ship_date)
    return ship_date, order_by, day


def _assign_warehouses(
    lines: Sequence[PromiseLine],
    warehouses: Sequence[WarehouseSchedule],
    ship_dates: Mapping[int, date],
) -> dict[int, list[PromiseLine]] | None:
    """Pick where each line ships from; one warehouse for all when one can."""

    def has_stock(line: PromiseLine, warehouse: WarehouseSchedule) -> bool:
        return line.available.get(warehouse.warehouse_id, 0) >= line.quantity

    def soonest(candidates: Iterable[WarehouseSchedule]) -> WarehouseSchedule | None:
        # Ties keep the caller's order: the nearest warehouse comes first.
        return min(candidates, key=lambda w: ship_dates[w.warehouse_id], default=None)

    whole = soonest(w for w in warehouses if all(has_stock(ln, w) for ln in lines))
    if whole is not None:
        return {whole.warehouse_id: list(lines)}
    plan: dict[int, list[PromiseLine]] = {}
    for line in lines:
        chosen = soonest(w for w in warehouses if has_stock(line, w))
        if chosen is None:
            return None
        plan.setdefault(chosen.warehouse_id, []).append(line)
    return plan


def delivery_promise(
    *,
    now: datetime,
    lines: Sequence[PromiseLine],
    postal_code: str,
    method: MethodSchedule,
    warehouses: Sequence[WarehouseSchedule],
    claim_max_days: int,
) -> DeliveryPromise:
    """Promise delivery dates for `lines` sent by `method` to a postal code.

    `warehouses` are those serving the destination, nearest first. The fast
    claim holds when the latest date is within `claim_max_days` of the
    carrier's business days from today.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not method.serves(postal_code):
        return _undeliverable(PromiseReason.POSTAL_CODE_EXCLUDED)
    bulky = any(line.bulky for line in lines)
    by_id = {w.warehouse_id: w for w in warehouses}
    dispatch = {w.warehouse_id: _dispatch(w, now=now, bulky=bulky) for w in warehouses}
    plan = _assign_warehouses(
        lines, warehouses, {wid: d[0] for wid, d in dispatch.items()}
    )
    if not lines or plan is None:
        return _undeliverable(PromiseReason.OUT_OF_STOCK)

    shipments = []
    for warehouse_id, shipped in plan.items():
        warehouse = by_id[warehouse_id]
        ship_date, order_by, _ = dispatch[warehouse_id]
        shipments.append(
            Shipment(
                warehouse_id=warehouse_id,
                variant_ids=tuple(line.variant_id for line in shipped),
                ship_date=ship_date,
                ship_by=warehouse.deadline(ship_date),
                order_by=order_by,
                earliest=method.add_delivery_days(ship_date, method.minimum_days),
                latest=method.add_delivery_days(ship_date, method.maximum_days),
            )
        )
    earliest = max(s.earliest for s in shipments)
    latest = max(s.latest for s in shipments)
    nearest = warehouses[0]
    today = now.astimezone(nearest.tz).date()
    fast_limit = method.add_delivery_days(today, claim_max_days)
    reasons = _reasons(
        now=now,
        today=today,
        latest=latest,
        nearest=nearest,
        used=[by_id[s.warehouse_id] for s in shipments],
        method=method,
        bulky=bulky,
        claim_max_days=claim_max_days,
    )
    return DeliveryPromise(
        earliest=earliest,
        latest=latest,
        order_by=min(s.order_by for s in shipments),
        ship_by=min(s.ship_by for s in shipments),
        shipments=tuple(shipments),
        fast=latest <= fast_limit,
        reasons=reasons,
        earliest_in_days=method.delivery_days_between(today, earliest),
        latest_in_days=method.delivery_days_between(today, latest),
    )


def _reasons(
    *,
    now: datetime,
    today: date,
    latest: date,
    nearest: WarehouseSchedule,
    used: list[WarehouseSchedule],
    method: MethodSchedule,
    bulky: bool,
    claim_max_days: int,
) -> tuple[PromiseReason, ...]:
    """Say what pushed the dates out; empty when nothing did."""
    reasons = []
    if any(w.warehouse_id != nearest.warehouse_id for w in used):
        reasons.append(PromiseReason.FAR_WAREHOUSE)
    if bulky:
        reasons.append(PromiseReason.BULKY)
    if method.maximum_days > claim_max_days:
        reasons.append(PromiseReason.ZONE_TOO_FAR)
    for warehouse in used:
        local_today = now.astimezone(warehouse.tz).date()
        if warehouse.ships_on(local_today):
            if now >= warehouse.deadline(local_today):
                reasons.append(PromiseReason.AFTER_CUTOFF)
        elif local_today.weekday() not in warehouse.cutoffs:
            reasons.append(PromiseReason.NON_SHIPPING_DAY)
    holidays = method.holidays.union(*(w.holidays for w in used))
    day = today
    while day <= latest:
        if day in holidays:
            reasons.append(PromiseReason.HOLIDAY)
            break
        day += timedelta(days=1)
    return tuple(dict.fromkeys(reasons))


@dataclass(frozen=True)
class ClaimBreach:
    """One rule that makes the fast claim untrue, for the admin to fix."""

    rule: str
    message: str


@dataclass(frozen=True)
class ClaimCheck:
    holds: bool
    breaches: tuple[ClaimBreach, ...]
    # The true range in business days, for the banner when the claim fails.
    minimum_days: int | None
    maximum_days: int | None


def fast_claim_check(
    *,
    claim_max_days: int,
    methods: Sequence[MethodSchedule],
    warehouses: Sequence[WarehouseSchedule],
    stocked_warehouse_ids: Iterable[int],
    bulky_in_stock: bool = False,
) -> ClaimCheck:
    """Check the banner claim against every method a default shopper can pick.

    Counted for an order placed before cut-off on a shipping day: handling
    days plus the method's transit days, from each warehouse that holds
    sellable stock. No method or no stocked warehouse breaks the claim too.
    """
    stocked = set(stocked_warehouse_ids)
    shipping = [w for w in warehouses if w.warehouse_id in stocked]
    breaches = []
    if not methods:
        breaches.append(
            ClaimBreach(
                "methods", "No shipping method delivers to the default country."
            )
        )
    if not shipping:
        breaches.append(
            ClaimBreach("stock", "No warehouse serving the default country has stock.")
        )
    if bulky_in_stock and any(
        w.handling_days + w.bulky_extra_days + m.maximum_days > claim_max_days
        for w in shipping
        for m in methods
    ):
        breaches.append(
            ClaimBreach(
                "bulky",
                "Bulky items in stock need an extra handling day beyond the claim.",
            )
        )
    for method in methods:
        if method.minimum_days > method.maximum_days:
            breaches.append(
                ClaimBreach(
                    f"method:{method.method_id}",
                    f"{method.name}: minimum days above maximum.",
                )
            )
        for warehouse in shipping:
            total = warehouse.handling_days + method.maximum_days
            if total > claim_max_days:
                breaches.append(
                    ClaimBreach(
                        f"method:{method.method_id}/warehouse:{warehouse.warehouse_id}",
                        f"{method.name} from {warehouse.name} takes up to {total} "
                        f"business day{'' if total == 1 else 's'} "
                        f"({warehouse.handling_days} handling + "
                        f"{method.maximum_days} transit); the claim allows "
                        f"{claim_max_days}.",
                    )
                )
    pairs = [(w, m) for w in shipping for m in methods]
    return ClaimCheck(
        holds=not breaches,
        breaches=tuple(breaches),
        minimum_days=min(
            (w.handling_days + m.minimum_days for w, m in pairs), default=None
        ),
        maximum_days=max(
            (w.handling_days + m.maximum_days for w, m in pairs), default=None
        ),
    )
