"""Stock reads: how many of a variant a shopper of a channel can buy."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Window,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from backend.core import cache_versions
from backend.core.compiled_sql import compiled_rows, id_in, prepared_statements
from backend.product.models import ProductVariant
from backend.product.selectors import (
    CatalogFilters,
    ProductCard,
    product_cards,
    products_filter_catalog,
    products_sort_catalog,
)

from .models import ChannelWarehouse, Stock, Warehouse

# Saleor caps quantityAvailable for a shopper at this many.
MAX_CHECKOUT_LINE_QUANTITY = 50


@dataclass(frozen=True)
class VariantStockLevel:
    """What a shopper can buy of a variant, per warehouse and in all."""

    by_warehouse: dict[int, int]
    untracked: bool = False

    @property
    def total(self) -> int:
        if self.untracked:
            return MAX_CHECKOUT_LINE_QUANTITY
        return sum(self.by_warehouse.values())


def stock_sellable_by_warehouse(
    *, variant_ids: list[int], channel_slug: str, checkout_token=None
) -> dict[int, dict[int, int]]:
    """Return variant id -> channel warehouse id -> quantity a shopper can buy.

    One query; the rule is ``Stock.objects.annotate_sellable``. Units the
    checkout ``checkout_token`` holds itself count as its own to buy.
    """
    # Every checkout answer reads it, some twice; building the reservations
    # subquery cost Django more than PostgreSQL spends answering it.
    tokens = () if checkout_token is None else (uuid.UUID(str(checkout_token)),)
    rows = compiled_rows(
        model=Stock,
        key=("stock-sellable-by-warehouse", channel_slug, bool(tokens)),
        build=lambda now, ids, *token: _stock_sellable_query(
            variant_ids=ids,
            channel_slug=channel_slug,
            now=now,
            checkout_token=token[0] if token else None,
        ),
        now=timezone.now(),
        id_lists=(variant_ids,),
        uuids=tokens,
    )
    by_variant: dict[int, dict[int, int]] = {vid: {} for vid in variant_ids}
    for variant_id, warehouse_id, sellable in rows:
        by_variant[variant_id][warehouse_id] = sellable
    return by_variant


def _stock_sellable_query(
    *, variant_ids: list[int], channel_slug: str, now: datetime, checkout_token
) -> QuerySet:
    return (
        Stock.objects.filter(id_in("product_variant_id", variant_ids))
        .for_channel(channel_slug)
        .annotate_sellable(now=now, checkout_token=checkout_token)
        .values_list("product_variant_id", "warehouse_id", "quantity_sellable")
    )


def variant_stock_levels(
    *, variant_ids: list[int], channel_slug: str, checkout_token=None
) -> dict[int, VariantStockLevel]:
    """Return each variant's sellable quantity per channel warehouse.

    Two queries. A variant that does not track inventory is always
    available, up to the checkout cap.
    """
    by_variant = stock_sellable_by_warehouse(
        variant_ids=variant_ids,
        channel_slug=channel_slug,
        checkout_token=checkout_token,
    )
    untracked = set(
        ProductVariant.objects.filter(
            pk__in=variant_ids, track_inventory=False
        ).values_list("pk", flat=True)
    )
    return {
        variant_id: VariantStockLevel(
            by_warehouse=by_variant.get(variant_id, {}),
            untracked=variant_id in untracked,
        )
        for variant_id in variant_ids
    }


def variant_quantities_available(
    *,
    variant_ids: list[int],
    channel_slug: str,
    country_code: str | None = None,
    checkout_token=None,
) -> dict[int, int]:
    """Return the quantity a shopper can buy of each variant in the channel.

    ``country_code`` is accepted for Saleor's signature; every channel
    warehouse serves every zone of the channel.
    """
    levels = variant_stock_levels(
        variant_ids=variant_ids,
        channel_slug=channel_slug,
        checkout_token=checkout_token,
    )
    return {variant_id: level.total for variant_id, level in levels.items()}


def products_in_stock(*, product_ids: list[int], channel_slug: str) -> set[int]:
    """Return the ids of products with at least one variant a shopper can buy."""
    cache_versions.depends_on(*map(cache_versions.stock, product_ids))
    variants = ProductVariant.objects.filter(product_id__in=product_ids).values_list(
        "pk", "product_id"
    )
    product_of = dict(variants)
    available = variant_quantities_available(
        variant_ids=list(product_of), channel_slug=channel_slug
    )
    return {product_of[variant_id] for variant_id, qty in available.items() if qty > 0}


# What a shopper reads about stock, and the catalog listing that needs it.

# At or under this many a page says "Only N left".
LOW_STOCK_THRESHOLD = 5


@dataclass(frozen=True)
class StockState:
    """How much a shopper can buy, as a page words it."""

    quantity: int

    @property
    def in_stock(self) -> bool:
        return self.quantity > 0

    @property
    def is_low(self) -> bool:
        return 0 < self.quantity <= LOW_STOCK_THRESHOLD

    @property
    def label(self) -> str:
        if not self.in_stock:
            return "Out of stock"
        if self.is_low:
            return f"Only {self.quantity} left"
        return "In stock"

    @property
    def schema_availability(self) -> str:
        """Return the schema.org availability URL for structured data."""
        if self.in_stock:
            return "https://schema.org/InStock"
        return "https://schema.org/OutOfStock"


def product_quantities_available(
    *, product_ids: list[int], channel_slug: str
) -> dict[int, int]:
    """Return the quantity a shopper can buy of each product, over its variants.

    One query. Untracked variants count as the checkout cap.
    """
    cache_versions.depends_on(*map(cache_versions.stock, product_ids))
    return _product_quantities(product_ids=product_ids, channel_slug=channel_slug)


def _product_quantities(*, product_ids: list[int], channel_slug: str) -> dict[int, int]:
    # Every listing and shop block asks; building the nested sellable sum
    # cost Django more than PostgreSQL spends answering it.
    rows = compiled_rows(
        model=ProductVariant,
        key=("product-quantities", channel_slug),
        build=lambda now, ids: _product_quantities_query(
            product_ids=ids, channel_slug=channel_slug, now=now
        ),
        now=timezone.now(),
        id_lists=(product_ids,),
    )
    quantities = dict.fromkeys(product_ids, 0)
    for product_id, track_inventory, quantity in rows:
        if not track_inventory:
            quantity = MAX_CHECKOUT_LINE_QUANTITY
        quantities[product_id] += quantity
    return quantities


def _product_quantities_query(
    *, product_ids: list[int], channel_slug: str, now: datetime
) -> QuerySet:
    sellable = (
        Stock.objects.filter(product_variant_id=OuterRef("pk"))
        .for_channel(channel_slug)
        .annotate_sellable(now=now)
        .values("product_variant_id")
        .annotate(total=Sum("quantity_sellable"))
        .values("total")
    )
    return ProductVariant.objects.filter(id_in("product_id", product_ids)).values_list(
        "product_id", "track_inventory", Coalesce(Subquery(sellable), 0)
    )


def product_in_stock_q(*, channel_slug: str | None, now: datetime | None = None) -> Q:
    """Products with a variant a shopper can buy: "in stock", the one rule.

    A sellable unit (``Stock.objects.sellable``) in a warehouse of the
    channel, or of any channel for None, or a variant that tracks no stock.
    """
    # Which products a listing filtered on it holds.
    cache_versions.depends_on(cache_versions.LISTINGS)
    # One EXISTS over the product's variants (not two joined by OR), so
    # PostgreSQL can make it a semi-join: a listing walked in its order
    # looks up each product's few variants and stops at the page's end.
    stocked = (
        Stock.objects.filter(product_variant_id=OuterRef("pk"))
        .for_channel(channel_slug)
        .sellable(now=now or timezone.now())
    )
    buyable = ProductVariant.objects.filter(product_id=OuterRef("pk")).filter(
        Q(track_inventory=False) | Q(Exists(stocked))
    )
    return Q(Exists(buyable))


def products_filter_in_stock(
    queryset: QuerySet, *, channel_slug: str, now: datetime | None = None
) -> QuerySet:
    """Return the products with a variant a shopper of the channel can buy."""
    return queryset.filter(product_in_stock_q(channel_slug=channel_slug, now=now))


# What catalog_rows reads of a listed product (product_cards).
LISTED_PRODUCT_FIELDS = ("id", "name", "slug")


@dataclass(frozen=True)
class CatalogRow:
    product: ProductCard
    stock: StockState


@dataclass(frozen=True)
class CatalogPage:
    rows: list[CatalogRow]
    page: Page


def catalog_page(
    *,
    queryset: QuerySet,
    channel_slug: str,
    filters: CatalogFilters,
    in_stock_only: bool = False,
    page_number: int | str | None = 1,
    page_size: int,
    narrow: Callable[[QuerySet], QuerySet] | None = None,
) -> CatalogPage:
    """Return one page of a filtered, sorted listing, ready to render.

    Four queries whatever the page size: the page with the listing's count,
    prices, images, stock. A page number out of range gives the nearest
    page (two queries more). ``narrow`` keeps a bounded part of the
    filtered products (a search's best matches) before sorting; they are
    read whole and paged in Python.
    """
    queryset = products_filter_catalog(
        queryset, channel_slug=channel_slug, filters=filters
    )
    if in_stock_only:
        queryset = products_filter_in_stock(queryset, channel_slug=channel_slug)
    if narrow is not None:
        queryset = narrow(queryset)
    queryset = products_sort_catalog(
        queryset, channel_slug=channel_slug, sort=filters.sort
    )
    # A card reads these; the rest (search vectors, descriptions) is weight.
    queryset = queryset.only(*LISTED_PRODUCT_FIELDS)
    if narrow is not None:
        # A search's best matches are few (SEARCH_BEST_MATCHES): read them
        # all, in order, and page them here, in one query.
        page = Paginator(list(queryset), page_size).get_page(page_number)
    else:
        page = _listing_page(queryset, page_number=page_number, page_size=page_size)
    products = list(page.object_list)
    return CatalogPage(
        rows=catalog_rows(products=products, channel_slug=channel_slug), page=page
    )


# PostgreSQL's OFFSET is a bigint.
_OFFSET_MAX = 2**63 - 1


def _listing_page(
    queryset: QuerySet, *, page_number: int | str | None, page_size: int
) -> Page:
    """Return the page of the listing, counted in the query that reads it.

    The count and the page each planned and ran the listing's filters; a
    window count over the page's query does it once. Past the last page
    the page comes back empty: the paginator then counts and gives the
    last page, as get_page() does.
    """
    paginator = Paginator(queryset, page_size)
    try:
        number = int(page_number)
    except (TypeError, ValueError):
        number = 1
    bottom = (number - 1) * page_size
    if number < 1 or bottom + page_size > _OFFSET_MAX:
        # The paginator's own answer; PostgreSQL takes no larger OFFSET.
        return paginator.get_page(page_number)
    # The same SQL for every category and moment (they are parameters):
    # prepared, its plan is kept, and planning cost as much as running it.
    with prepared_statements(using=queryset.db):
        products = list(
            queryset.annotate(listing_count=Window(Count("*")))[
                bottom : bottom + page_size
            ]
        )
    if not products and number > 1:
        return paginator.get_page(page_number)
    # Set as Paginator.count (a cached property) would have computed it.
    paginator.count = products[0].listing_count if products else 0
    return Page(products, number, paginator)


def catalog_rows(*, products: list, channel_slug: str) -> list[CatalogRow]:
    """Return the listing rows of the products, in order, in three queries."""
    cards = product_cards(products=products, channel_slug=channel_slug)
    product_ids = [card.id for card in cards]
    # A card shows the stock's label, not its number (stock_versions).
    cache_versions.depends_on(*map(cache_versions.product, product_ids))
    quantities = _product_quantities(product_ids=product_ids, channel_slug=channel_slug)
    return [
        CatalogRow(product=card, stock=StockState(quantity=quantities[card.id]))
        for card in cards
    ]


def products_stocked_warehouses(
    *, product_ids: list[int], channel_slug: str
) -> dict[int, set[int]]:
    """Return, per product, the channel warehouses holding a sellable unit.

    One query; what a block needs to promise a date for one unit. A
    warehouse running out of a product moves its listing version.
    """
    cache_versions.depends_on(*map(cache_versions.product, product_ids))
    # Every article's shop blocks ask: compiled once per process.
    rows = compiled_rows(
        model=Stock,
        key=("products-stocked-warehouses", channel_slug),
        build=lambda now, ids: (
            Stock.objects.filter(id_in("product_variant__product_id", ids))
            .for_channel(channel_slug)
            .sellable(now=now)
            .values_list("product_variant__product_id", "warehouse_id")
            .order_by()  # Stock's default ordering would add its id to DISTINCT
            .distinct()
        ),
        now=timezone.now(),
        id_lists=(product_ids,),
    )
    stocked: dict[int, set[int]] = {product_id: set() for product_id in product_ids}
    for product_id, warehouse_id in rows:
        stocked[product_id].add(warehouse_id)
    return stocked


def stocks_low(
    *, threshold: int = LOW_STOCK_THRESHOLD, warehouse_id: int | None = None
):
    """Return stock rows whose sellable quantity is at or under the threshold."""
    rows = (
        Stock.objects.annotate_sellable(now=timezone.now())
        .annotate(available=F("quantity_sellable"))
        .filter(available__lte=threshold, product_variant__track_inventory=True)
        .select_related("warehouse", "product_variant__product")
        .order_by("available", "warehouse__name", "product_variant__sku")
    )
    if warehouse_id is not None:
        rows = rows.filter(warehouse_id=warehouse_id)
    return rows


def warehouse_main() -> Warehouse | None:
    """Return the default channel's first warehouse, else the oldest one."""
    rank = ChannelWarehouse.objects.filter(
        warehouse=OuterRef("pk"), channel__slug=settings.DEFAULT_CHANNEL_SLUG
    ).values("sort_order")[:1]
    return (
        Warehouse.objects.select_related("address")
        .annotate(rank=Subquery(rank))
        .order_by(F("rank").asc(nulls_last=True), "pk")
        .first()
    )


def operations_time_zone() -> ZoneInfo:
    """Return the zone ops pages tell time in: the setting, else the main
    warehouse's, else UTC."""
    if settings.OPERATIONS_TIME_ZONE:
        return ZoneInfo(settings.OPERATIONS_TIME_ZONE)
    warehouse = warehouse_main()
    if warehouse is None:
        return ZoneInfo("UTC")
    return ZoneInfo(warehouse.time_zone)
