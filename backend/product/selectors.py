"""Catalog reads shared by the storefront, the API and the demo loader.

Every function here takes many ids at once and runs a fixed number of
queries, so a page or a dataloader pays the same for 5 products as for 50.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import router
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone
from prices import Money, MoneyRange

from backend.attribute.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    AttributeValue,
)
from backend.core.compiled_sql import compiled_rows, id_in

from .models import (
    Category,
    Collection,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductMediaTypes,
    ProductVariantChannelListing,
)
from .thumbnails import thumbnail_url


@dataclass(frozen=True)
class VariantPrice:
    price: Money
    undiscounted: Money


@dataclass(frozen=True)
class ProductPricing:
    price_range: MoneyRange
    price_range_undiscounted: MoneyRange
    on_sale: bool


def variant_prices_by_variant_id(
    *, variant_ids: list[int], channel_slug: str
) -> dict[int, VariantPrice]:
    """Return the channel price of each priced variant.

    The undiscounted price is the prior ("was") price when it is higher.
    """
    listings = ProductVariantChannelListing.objects.filter(
        variant_id__in=variant_ids,
        channel__slug=channel_slug,
        price_amount__isnull=False,
    ).only("variant_id", "price_amount", "prior_price_amount", "currency")
    prices = {}
    for listing in listings:
        price = listing.price
        undiscounted = price
        if (
            listing.prior_price_amount
            and listing.prior_price_amount > listing.price_amount
        ):
            undiscounted = listing.prior_price
        prices[listing.variant_id] = VariantPrice(
            price=price, undiscounted=undiscounted
        )
    return prices


def product_pricing_by_product_id(
    *, product_ids: list[int], channel_slug: str
) -> dict[int, ProductPricing]:
    """Return the price range of each product over its priced variants."""
    # Every listing, shop block and product answer asks: compiled once.
    listings = compiled_rows(
        model=ProductVariantChannelListing,
        key=("product-pricing", channel_slug),
        build=lambda _now, ids: _variant_prices_query(
            product_ids=ids, channel_slug=channel_slug
        ),
        id_lists=(product_ids,),
    )
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for product_id, amount, prior, currency in listings:
        grouped[product_id].append((amount, prior, currency))
    pricing = {}
    for product_id, rows in grouped.items():
        currency = rows[0][2]
        amounts = [amount for amount, _, _ in rows]
        undiscounted = [max(amount, prior or amount) for amount, prior, _ in rows]
        pricing[product_id] = ProductPricing(
            price_range=MoneyRange(
                Money(min(amounts), currency), Money(max(amounts), currency)
            ),
            price_range_undiscounted=MoneyRange(
                Money(min(undiscounted), currency), Money(max(undiscounted), currency)
            ),
            on_sale=any(u > a for a, u in zip(amounts, undiscounted, strict=True)),
        )
    return pricing


def _variant_prices_query(*, product_ids: list[int], channel_slug: str) -> QuerySet:
    return ProductVariantChannelListing.objects.filter(
        id_in("variant__product_id", product_ids),
        channel__slug=channel_slug,
        price_amount__isnull=False,
    ).values_list(
        "variant__product_id", "price_amount", "prior_price_amount", "currency"
    )


def product_listings_by_product_id(
    *, product_ids: list[int], channel_slug: str
) -> dict[int, ProductChannelListing]:
    """Return each product's listing in the channel."""
    listings = ProductChannelListing.objects.filter(
        product_id__in=product_ids, channel__slug=channel_slug
    )
    return {listing.product_id: listing for listing in listings}


def product_is_available_for_purchase(listing: ProductChannelListing | None) -> bool:
    """Return whether the channel listing lets a shopper buy the product now."""
    if listing is None or listing.available_for_purchase_at is None:
        return False
    return listing.available_for_purchase_at <= timezone.now()


# Catalog listing for the storefront pages.
#
# A listing is a queryset narrowed step by step (channel visibility, a
# category subtree or a collection, attribute values, a price range), then
# sorted and paginated; the rows of one page are read in a fixed number of
# queries. Stock lives above this package: backend.warehouse.selectors adds
# the in-stock filter and the stock state of each row.

CATALOG_SORTS = {
    "name": "Name",
    "price": "Price: low to high",
    "-price": "Price: high to low",
    "newest": "Newest",
}
CATALOG_DEFAULT_SORT = "name"
# A search's results come best match first (``search_rank``) by default.
SEARCH_SORTS = {"relevance": "Relevance", **CATALOG_SORTS}
SEARCH_DEFAULT_SORT = "relevance"
CARD_THUMBNAIL_SIZE = 512


