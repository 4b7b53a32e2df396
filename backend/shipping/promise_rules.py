"""Load the delivery-promise rules from the database, cached in Redis.

The rules (warehouse cut-offs and calendars, methods and their zones) change
when staff edit them, not per request, so pages read them from the cache.
Every edit calls `promise_rules_changed()` (core/promise_version.py), which
moves the rules' version (backend.core.cache_versions) on commit: the next
page computes with the new rules at once.
"""

import functools
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.contrib.postgres.expressions import ArraySubquery
from django.core.cache import cache
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django_countries import countries
from prices import Money

from backend.channel.models import Channel
from backend.core.cache import process_copy
from backend.core.compiled_sql import compiled_rows
from backend.core.promise_version import promise_rules_version
from backend.product.models import ProductType
from backend.warehouse.models import (
    ChannelWarehouse,
    Stock,
    Warehouse,
    WarehouseHoliday,
    warehouse_cutoffs,
)

from .models import (
    PostalCodeRuleInclusionType,
    ShippingMethod,
    ShippingMethodChannelListing,
    ShippingMethodPostalCodeRule,
    ShippingZone,
)
from .promise import (
    ClaimCheck,
    DeliveryPromise,
    MethodSchedule,
    PostalCodeRule,
    PromiseLine,
    WarehouseSchedule,
    delivery_promise,
    fast_claim_check,
)
from .rules import method_ships_products

# Rules change rarely and every edit moves the version; the timeout only
# bounds how long a forgotten key lingers.
RULES_TIMEOUT = 24 * 60 * 60
# Rules a process keeps under their versioned keys (a few channels, each
# version once); past it the store starts again, so it cannot grow.
LOCAL_RULES_MAX = 64
_local_rules: dict[str, "PromiseRules | bool"] = process_copy({})
# The claim also depends on which warehouses hold stock; stock services move
# the version, and sales that empty a warehouse show within this many seconds.
CLAIM_TIMEOUT = 60


@dataclass(frozen=True)
class MethodOption:
    schedule: MethodSchedule
    countries: frozenset[str]
    price: Money
    minimum_order_price: Decimal | None
    maximum_order_price: Decimal | None
    # Products the method does not carry (Saleor's excluded products).
    excluded_product_ids: frozenset[int] = frozenset()

    def applies(
        self,
        *,
        country: str,
        subtotal: Money | None,
        product_ids: Collection[int] = (),
    ) -> bool:
        if country not in self.countries:
            return False
        if not method_ships_products(
            excluded_product_ids=self.excluded_product_ids, product_ids=product_ids
        ):
            return False
        if subtotal is None:
            return True
        low, high = self.minimum_order_price, self.maximum_order_price
        return (low is None or subtotal.amount >= low) and (
            high is None or subtotal.amount <= high
        )


@dataclass(frozen=True)
class PromiseRules:
    channel_slug: str
    default_country: str
    claim_text: str
    claim_max_days: int
    # The channel's warehouses, nearest (first in the channel's order) first.
    warehouses: tuple[WarehouseSchedule, ...]
    methods: tuple[MethodOption, ...]
    # Product types that need an extra handling day.
    bulky_product_type_ids: frozenset[int] = frozenset()

    def is_bulky(self, product_type_id: int | None) -> bool:
        return product_type_id in self.bulky_product_type_ids

    def methods_for(
        self,
        *,
        country: str,
        subtotal: Money | None = None,
        product_ids: Collection[int] = (),
    ) -> list[MethodOption]:
        """Return the methods that ship an order of these products, cheapest first.

        Without products, the methods that ship to the country at all.
        """
        return [
            m
            for m in self.methods
            if m.applies(country=country, subtotal=subtotal, product_ids=product_ids)
        ]


@functools.lru_cache(maxsize=32)
def country_holidays(country: str, year: int) -> frozenset[date]:
    """Public holidays on which carriers in the country do not deliver."""
    # Imported on first use: its calendars cost every process that starts
    # Django (web, worker, manage.py) a tenth of a second of CPU.
    import holidays

    try:
        dates = holidays.country_holidays(country, years=[year, year + 1])
    except NotImplementedError:
        return frozenset()
    return frozenset(dates)


