"""Shop blocks: the products an article's blocks show to a shopper of a channel.

A block is curated (product slugs from the file, or the page's Featured
products references) or a rule (condition, therapy, fast shipping, limit).
Curated blocks keep their order and mark what is out of stock; rule blocks
hold only products a shopper can buy now. A block that would be empty falls
back to the rule for the article's conditions. Every function here runs a
fixed number of queries whatever the number of pages and blocks.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet, Value
from django.utils import timezone

from backend.attribute.models import AssignedPageAttributeValue
from backend.core import cache_versions
from backend.core.compiled_sql import compiled_rows, id_in
from backend.product.models import Product
from backend.product.selectors import (
    CatalogFilters,
    ProductCard,
    products_filter_catalog,
)
from backend.shipping.promise_rules import (
    promise_rules_get,
    ships_within_claim,
    variant_promise,
)
from backend.shipping.promise_text import promise_short
from backend.warehouse.selectors import (
    LISTED_PRODUCT_FIELDS,
    CatalogRow,
    StockState,
    catalog_rows,
    products_filter_in_stock,
    products_stocked_warehouses,
)

from ..models import Article, Page
from ..services.article_page_type import (
    CONDITIONS_SLUG,
    FEATURED_PRODUCTS_SLUG,
    THERAPY_SLUG,
)

# A rule block without a limit shows this many products.
RULE_DEFAULT_LIMIT = 4
# The "Shop ... products" block at the end of every article.
END_BLOCK_LIMIT = 4


@dataclass(frozen=True)
class ShopRule:
    """Which products a rule block picks; hashable so equal rules share a query."""

    conditions: tuple[str, ...] = ()
    therapy: str | None = None
    fast_shipping: bool = False
    limit: int = RULE_DEFAULT_LIMIT


@dataclass(frozen=True)
class ShopBlockItem:
    product: ProductCard
    stock: StockState
    # A stocked warehouse and the usual method keep the channel's fast claim.
    ships_fast: bool
    # "Get it by Fri 27 Nov" for one unit ordered now; None when no date.
    delivery_line: str | None
    # The line holds until this moment (the order-by deadline behind it).
    delivery_line_until: datetime | None = None


@dataclass(frozen=True)
class ShopBlock:
    # The directive's index in the body; None for the end-of-article block.
    index: int | None
    title: str | None
    # "products" (file list), "featured" (page references), "rule", or
    # "fallback" (the article's conditions, because the block came out empty).
    source: str
    items: list[ShopBlockItem]


@dataclass(frozen=True)
class ArticleShopBlocks:
    inline: dict[int, ShopBlock]
    end: ShopBlock


@dataclass(frozen=True)
class _Request:
    key: tuple
    index: int | None
    title: str | None
    source: str
    product_slugs: tuple[str, ...] = ()
    product_ids: tuple[int, ...] = ()
    rule: ShopRule | None = None
    fallback: ShopRule | None = None
    limit: int | None = None


def shop_block_products(
    *, block: dict, channel_slug: str, page: Page | None = None
) -> ShopBlock:
    """Return one block spec resolved for the channel.

    With a page, an empty block falls back to the rule for the page's
    conditions; without one, to the block's own condition.
    """
    if page is not None:
        context = _page_contexts([page])[page.pk]
        fallback = context.rule
    else:
        condition = block.get("condition")
        fallback = ShopRule(conditions=(condition,) if condition else ())
    request = _block_request(key=("block",), block=block, fallback=fallback)
    return _blocks_resolve([request], channel_slug=channel_slug)[("block",)]


def article_shop_blocks(
    *, pages: list[Page], channel_slug: str
) -> dict[int, ArticleShopBlocks]:
    """Return every page's inline blocks and end block, by page id.

    Eight queries whatever the number of pages and blocks, once the
    delivery rules are cached.
    """
    contexts = _page_contexts(pages)
    requests = []
    for page in pages:
        context = contexts[page.pk]
        for block in context.blocks:
            requests.append(
                _block_request(
                    key=(page.pk, block["index"]), block=block, fallback=context.rule
                )
            )
        requests.append(
            _Request(
                key=(page.pk, None),
                index=None,
                title=context.end_title,
                source="featured" if context.featured_ids else "rule",
                product_ids=context.featured_ids,
                rule=None if context.featured_ids else context.rule,
                fallback=context.rule,
                limit=None if context.featured_ids else END_BLOCK_LIMIT,
            )
        )
    resolved = _blocks_resolve(requests, channel_slug=channel_slug)
    return {
        page.pk: ArticleShopBlocks(
            inline={
                block["index"]: resolved[(page.pk, block["index"])]
                for block in contexts[page.pk].blocks
            },
            end=resolved[(page.pk, None)],
        )
        for page in pages
    }


@dataclass(frozen=True)
class _PageContext:
    blocks: list[dict]
    featured_ids: tuple[int, ...]
    rule: ShopRule
    end_title: str


def _page_contexts(pages: list[Page]) -> dict[int, _PageContext]:
    """Read the pages' block specs, conditions and featured products (2 queries).

    Every article page asks: both queries are compiled once per process.
    """
    page_ids = [page.pk for page in pages]
    # Page id -> (block specs, the file's conditions).
    articles = {
        page_id: (shop_blocks, file_conditions)
        for page_id, shop_blocks, file_conditions in compiled_rows(
            model=Article,
            key=("article-block-specs",),
            build=lambda _now, ids: Article.objects.filter(
                id_in("page_id", ids)
            ).values_list("page_id", "shop_blocks", "conditions"),
            id_lists=(page_ids,),
        )
    }
    assigned = compiled_rows(
        model=AssignedPageAttributeValue,
        key=("article-conditions-and-featured",),
        build=lambda _now, ids: _page_tags_query(ids),
        id_lists=(page_ids,),
    )
    conditions: dict[int, list[tuple[str, str]]] = defaultdict(list)
    featured: dict[int, list[int]] = defaultdict(list)
    for page_id, attribute_slug, value_slug, value_name, product_id in assigned:
        if attribute_slug == CONDITIONS_SLUG:
            conditions[page_id].append((value_slug, value_name))
        elif product_id is not None and product_id not in featured[page_id]:
            featured[page_id].append(product_id)
    contexts = {}
    for page_id in page_ids:
        shop_blocks, file_conditions = articles.get(page_id, ([], []))
        # The page's Conditions attribute; the file's list if staff cleared it.
        named = conditions.get(page_id) or [
            (slug, slug.replace("-", " ")) for slug in file_conditions
        ]
        contexts[page_id] = _PageContext(
            blocks=list(shop_blocks),
            featured_ids=tuple(featured.get(page_id, ())),
            rule=ShopRule(
                conditions=tuple(slug for slug, _ in named), limit=END_BLOCK_LIMIT
            ),
            end_title=(
                f"Shop {named[0][1].lower()} products" if named else "Shop products"
            ),
        )
    return contexts


def _page_tags_query(page_ids: list[int]) -> QuerySet:
    return (
        AssignedPageAttributeValue.objects.filter(
            id_in("page_id", page_ids),
            value__attribute__slug__in=(CONDITIONS_SLUG, FEATURED_PRODUCTS_SLUG),
        )
        .order_by("page_id", "sort_order", "pk")
        .values_list(
            "page_id",
            "value__attribute__slug",
            "value__slug",
            "value__name",
            "value__reference_product_id",
        )
    )


def _block_request(*, key: tuple, block: dict, fallback: ShopRule) -> _Request:
    if block.get("products"):
        return _Request(
            key=key,
            index=block.get("index"),
            title=block.get("title"),
            source="products",
            product_slugs=tuple(block["products"]),
            fallback=fallback,
            limit=block.get("limit"),
        )
    condition = block.get("condition")
    rule = ShopRule(
        conditions=(condition,) if condition else (),
        therapy=block.get("therapy"),
        fast_shipping=bool(block.get("fast_shipping")),
        limit=block.get("limit") or RULE_DEFAULT_LIMIT,
    )
    return _Request(
        key=key,
        index=block.get("index"),
        title=block.get("title"),
        source="rule",
        rule=rule,
        fallback=fallback,
        limit=rule.limit,
    )


def _blocks_resolve(
    requests: list[_Request], *, channel_slug: str
) -> dict[tuple, ShopBlock]:
    """Resolve the requests together: rules, products, prices, images, stock."""
    rules = list(
        dict.fromkeys(
            rule
            for request in requests
            for rule in (request.rule, request.fallback)
            if rule is not None
        )
    )
    rule_products = _rules_products(rules, channel_slug=channel_slug)
    slugs = {slug for request in requests for slug in request.product_slugs}
    ids = {pk for request in requests for pk in request.product_ids}
    ids.update(pk for pks in rule_products.values() for pk in pks)
    products = []
    if slugs or ids:
        products = list(
            Product.objects.published(channel_slug)
            .filter(Q(slug__in=slugs) | Q(pk__in=ids))
            # What a row and a promise read (catalog_rows, product types).
            .only(*LISTED_PRODUCT_FIELDS, "product_type_id")
        )
    rows = {
        row.product.id: row
        for row in catalog_rows(products=products, channel_slug=channel_slug)
    }
    promises = _promises(
        rows,
        channel_slug=channel_slug,
        product_types={product.pk: product.product_type_id for product in products},
    )

    def _item(row: CatalogRow) -> ShopBlockItem:
        ships_fast, line, until = promises.get(row.product.id, (False, None, None))
        return ShopBlockItem(
            product=row.product,
            stock=row.stock,
            ships_fast=ships_fast and row.stock.in_stock,
            delivery_line=line if row.stock.in_stock else None,
            delivery_line_until=until if row.stock.in_stock else None,
        )

    id_of_slug = {product.slug: product.pk for product in products}
    resolved = {}
    for request in requests:
        if request.product_slugs or request.product_ids:
            wanted = [id_of_slug.get(slug) for slug in request.product_slugs]
            wanted += list(request.product_ids)
            items = [_item(rows[pk]) for pk in wanted if pk in rows]
        elif request.rule is not None:
            items = [
                _item(rows[pk])
                for pk in rule_products[request.rule]
                if _rule_keeps(request.rule, rows.get(pk), promises.get(pk))
            ]
        else:
            items = []
        items = items[: request.limit] if request.limit else items
        source = request.source
        if not items and request.fallback is not None:
            source = "fallback"
            items = [
                _item(rows[pk])
                for pk in rule_products[request.fallback]
                if _rule_keeps(request.fallback, rows.get(pk), promises.get(pk))
            ]
        resolved[request.key] = ShopBlock(
            index=request.index, title=request.title, source=source, items=items
        )
    return resolved


def _rule_keeps(rule: ShopRule, row: CatalogRow | None, promise) -> bool:
    """A rule shows only what can be bought, and only fast shippers if it asks."""
    if row is None or not row.stock.in_stock:
        return False
    return not rule.fast_shipping or bool(promise and promise[0])


def _promises(
    rows: dict[int, CatalogRow], *, channel_slug: str, product_types: dict[int, int]
) -> dict[int, tuple[bool, str | None, datetime | None]]:
    """Return (ships fast, line, line's deadline) per product, for one unit now.

    One query (where each product is stocked); the rules come from the cache.
    """
    rules = promise_rules_get(channel_slug=channel_slug)
    in_stock = [pk for pk, row in rows.items() if row.stock.in_stock]
    if rules is None or not in_stock:
        return {}
    stocked = products_stocked_warehouses(
        product_ids=in_stock, channel_slug=channel_slug
    )
    now = timezone.now()
    results = {}
    for product_id in in_stock:
        warehouses = stocked[product_id]
        price = rows[product_id].product.price
        options = rules.methods_for(
            country=rules.default_country, subtotal=price, product_ids=(product_id,)
        )
        if not options or not warehouses:
            continue
        bulky = rules.is_bulky(product_types.get(product_id))
        promise = variant_promise(
            rules=rules,
            now=now,
            variant_id=product_id,
            available_by_warehouse=dict.fromkeys(warehouses, 1),
            bulky=bulky,
            unit_price=price,
            product_id=product_id,
        )
        fast = (
            promise is not None
            and not bulky
            and ships_within_claim(
                rules=rules, warehouse_ids=warehouses, method=options[0].schedule
            )
        )
        results[product_id] = (
            fast,
            promise_short(promise) or None,
            promise.order_by if promise is not None else None,
        )
    return results


def _rule_queryset(rule: ShopRule, *, channel_slug: str, now: datetime) -> QuerySet:
    filters = CatalogFilters(
        attribute_values={
            CONDITIONS_SLUG: rule.conditions,
            THERAPY_SLUG: (rule.therapy,) if rule.therapy else (),
        }
    )
    queryset = products_filter_catalog(
        Product.objects.visible_in_listings(channel_slug, now=now),
        channel_slug=channel_slug,
        filters=filters,
    )
    # Rule blocks never show what cannot be bought. "Fast shipping" is
    # narrowed after the query, where the delivery rules are known.
    return products_filter_in_stock(queryset, channel_slug=channel_slug, now=now)


def _rules_query(
    rules: tuple[ShopRule, ...], *, channel_slug: str, now: datetime
) -> QuerySet:
    parts = [
        _rule_queryset(rule, channel_slug=channel_slug, now=now)
        .annotate(rule_index=Value(index))
        .order_by("name", "pk")
        .values_list("rule_index", "name", "pk")[: rule.limit]
        for index, rule in enumerate(rules)
    ]
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


def _rules_products(
    rules: list[ShopRule], *, channel_slug: str
) -> dict[ShopRule, list[int]]:
    """Return each rule's product ids in display order, in one query.

    The query's SQL is compiled once per process for the same rules: Django
    spent longer building its nested EXISTS than PostgreSQL answering it.
    """
    if not rules:
        return {}
    shape = tuple(rules)
    # What the listing shows moves with stock; said here because the
    # selectors that say it run only when the SQL is first compiled.
    cache_versions.depends_on(cache_versions.LISTINGS)
    rows = compiled_rows(
        model=Product,
        key=("shop-block-rules", channel_slug, shape),
        build=lambda now: _rules_query(shape, channel_slug=channel_slug, now=now),
        now=timezone.now(),
    )
    found: dict[ShopRule, list[tuple[str, int]]] = {rule: [] for rule in rules}
    for rule_index, name, product_id in rows:
        found[rules[rule_index]].append((name, product_id))
    # A union keeps no order of its own; sort each rule's rows again.
    return {rule: [pk for _, pk in sorted(rows)] for rule, rows in found.items()}