@dataclass(frozen=True)
class CatalogFilters:
    """What a shopper narrowed a listing to; empty means everything."""

    # Attribute slug -> value slugs; values of one attribute are alternatives.
    attribute_values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    sort: str = CATALOG_DEFAULT_SORT


@dataclass(frozen=True)
class ProductCard:
    """A product as a listing shows it."""

    id: int
    name: str
    slug: str
    price_range: MoneyRange | None
    thumbnail_url: str | None
    thumbnail_alt: str

    @property
    def price(self) -> Money | None:
        return self.price_range.start if self.price_range else None

    @property
    def has_price_range(self) -> bool:
        return (
            bool(self.price_range) and self.price_range.start != self.price_range.stop
        )


@dataclass(frozen=True)
class FilterChoices:
    attribute_slug: str
    label: str
    choices: tuple[tuple[str, str], ...]


def products_for_listing(
    *,
    channel_slug: str,
    category: Category | None = None,
    collection: Collection | None = None,
) -> QuerySet:
    """Return the products listed to a shopper, in a category subtree or collection."""
    queryset = Product.objects.visible_in_listings(channel_slug)
    if category is not None:
        queryset = queryset.filter(
            category__tree_id=category.tree_id,
            category__lft__gte=category.lft,
            category__rght__lte=category.rght,
        )
    if collection is not None:
        queryset = queryset.filter(collectionproduct__collection=collection)
    return queryset


def products_filter_catalog(
    queryset: QuerySet, *, channel_slug: str, filters: CatalogFilters
) -> QuerySet:
    """Return the products matching the attribute values and price range."""
    for attribute_slug, value_slugs in filters.attribute_values.items():
        if not value_slugs:
            continue
        on_product = AssignedProductAttributeValue.objects.filter(
            product_id=OuterRef("pk"),
            value__attribute__slug=attribute_slug,
            value__slug__in=value_slugs,
        ).values("pk")
        on_variant = AssignedVariantAttributeValue.objects.filter(
            variant__product_id=OuterRef("pk"),
            value__attribute__slug=attribute_slug,
            value__slug__in=value_slugs,
        ).values("pk")
        # One EXISTS over both: PostgreSQL probes it per product (by index)
        # as a listing walks in order, where two ORed EXISTS would each be
        # hashed whole first (every product of a common condition).
        queryset = queryset.filter(Exists(on_product.union(on_variant, all=True)))
    if filters.price_min is not None or filters.price_max is not None:
        priced = _channel_prices(channel_slug).filter(
            variant__product_id=OuterRef("pk")
        )
        if filters.price_min is not None:
            priced = priced.filter(price_amount__gte=filters.price_min)
        if filters.price_max is not None:
            priced = priced.filter(price_amount__lte=filters.price_max)
        queryset = queryset.filter(Exists(priced))
    return queryset


def products_sort_catalog(
    queryset: QuerySet, *, channel_slug: str, sort: str
) -> QuerySet:
    """Return the products in the shopper's order; ties break by name then id."""
    if sort in {"price", "-price"}:
        cheapest = (
            _channel_prices(channel_slug)
            .filter(variant__product_id=OuterRef("pk"))
            .order_by("price_amount")
            .values("price_amount")[:1]
        )
        queryset = queryset.annotate(catalog_price=Subquery(cheapest))
        return queryset.order_by(sort.replace("price", "catalog_price"), "name", "pk")
    if sort == "newest":
        return queryset.order_by("-created_at", "-pk")
    if sort == "relevance" and "search_rank" in queryset.query.annotations:
        return queryset.order_by("-search_rank", "name", "pk")
    return queryset.order_by("name", "pk")


def product_cards(
    *,
    products: list[Product],
    channel_slug: str,
    thumbnail_size: int = CARD_THUMBNAIL_SIZE,
) -> list[ProductCard]:
    """Return a card per product, in order, reading prices and images in two queries."""
    product_ids = [product.pk for product in products]
    pricing = product_pricing_by_product_id(
        product_ids=product_ids, channel_slug=channel_slug
    )
    first_media = product_first_images(product_ids=product_ids)
    cards = []
    for product in products:
        media = first_media.get(product.pk)
        price = pricing.get(product.pk)
        cards.append(
            ProductCard(
                id=product.pk,
                name=product.name,
                slug=product.slug,
                price_range=price.price_range if price else None,
                thumbnail_url=(
                    thumbnail_url(media=media, size=thumbnail_size, format="WEBP")
                    if media
                    else None
                ),
                thumbnail_alt=(media.alt or product.name) if media else "",
            )
        )
    return cards