def promise_rules_get(*, channel_slug: str) -> PromiseRules | None:
    """Return the channel's rules from the cache, loading them on a miss.

    The key holds the rules' version, and the rules under it never change
    (frozen dataclasses): each process keeps those it read, and every
    checkout answer and product page after the first takes them without
    unpickling them from Redis again (2% of a checkout's CPU). A version
    Redis could not give is new at every call, so no rules outlive a
    change made during an outage.
    """
    key = f"lumbar:promise-rules:{promise_rules_version()}:{channel_slug}"
    rules = _local_rules.get(key)
    if rules is None:
        rules = cache.get(key)
        if rules is None:
            rules = _rules_load(channel_slug)
            cache.set(key, rules, RULES_TIMEOUT)
        if len(_local_rules) >= LOCAL_RULES_MAX:
            _local_rules.clear()
        _local_rules[key] = rules
    return rules or None


def _rules_load(channel_slug: str) -> PromiseRules | bool:
    """Read the channel's rules in three queries compiled once per process.

    Every page loads them after a cache miss, and Django spent far longer
    building these queries than PostgreSQL answering them. Arrays built by
    PostgreSQL (holidays, postal code rules, excluded products, bulky
    types) stand for prefetches.
    """
    found = compiled_rows(
        model=Channel,
        key=("promise-rules:channel", channel_slug),
        build=lambda _now: _channel_query(channel_slug),
    )
    if not found:
        return False
    slug, country, claim_text, claim_max_days, bulky = found[0]
    warehouses = tuple(
        WarehouseSchedule(
            warehouse_id=warehouse_id,
            name=name,
            time_zone=time_zone,
            cutoffs=warehouse_cutoffs(
                shipping_weekdays=weekdays,
                cutoff_time=cutoff_time,
                saturday_cutoff_time=saturday_cutoff_time,
            ),
            handling_days=handling_days,
            holidays=frozenset(dates),
        )
        for (
            warehouse_id,
            name,
            time_zone,
            weekdays,
            cutoff_time,
            saturday_cutoff_time,
            handling_days,
            dates,
        ) in compiled_rows(
            model=ChannelWarehouse,
            key=("promise-rules:warehouses", channel_slug),
            build=lambda _now: _warehouses_query(channel_slug),
        )
    )
    methods = tuple(
        _method_option(*row)
        for row in compiled_rows(
            model=ShippingMethodChannelListing,
            key=("promise-rules:methods", channel_slug),
            build=lambda _now: _methods_query(channel_slug),
        )
    )
    return PromiseRules(
        channel_slug=slug,
        default_country=str(country),
        claim_text=claim_text,
        claim_max_days=claim_max_days,
        warehouses=warehouses,
        methods=methods,
        bulky_product_type_ids=frozenset(bulky),
    )


def _channel_query(channel_slug: str) -> QuerySet:
    bulky = ProductType.objects.filter(is_bulky=True).order_by().values("pk")
    return (
        Channel.objects.filter(slug=channel_slug)
        .annotate(bulky_product_type_ids=ArraySubquery(bulky))
        .values_list(
            "slug",
            "default_country",
            "delivery_promise_text",
            "delivery_promise_max_days",
            "bulky_product_type_ids",
        )
    )


def _warehouses_query(channel_slug: str) -> QuerySet:
    """The channel's warehouses, nearest (first in the channel's order) first."""
    holidays = (
        WarehouseHoliday.objects.filter(warehouse_id=OuterRef("warehouse_id"))
        .order_by()
        .values("date")
    )
    return (
        ChannelWarehouse.objects.filter(channel__slug=channel_slug)
        .order_by("sort_order", "pk")
        .annotate(holidays=ArraySubquery(holidays))
        .values_list(
            "warehouse_id",
            "warehouse__name",
            "warehouse__time_zone",
            "warehouse__shipping_weekdays",
            "warehouse__cutoff_time",
            "warehouse__saturday_cutoff_time",
            "warehouse__handling_days",
            "holidays",
        )
    )


