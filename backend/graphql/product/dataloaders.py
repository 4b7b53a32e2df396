"""Per-request loaders of the product domain (see core/dataloaders.py).

Each runs one query per batch; loaders taking a channel slug or a language
code are distinct per argument.
"""

from collections import defaultdict

from backend.product import selectors
from backend.product.models import (
    Category,
    CategoryTranslation,
    Collection,
    CollectionChannelListing,
    CollectionTranslation,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantTranslation,
    VariantMedia,
)
from backend.warehouse.models import Stock
from backend.warehouse.selectors import variant_quantities_available

from ..core.catalog_rows import CatalogRowsCached
from ..core.dataloaders import DataLoader


class _ByIdLoader(DataLoader):
    model = None

    def batch_load(self, keys):
        found = self.model.objects.in_bulk(keys)
        return [found.get(key) for key in keys]


class CategoryByIdLoader(_ByIdLoader):
    model = Category


class ProductTypeByIdLoader(_ByIdLoader):
    model = ProductType


class ProductByIdLoader(_ByIdLoader):
    model = Product


class VariantByIdLoader(_ByIdLoader):
    model = ProductVariant


class VariantWithProductByIdLoader(CatalogRowsCached, DataLoader):
    """Variants with their product and product type, as checkout lines show."""

    def batch_load(self, keys):
        found = ProductVariant.objects.select_related("product__product_type").in_bulk(
            keys
        )
        return [found.get(key) for key in keys]


class _GroupLoader(DataLoader):
    """Load lists of rows grouped by the foreign key ``group_field`` names.

    Each subclass says which rows to read for the keys in ``rows``.
    """

    group_field = ""

    def batch_load(self, keys):
        grouped = defaultdict(list)
        for row in self.rows(keys):
            grouped[getattr(row, self.group_field)].append(row)
        return [grouped.get(key, []) for key in keys]


class VariantsByProductIdLoader(_GroupLoader):
    group_field = "product_id"

    def rows(self, keys):
        return ProductVariant.objects.filter(product_id__in=keys).order_by(
            "sort_order", "sku", "pk"
        )


class MediaByProductIdLoader(CatalogRowsCached, _GroupLoader):
    group_field = "product_id"

    def rows(self, keys):
        return ProductMedia.objects.filter(product_id__in=keys).order_by(
            "sort_order", "pk"
        )


class MediaByVariantIdLoader(CatalogRowsCached, _GroupLoader):
    group_field = "variant_id"

    def rows(self, keys):
        return (
            VariantMedia.objects.filter(variant_id__in=keys)
            .select_related("media")
            .order_by("media__sort_order", "media__pk")
        )

    def batch_load(self, keys):
        return [[row.media for row in rows] for rows in super().batch_load(keys)]


class CollectionsByProductIdLoader(_GroupLoader):
    group_field = "product_id"

    def rows(self, keys):
        return (
            Collection.products.through.objects.filter(product_id__in=keys)
            .select_related("collection")
            .order_by("collection__slug")
        )

    def batch_load(self, keys):
        return [[row.collection for row in rows] for rows in super().batch_load(keys)]


class CollectionListingsByCollectionIdLoader(_GroupLoader):
    group_field = "collection_id"

    def rows(self, keys):
        return CollectionChannelListing.objects.filter(
            collection_id__in=keys
        ).select_related("channel")


class ProductListingsByProductIdLoader(_GroupLoader):
    group_field = "product_id"

    def rows(self, keys):
        return ProductChannelListing.objects.filter(product_id__in=keys).select_related(
            "channel"
        )


class VariantListingsByVariantIdLoader(_GroupLoader):
    group_field = "variant_id"

    def rows(self, keys):
        return ProductVariantChannelListing.objects.filter(
            variant_id__in=keys
        ).select_related("channel")


class _ChannelLoader(DataLoader):
    def setup(self, channel_slug):
        self.channel_slug = channel_slug


class ProductListingByProductIdLoader(_ChannelLoader):
    def batch_load(self, keys):
        found = selectors.product_listings_by_product_id(
            product_ids=keys, channel_slug=self.channel_slug
        )
        return [found.get(key) for key in keys]