def product_first_images(*, product_ids: list[int]) -> dict[int, ProductMedia]:
    """Return each product's first image in gallery order.

    The images come with the fields a thumbnail needs, the others deferred;
    the query is compiled once per process (every listing asks).
    """
    rows = compiled_rows(
        model=ProductMedia,
        key=("product-first-images",),
        build=lambda _now, ids: _first_images_query(ids),
        id_lists=(product_ids,),
    )
    using = router.db_for_read(ProductMedia)
    return {
        values[_FIRST_IMAGE_PRODUCT]: ProductMedia.from_db(
            using, FIRST_IMAGE_FIELDS, values
        )
        for values in rows
    }


# What a card's or a cart line's image reads of a ProductMedia, in the
# model's field order: Model.from_db() reads a row of some fields in it.
FIRST_IMAGE_FIELDS = tuple(
    field.attname
    for field in ProductMedia._meta.concrete_fields
    if field.attname
    in {"id", "product_id", "sort_order", "image", "alt", "type", "external_url"}
)
_FIRST_IMAGE_PRODUCT = FIRST_IMAGE_FIELDS.index("product_id")


def _first_images_query(product_ids: list[int]) -> QuerySet:
    return (
        ProductMedia.objects.filter(
            id_in("product_id", product_ids), type=ProductMediaTypes.IMAGE
        )
        .exclude(image="")
        .order_by("product_id", "sort_order", "pk")
        .distinct("product_id")
        .values_list(*FIRST_IMAGE_FIELDS)
    )


def catalog_filter_choices(*, attribute_slugs: tuple[str, ...]) -> list[FilterChoices]:
    """Return the values a shopper can filter by for each attribute, in one query.

    Every listing asks: the query is compiled once per process.
    """
    rows = compiled_rows(
        model=AttributeValue,
        key=("catalog-filter-choices", attribute_slugs),
        build=lambda _now: _filter_values_query(attribute_slugs),
    )
    grouped: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for attribute_slug, attribute_name, value_slug, value_name in rows:
        grouped[attribute_slug].append((attribute_name, value_slug, value_name))
    return [
        FilterChoices(
            attribute_slug=slug,
            label=grouped[slug][0][0],
            choices=tuple((value_slug, name) for _, value_slug, name in grouped[slug]),
        )
        for slug in attribute_slugs
        if grouped.get(slug)
    ]


def _filter_values_query(attribute_slugs: tuple[str, ...]) -> QuerySet:
    return (
        AttributeValue.objects.filter(
            attribute__slug__in=attribute_slugs,
            attribute__filterable_in_storefront=True,
        )
        .order_by("sort_order", "name", "pk")
        .values_list("attribute__slug", "attribute__name", "slug", "name")
    )


def collections_published(*, channel_slug: str) -> QuerySet:
    """Return the collections a shopper of the channel may see."""
    return Collection.objects.published(channel_slug)


def _channel_prices(channel_slug: str) -> QuerySet:
    return ProductVariantChannelListing.objects.filter(
        channel__slug=channel_slug, price_amount__isnull=False
    )


# The product page.

GALLERY_THUMBNAIL_SIZE = 128
GALLERY_IMAGE_SIZE = 1024


@dataclass(frozen=True)
class VariantOption:
    id: int
    name: str
    sku: str
    price: Money | None
    undiscounted_price: Money | None
    # (attribute name, value names joined) for the variant's own attributes.
    attributes: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class GalleryImage:
    url: str
    thumbnail_url: str
    alt: str


@dataclass(frozen=True)
class ProductDetail:
    product: Product
    variants: list[VariantOption]
    pricing: ProductPricing | None
    gallery: list[GalleryImage]
    attributes: list[tuple[str, str]]
    # The category and its ancestors, root first.
    category_path: list[Category]