def _methods_query(channel_slug: str) -> QuerySet:
    """The channel's methods to the zones it serves, cheapest first."""
    postal_code_rules = ShippingMethodPostalCodeRule.objects.filter(
        shipping_method_id=OuterRef("shipping_method_id")
    ).order_by("pk")
    excluded = (
        ShippingMethod.excluded_products.through.objects.filter(
            shippingmethod_id=OuterRef("shipping_method_id")
        )
        .order_by()
        .values("product_id")
    )
    return (
        ShippingMethodChannelListing.objects.filter(
            channel__slug=channel_slug,
            shipping_method__shipping_zone__channels__slug=channel_slug,
        )
        .order_by("price_amount", "shipping_method__name", "pk")
        .annotate(
            excluded_product_ids=ArraySubquery(excluded),
            postal_code_starts=ArraySubquery(postal_code_rules.values("start")),
            postal_code_ends=ArraySubquery(postal_code_rules.values("end")),
            postal_code_inclusions=ArraySubquery(
                postal_code_rules.values("inclusion_type")
            ),
        )
        .values_list(
            "shipping_method_id",
            "shipping_method__name",
            "shipping_method__minimum_delivery_days",
            "shipping_method__maximum_delivery_days",
            "shipping_method__shipping_zone__countries",
            "currency",
            "price_amount",
            "minimum_order_price_amount",
            "maximum_order_price_amount",
            "excluded_product_ids",
            "postal_code_starts",
            "postal_code_ends",
            "postal_code_inclusions",
        )
    )


_ZONE_COUNTRIES = ShippingZone._meta.get_field("countries")


def _method_option(
    method_id: int,
    name: str,
    minimum_days: int | None,
    maximum_days: int | None,
    countries: str,
    currency: str,
    price_amount: Decimal,
    minimum_order_price: Decimal | None,
    maximum_order_price: Decimal | None,
    excluded_product_ids: list[int],
    postal_code_starts: list[str],
    postal_code_ends: list[str | None],
    postal_code_inclusions: list[str],
) -> MethodOption:
    """Return one row of ``_methods_query`` as the option a promise uses."""
    minimum = minimum_days or 0
    schedule = MethodSchedule(
        method_id=method_id,
        name=name,
        minimum_days=minimum,
        maximum_days=max(minimum, maximum_days or minimum),
        postal_code_rules=tuple(
            PostalCodeRule(
                start=start,
                end=end,
                include=inclusion == PostalCodeRuleInclusionType.INCLUDE,
            )
            for start, end, inclusion in zip(
                postal_code_starts,
                postal_code_ends,
                postal_code_inclusions,
                strict=True,
            )
        ),
    )
    return MethodOption(
        schedule=schedule,
        # The zone's countries as stored: codes joined by commas.
        countries=frozenset(
            str(country) for country in _ZONE_COUNTRIES.to_python(countries) or ()
        ),
        price=Money(price_amount, currency),
        minimum_order_price=minimum_order_price,
        maximum_order_price=maximum_order_price,
        excluded_product_ids=frozenset(excluded_product_ids),
    )


def _with_carrier_holidays(method: MethodSchedule, country: str, now: datetime):
    extra = country_holidays(country, now.year)
    if not extra:
        return method
    return MethodSchedule(
        method_id=method.method_id,
        name=method.name,
        minimum_days=method.minimum_days,
        maximum_days=method.maximum_days,
        delivery_weekdays=method.delivery_weekdays,
        holidays=method.holidays | extra,
        postal_code_rules=method.postal_code_rules,
    )