class VariantListingByVariantIdLoader(_ChannelLoader):
    def batch_load(self, keys):
        found = {
            listing.variant_id: listing
            for listing in ProductVariantChannelListing.objects.filter(
                variant_id__in=keys, channel__slug=self.channel_slug
            )
        }
        return [found.get(key) for key in keys]


class ProductPricingByProductIdLoader(_ChannelLoader):
    def batch_load(self, keys):
        found = selectors.product_pricing_by_product_id(
            product_ids=keys, channel_slug=self.channel_slug
        )
        return [found.get(key) for key in keys]


class VariantPriceByVariantIdLoader(_ChannelLoader):
    def batch_load(self, keys):
        found = selectors.variant_prices_by_variant_id(
            variant_ids=keys, channel_slug=self.channel_slug
        )
        return [found.get(key) for key in keys]


class QuantityAvailableByVariantIdLoader(DataLoader):
    def setup(self, channel_slug, country_code):
        self.channel_slug = channel_slug
        self.country_code = country_code

    def batch_load(self, keys):
        found = variant_quantities_available(
            variant_ids=keys,
            channel_slug=self.channel_slug,
            country_code=self.country_code,
        )
        return [found.get(key, 0) for key in keys]


class _TranslationLoader(DataLoader):
    model = None
    fk_name = ""

    def setup(self, language_code):
        self.language_code = language_code

    def batch_load(self, keys):
        found = {
            getattr(row, f"{self.fk_name}_id"): row
            for row in self.model.objects.filter(
                **{f"{self.fk_name}_id__in": keys},
                language_code=self.language_code,
            )
        }
        return [found.get(key) for key in keys]


class ProductTranslationLoader(CatalogRowsCached, _TranslationLoader):
    model = ProductTranslation
    fk_name = "product"


class VariantTranslationLoader(CatalogRowsCached, _TranslationLoader):
    model = ProductVariantTranslation
    fk_name = "product_variant"


class CategoryTranslationLoader(_TranslationLoader):
    model = CategoryTranslation
    fk_name = "category"


class CollectionTranslationLoader(_TranslationLoader):
    model = CollectionTranslation
    fk_name = "collection"


class ChildrenCountByCategoryIdLoader(_GroupLoader):
    group_field = "parent_id"

    def rows(self, keys):
        return Category.objects.filter(parent_id__in=keys).only("pk", "parent_id")


class VisibleVariantsByProductIdLoader(DataLoader):
    """Variants a reader sees: priced in the channel for a shopper, listed in
    it for staff, all of them for staff reading no channel."""

    def setup(self, channel_slug, can_manage):
        self.channel_slug = channel_slug
        self.can_manage = can_manage

    def batch_load(self, keys):
        variants = ProductVariant.objects.filter(product_id__in=keys).visible_to_user(
            channel_slug=self.channel_slug, can_manage=self.can_manage
        )
        grouped = defaultdict(list)
        for variant in variants.order_by("sort_order", "sku", "pk"):
            grouped[variant.product_id].append(variant)
        return [grouped.get(key, []) for key in keys]


class PublishedCollectionIdsLoader(DataLoader):
    """Ids of the collections published in a channel (one row set)."""

    def setup(self, channel_slug):
        self.channel_slug = channel_slug

    def batch_load(self, keys):
        published = set(
            Collection.objects.published(self.channel_slug).values_list("pk", flat=True)
        )
        return [published for _ in keys]


class StocksByVariantIdLoader(_GroupLoader):
    group_field = "product_variant_id"

    def rows(self, keys):
        return Stock.objects.filter(product_variant_id__in=keys).select_related(
            "warehouse"
        )


class VariantListingsByProductIdLoader(_ChannelLoader):
    """Each product's variant listings in a channel (cost and margin)."""

    def batch_load(self, keys):
        grouped = defaultdict(list)
        listings = ProductVariantChannelListing.objects.filter(
            variant__product_id__in=keys, channel__slug=self.channel_slug
        ).select_related("variant")
        for listing in listings:
            grouped[listing.variant.product_id].append(listing)
        return [grouped.get(key, []) for key in keys]