def product_detail(*, slug: str, channel_slug: str) -> ProductDetail | None:
    """Return what the product page shows, or None if a shopper cannot see it.

    Seven queries whatever the number of variants, images and attributes.
    """
    product = (
        Product.objects.published(channel_slug)
        .select_related("category")
        .filter(slug=slug)
        .first()
    )
    if product is None:
        return None
    variants = list(
        product.variants.visible_to_user(
            channel_slug=channel_slug, can_manage=False
        ).order_by("sort_order", "sku", "pk")
    )
    prices = variant_prices_by_variant_id(
        variant_ids=[variant.pk for variant in variants], channel_slug=channel_slug
    )
    variant_attributes = _variant_attributes(product)
    options = [
        VariantOption(
            id=variant.pk,
            name=variant.name or variant.sku or product.name,
            sku=variant.sku or "",
            price=prices[variant.pk].price if variant.pk in prices else None,
            undiscounted_price=(
                prices[variant.pk].undiscounted if variant.pk in prices else None
            ),
            attributes=tuple(variant_attributes.get(variant.pk, ())),
        )
        for variant in variants
    ]
    category_path = []
    if product.category is not None:
        category_path = list(product.category.get_ancestors(include_self=True))
    return ProductDetail(
        product=product,
        variants=options,
        pricing=_pricing_from_options(options),
        gallery=_gallery(product),
        attributes=_product_attributes(product),
        category_path=category_path,
    )


def _pricing_from_options(options: list[VariantOption]) -> ProductPricing | None:
    priced = [option for option in options if option.price is not None]
    if not priced:
        return None
    prices = [option.price for option in priced]
    undiscounted = [option.undiscounted_price for option in priced]
    return ProductPricing(
        price_range=MoneyRange(min(prices), max(prices)),
        price_range_undiscounted=MoneyRange(min(undiscounted), max(undiscounted)),
        on_sale=any(option.undiscounted_price > option.price for option in priced),
    )


def _gallery(product: Product) -> list[GalleryImage]:
    media = product.media.filter(type=ProductMediaTypes.IMAGE).exclude(image="")
    return [
        GalleryImage(
            url=thumbnail_url(media=item, size=GALLERY_IMAGE_SIZE, format="WEBP"),
            thumbnail_url=thumbnail_url(
                media=item, size=GALLERY_THUMBNAIL_SIZE, format="WEBP"
            ),
            alt=item.alt or product.name,
        )
        for item in media.order_by("sort_order", "pk")
    ]


def _product_attributes(product: Product) -> list[tuple[str, str]]:
    assigned = (
        AssignedProductAttributeValue.objects.filter(
            product=product, value__attribute__visible_in_storefront=True
        )
        .select_related("value__attribute")
        .order_by(
            "value__attribute__storefront_search_position",
            "value__attribute__name",
            "sort_order",
            "pk",
        )
    )
    return _joined_values(assigned)


def _variant_attributes(product: Product) -> dict[int, list[tuple[str, str]]]:
    assigned = (
        AssignedVariantAttributeValue.objects.filter(
            variant__product=product, value__attribute__visible_in_storefront=True
        )
        .select_related("value__attribute")
        .order_by(
            "variant_id",
            "value__attribute__storefront_search_position",
            "value__attribute__name",
            "sort_order",
            "pk",
        )
    )
    by_variant: dict[int, list] = defaultdict(list)
    for item in assigned:
        by_variant[item.variant_id].append(item)
    return {
        variant_id: _joined_values(items) for variant_id, items in by_variant.items()
    }


def _joined_values(assigned) -> list[tuple[str, str]]:
    """Return (attribute name, "value, value") pairs in attribute order."""
    grouped: dict[int, tuple[str, list[str]]] = {}
    for item in assigned:
        attribute = item.value.attribute
        name, values = grouped.setdefault(attribute.pk, (attribute.name, []))
        values.append(_value_text(item.value))
    return [(name, ", ".join(values)) for name, values in grouped.values()]


def _value_text(value: AttributeValue) -> str:
    attribute = value.attribute
    if value.boolean is not None and attribute.input_type == "boolean":
        return "Yes" if value.boolean else "No"
    if value.numeric is not None:
        number = f"{value.numeric.normalize():f}"
        return f"{number} {_unit_text(attribute.unit)}" if attribute.unit else number
    return value.name or value.plain_text or ""


def _unit_text(unit: str) -> str:
    """Return Saleor's measurement unit code as a reader writes it."""
    return {"INCH": "in", "SQ_INCH": "sq in"}.get(unit, unit.lower().replace("_", " "))