def lines_promise(
    *,
    rules: PromiseRules,
    now: datetime,
    lines: list[PromiseLine],
    method: MethodSchedule,
    country: str | None = None,
    postal_code: str = "",
) -> DeliveryPromise:
    """Promise dates for lines sent by one method, carriers' holidays included."""
    country = country or rules.default_country
    return delivery_promise(
        now=now,
        lines=lines,
        postal_code=postal_code,
        method=_with_carrier_holidays(method, country, now),
        warehouses=rules.warehouses,
        claim_max_days=rules.claim_max_days,
    )


def channel_fast_claim(
    *, channel_slug: str, country: str | None = None
) -> tuple[PromiseRules, ClaimCheck] | None:
    """Check the channel's banner claim for a shopper in the country.

    The channel's default country unless one is given; a country the
    channel does not ship to gets the check of no method at all.
    """
    rules = promise_rules_get(channel_slug=channel_slug)
    if rules is None:
        return None
    checks = _claim_checks(rules)
    country = country or rules.default_country
    check = checks.get(country)
    if check is None:
        check = _claim_check(rules, country=country, stocked=set(), bulky=False)
    return rules, check


def shipping_countries(rules: PromiseRules) -> list[str]:
    """Return the channel's default country, then the others it ships to."""
    others = {country for method in rules.methods for country in method.countries}
    others.discard(rules.default_country)
    return [rules.default_country, *sorted(others)]


def _claim_checks(rules: PromiseRules) -> dict[str, ClaimCheck]:
    """Return the claim's check for every country the channel ships to."""
    key = f"lumbar:promise-claims:{promise_rules_version()}:{rules.channel_slug}"
    checks = cache.get(key)
    if checks is not None:
        return checks
    warehouse_ids = tuple(w.warehouse_id for w in rules.warehouses)
    bulky_type_ids = tuple(sorted(rules.bulky_product_type_ids))
    now = timezone.now()
    # Compiled once per process: building the nested sellable EXISTS cost
    # more CPU than running it.
    stocked = {
        pk
        for (pk,) in compiled_rows(
            model=Warehouse,
            key=("promise-claim:stocked", warehouse_ids),
            build=lambda now: _stocked_warehouses_query(warehouse_ids, now=now),
            now=now,
        )
    }
    bulky = bool(bulky_type_ids) and bool(
        compiled_rows(
            model=Stock,
            key=("promise-claim:bulky", warehouse_ids, bulky_type_ids),
            build=lambda now: (
                _sellable_stock(warehouse_ids, now=now)
                .filter(product_variant__product__product_type_id__in=bulky_type_ids)
                .values_list("pk")[:1]
            ),
            now=now,
        )
    )
    checks = {
        country: _claim_check(rules, country=country, stocked=stocked, bulky=bulky)
        for country in shipping_countries(rules)
    }
    cache.set(key, checks, CLAIM_TIMEOUT)
    return checks


def _sellable_stock(warehouse_ids: tuple[int, ...], *, now: datetime) -> QuerySet:
    return Stock.objects.filter(warehouse_id__in=warehouse_ids).sellable(now=now)


def _stocked_warehouses_query(
    warehouse_ids: tuple[int, ...], *, now: datetime
) -> QuerySet:
    """The warehouses holding a sellable unit.

    A warehouse is stocked once one sellable row is found (an EXISTS per
    warehouse, through the (warehouse, variant) index), never a read of
    every stock row.
    """
    sellable = _sellable_stock(warehouse_ids, now=now)
    return (
        Warehouse.objects.filter(pk__in=warehouse_ids)
        .filter(Exists(sellable.filter(warehouse_id=OuterRef("pk"))))
        .values_list("pk")
    )


def _claim_check(
    rules: PromiseRules, *, country: str, stocked: set[int], bulky: bool
) -> ClaimCheck:
    return fast_claim_check(
        claim_max_days=rules.claim_max_days,
        methods=[m.schedule for m in rules.methods_for(country=country)],
        warehouses=rules.warehouses,
        stocked_warehouse_ids=stocked,
        bulky_in_stock=bulky,
    )


