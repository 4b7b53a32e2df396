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

from django.contrib.postgres.aggregates import ArrayAgg
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, Value
from django.utils import timezone
from django_countries import countries
from prices import Money

from backend.channel.models import Channel
from backend.core.promise_version import promise_rules_version
from backend.product.models import ProductType
from backend.warehouse.models import ChannelWarehouse, Stock, Warehouse

from .models import (
    PostalCodeRuleInclusionType,
    ShippingMethodChannelListing,
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
    """Return the channel's rules from the cache, loading them on a miss."""
    key = f"lumbar:promise-rules:{promise_rules_version()}:{channel_slug}"
    rules = cache.get(key)
    if rules is None:
        rules = _rules_load(channel_slug)
        cache.set(key, rules, RULES_TIMEOUT)
    return rules or None


def _rules_load(channel_slug: str) -> PromiseRules | bool:
    channel = Channel.objects.filter(slug=channel_slug).first()
    if channel is None:
        return False
    links = (
        ChannelWarehouse.objects.filter(channel=channel)
        .select_related("warehouse")
        .prefetch_related("warehouse__holidays")
        .order_by("sort_order", "pk")
    )
    warehouses = tuple(
        WarehouseSchedule(
            warehouse_id=link.warehouse.pk,
            name=link.warehouse.name,
            time_zone=link.warehouse.time_zone,
            cutoffs=link.warehouse.cutoffs(),
            handling_days=link.warehouse.handling_days,
            holidays=frozenset(h.date for h in link.warehouse.holidays.all()),
        )
        for link in links
    )
    listings = (
        ShippingMethodChannelListing.objects.filter(
            channel=channel, shipping_method__shipping_zone__channels=channel
        )
        .select_related("shipping_method__shipping_zone")
        .prefetch_related("shipping_method__postal_code_rules")
        .annotate(
            excluded_product_ids=ArrayAgg(
                "shipping_method__excluded_products",
                distinct=True,
                filter=Q(shipping_method__excluded_products__isnull=False),
                default=Value([]),
            )
        )
        .order_by("price_amount", "shipping_method__name", "pk")
    )
    methods = tuple(_method_option(listing) for listing in listings)
    bulky = frozenset(
        ProductType.objects.filter(is_bulky=True).values_list("pk", flat=True)
    )
    return PromiseRules(
        channel_slug=channel.slug,
        default_country=str(channel.default_country),
        claim_text=channel.delivery_promise_text,
        claim_max_days=channel.delivery_promise_max_days,
        warehouses=warehouses,
        methods=methods,
        bulky_product_type_ids=bulky,
    )


def _method_option(listing: ShippingMethodChannelListing) -> MethodOption:
    method = listing.shipping_method
    minimum = method.minimum_delivery_days or 0
    schedule = MethodSchedule(
        method_id=method.pk,
        name=method.name,
        minimum_days=minimum,
        maximum_days=max(minimum, method.maximum_delivery_days or minimum),
        postal_code_rules=tuple(
            PostalCodeRule(
                start=rule.start,
                end=rule.end,
                include=rule.inclusion_type == PostalCodeRuleInclusionType.INCLUDE,
            )
            for rule in method.postal_code_rules.all()
        ),
    )
    return MethodOption(
        schedule=schedule,
        countries=frozenset(str(c) for c in method.shipping_zone.countries),
        price=listing.price,
        minimum_order_price=listing.minimum_order_price_amount,
        maximum_order_price=listing.maximum_order_price_amount,
        excluded_product_ids=frozenset(listing.excluded_product_ids),
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
    warehouse_ids = [w.warehouse_id for w in rules.warehouses]
    sellable = Stock.objects.filter(warehouse_id__in=warehouse_ids).sellable(
        now=timezone.now()
    )
    # A warehouse is stocked once one sellable row is found (an EXISTS per
    # warehouse, through the (warehouse, variant) index), never a read of
    # every stock row.
    stocked = set(
        Warehouse.objects.filter(pk__in=warehouse_ids)
        .filter(Exists(sellable.filter(warehouse_id=OuterRef("pk"))))
        .values_list("pk", flat=True)
    )
    bulky = (
        bool(rules.bulky_product_type_ids)
        and sellable.filter(
            product_variant__product__product_type_id__in=rules.bulky_product_type_ids
        ).exists()
    )
    checks = {
        country: _claim_check(rules, country=country, stocked=stocked, bulky=bulky)
        for country in shipping_countries(rules)
    }
    cache.set(key, checks, CLAIM_TIMEOUT)
    return checks


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