# Countries whose name reads better short, in "Fast Delivery to ...".
_SHORT_COUNTRY_NAMES = {
    "US": "the US",
    "GB": "the UK",
    "AE": "the UAE",
    "NL": "the Netherlands",
    "PH": "the Philippines",
}


def country_display_name(country: str) -> str:
    """Return the country as a sentence names it ("the US", "Canada")."""
    return _SHORT_COUNTRY_NAMES.get(country) or countries.name(country) or country


def _days(minimum: int, maximum: int) -> str:
    span = str(maximum) if minimum == maximum else f"{minimum}-{maximum}"
    noun = "day" if span == "1" else "days"
    return f"{span} {noun}"


def delivery_banner_text(*, channel_slug: str, country: str | None = None) -> str:
    """Return the header line, true for every shopper it is shown to.

    For a shopper whose country is known, their own promise. Otherwise the
    channel's claim while it holds for every country the channel ships to;
    else the claim or the true range, naming the default country.
    """
    rules = promise_rules_get(channel_slug=channel_slug)
    if rules is None:
        return ""
    checks = _claim_checks(rules)
    if country and country in checks:
        return _banner_for(rules, checks[country], country=country)
    default = checks.get(rules.default_country)
    if default is None or default.minimum_days is None:
        return ""
    if all(_same_promise(check, default) for check in checks.values()):
        if default.holds:
            return rules.claim_text
        return _range_text(default)
    return _banner_for(rules, default, country=rules.default_country)


def _same_promise(check: ClaimCheck, default: ClaimCheck) -> bool:
    """Say whether the default country's line is true of this country too."""
    if default.holds:
        return check.holds
    return (
        check.minimum_days is not None
        and check.minimum_days >= default.minimum_days
        and check.maximum_days <= default.maximum_days
    )


def _range_text(check: ClaimCheck, *, where: str = "") -> str:
    low, high = check.minimum_days, check.maximum_days
    span = str(high) if low == high else f"{low}-{high}"
    days = "business day" if span == "1" else "business days"
    if where:
        return f"Delivery to {where}: {span} {days}"
    return f"Delivery in {span} {days}"


def _banner_for(rules: PromiseRules, check: ClaimCheck, *, country: str) -> str:
    if check.minimum_days is None:
        return ""
    where = country_display_name(country)
    if check.holds:
        days = _days(check.minimum_days, check.maximum_days).title()
        return f"Fast Delivery to {where}: {days}"
    return _range_text(check, where=where)


def variant_promise(
    *,
    rules: PromiseRules,
    now: datetime,
    variant_id: int,
    available_by_warehouse: dict[int, int],
    untracked: bool = False,
    bulky: bool = False,
    quantity: int = 1,
    unit_price: Money | None = None,
    country: str | None = None,
    postal_code: str = "",
    product_id: int | None = None,
) -> DeliveryPromise | None:
    """Promise one variant by the cheapest method for an order of just it.

    None when no method ships to the country (or carries the product).
    """
    country = country or rules.default_country
    subtotal = unit_price * quantity if unit_price is not None else None
    options = rules.methods_for(
        country=country,
        subtotal=subtotal,
        product_ids=(product_id,) if product_id is not None else (),
    )
    if not options:
        return None
    if untracked:
        available_by_warehouse = {w.warehouse_id: quantity for w in rules.warehouses}
    line = PromiseLine(
        variant_id=variant_id,
        quantity=quantity,
        available=available_by_warehouse,
        bulky=bulky,
    )
    return lines_promise(
        rules=rules,
        now=now,
        lines=[line],
        method=options[0].schedule,
        country=country,
        postal_code=postal_code,
    )


def ships_within_claim(
    *, rules: PromiseRules, warehouse_ids: set[int], method: MethodSchedule
) -> bool:
    """Say whether a stocked warehouse can keep the claim, whatever the hour.

    Handling days plus the method's maximum transit, as the banner counts.
    """
    return any(
        w.handling_days + method.maximum_days <= rules.claim_max_days
        for w in rules.warehouses
        if w.warehouse_id in warehouse_ids
    )
