from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.utils import timezone
from django_prices.models import MoneyField
from mptt.managers import TreeManager
from mptt.models import MPTTModel

from backend.channel.models import Channel
from backend.core.models import (
    ModelWithMetadata,
    SeoModel,
    SortableModel,
    TranslationModel,
)
from backend.core.search import PREFIX_CONFIG, SEARCH_CONFIG

PRICE_MAX_DIGITS = 12
PRICE_DECIMAL_PLACES = 3


class ProductTypeKind(models.TextChoices):
    NORMAL = "normal", "A standard product type."
    GIFT_CARD = "gift_card", "A gift card product type."


class ProductType(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    kind = models.CharField(
        max_length=32, choices=ProductTypeKind.choices, default=ProductTypeKind.NORMAL
    )
    has_variants = models.BooleanField(default=True)
    is_shipping_required = models.BooleanField(default=True)
    weight_grams = models.PositiveIntegerField(null=True, blank=True)
    # Lumbar extension: needs an extra handling day before it can ship.
    is_bulky = models.BooleanField(default=False)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class Category(ModelWithMetadata, MPTTModel, SeoModel):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)
    description_plaintext = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, related_name="children", on_delete=models.CASCADE
    )
    background_image = models.ImageField(upload_to="category-backgrounds", blank=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = models.Manager()
    tree = TreeManager()

    class Meta:
        verbose_name_plural = "categories"

    class MPTTMeta:
        order_insertion_by = ["name"]

    def __str__(self) -> str:
        return self.name


class CategoryTranslation(SeoModel, TranslationModel):
    category = models.ForeignKey(
        Category, related_name="translations", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=128, blank=True, null=True)
    slug = models.SlugField(max_length=255, blank=True, null=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)

    class Meta:
        unique_together = (("language_code", "category"),)


class ProductQuerySet(models.QuerySet):
    def published(self, channel_slug: str, *, listed: bool = False, now=None):
        """Products a shopper of the channel may see at all (``listed``: and
        that the channel lists) at ``now`` (the current time by default)."""
        now = now or timezone.now()
        listings = ProductChannelListing.objects.filter(
            channel__slug=channel_slug, channel__is_active=True, is_published=True
        ).filter(models.Q(published_at__lte=now) | models.Q(published_at__isnull=True))
        if listed:
            listings = listings.filter(visible_in_listings=True)
        variants = ProductVariantChannelListing.objects.filter(
            channel__slug=channel_slug, price_amount__isnull=False
        )
        return self.filter(
            models.Exists(listings.filter(product_id=models.OuterRef("pk"))),
            models.Exists(variants.filter(variant__product_id=models.OuterRef("pk"))),
        )

    def visible_to_user(self, *, channel_slug: str | None, can_manage: bool):
        """Products of the channel as the user is allowed to see them."""
        if can_manage:
            if channel_slug:
                return self.filter(channel_listings__channel__slug=channel_slug)
            return self.all()
        if not channel_slug:
            return self.none()
        return self.published(channel_slug)

    def without_search_columns(self):
        """Leave out the columns only searches read (about 1 kB a product).

        A listing that sorts a price tie carries whole rows through its sort.
        """
        return self.defer("search_document", "search_vector", "name_vector")

    def visible_in_listings(self, channel_slug: str, *, now=None):
        # The channel's one listing of a product (unique per channel) is
        # tested once, in the published EXISTS: a join to it as well gave
        # the planner two more relations to order in every listing query.
        return self.published(channel_slug, listed=True, now=now)


class Product(SeoModel, ModelWithMetadata):
    product_type = models.ForeignKey(
        ProductType, related_name="products", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)
    description_plaintext = models.TextField(blank=True)
    search_document = models.TextField(blank=True, default="")
    # Weighted tsvector (name A, category B, text C); written by
    # services.search.product_search_vector_update, read by search.py.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)
    # The name's words alone (stemmed and as typed): a small vector whose
    # GIN index finds the products named by a search without reading the
    # long vectors of every product that mentions its words (search.py).
    name_vector = models.GeneratedField(
        expression=SearchVector("name", config=SEARCH_CONFIG)
        + SearchVector("name", config=PREFIX_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    category = models.ForeignKey(
        Category,
        related_name="products",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    weight_grams = models.PositiveIntegerField(null=True, blank=True)
    default_variant = models.OneToOneField(
        "ProductVariant",
        blank=True,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rating = models.FloatField(null=True, blank=True)

    objects = ProductQuerySet.as_manager()

    external_reference = models.CharField(
        max_length=250, unique=True, blank=True, null=True
    )

    class Meta:
        ordering = ["slug"]
        indexes = [
            GinIndex(fields=["search_vector"], name="product_search_vector"),
            GinIndex(fields=["name_vector"], name="product_name_vector"),
            # Listings by name (article blocks, sortBy NAME) walk this index
            # and stop at the page's end instead of sorting every product.
            models.Index(fields=["name", "id"], name="product_name_id"),
        ]

    def __str__(self) -> str:
        return self.name


class ProductTranslation(SeoModel, TranslationModel):
    product = models.ForeignKey(
        Product, related_name="translations", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=250, blank=True, null=True)
    slug = models.SlugField(max_length=255, blank=True, null=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)

    class Meta:
        unique_together = (("language_code", "product"),)


class ProductChannelListing(models.Model):
    product = models.ForeignKey(
        Product, related_name="channel_listings", on_delete=models.CASCADE
    )
    channel = models.ForeignKey(
        Channel, related_name="product_listings", on_delete=models.CASCADE
    )
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    visible_in_listings = models.BooleanField(default=False)
    available_for_purchase_at = models.DateTimeField(null=True, blank=True)
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    # The cheapest variant price in the channel; kept for sorting by price.
    discounted_price_amount = models.DecimalField(
        max_digits=PRICE_MAX_DIGITS,
        decimal_places=PRICE_DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    discounted_price = MoneyField(
        amount_field="discounted_price_amount", currency_field="currency"
    )

    class Meta:
        unique_together = [["product", "channel"]]
        ordering = ("pk",)
        indexes = [
            # The next scheduled publication (when cached pages must expire)
            # is the first moment after now: a read of one index entry.
            models.Index(fields=["published_at"], name="product_listing_published"),
            models.Index(
                fields=["available_for_purchase_at"], name="product_listing_available"
            ),
            # Sorting a listing by price walks these in order and stops
            # after a page; DESC puts products without a price last too.
            models.Index(
                "discounted_price_amount", "channel", name="product_listing_price"
            ),
            models.Index(
                models.F("discounted_price_amount").desc(nulls_last=True),
                "channel",
                name="product_listing_price_desc",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product_id} in {self.channel_id}"

    def is_available_for_purchase(self) -> bool:
        return (
            self.available_for_purchase_at is not None
            and timezone.now() >= self.available_for_purchase_at
        )


class ProductVariantQuerySet(models.QuerySet):
    def visible_to_user(self, *, channel_slug: str | None, can_manage: bool):
        """Variants as the user may see them, their product's visibility aside.

        A shopper sees a variant priced in the channel; staff see the ones
        listed in it, and all of them when reading no channel.
        """
        if can_manage:
            if not channel_slug:
                return self.all()
            listings = ProductVariantChannelListing.objects.filter(
                channel__slug=channel_slug
            )
        elif not channel_slug:
            return self.none()
        else:
            listings = ProductVariantChannelListing.objects.filter(
                channel__slug=channel_slug, price_amount__isnull=False
            )
        return self.filter(
            models.Exists(listings.filter(variant_id=models.OuterRef("pk")))
        )


class ProductVariant(SortableModel, ModelWithMetadata):
    sku = models.CharField(max_length=255, unique=True, null=True, blank=True)
    name = models.CharField(max_length=255, blank=True)
    product = models.ForeignKey(
        Product, related_name="variants", on_delete=models.CASCADE
    )
    track_inventory = models.BooleanField(default=True)
    is_preorder = models.BooleanField(default=False)
    quantity_limit_per_customer = models.PositiveIntegerField(blank=True, null=True)
    weight_grams = models.PositiveIntegerField(null=True, blank=True)
    external_reference = models.CharField(
        max_length=250, unique=True, blank=True, null=True
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = ProductVariantQuerySet.as_manager()

    class Meta:
        ordering = ("sort_order", "sku")

    def __str__(self) -> str:
        return self.name or self.sku or f"ID:{self.pk}"


class ProductVariantTranslation(TranslationModel):
    product_variant = models.ForeignKey(
        ProductVariant, related_name="translations", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=255, blank=True)

    class Meta:
        unique_together = (("language_code", "product_variant"),)


class ProductVariantChannelListing(models.Model):
    variant = models.ForeignKey(
        ProductVariant, related_name="channel_listings", on_delete=models.CASCADE
    )
    channel = models.ForeignKey(
        Channel, related_name="variant_listings", on_delete=models.CASCADE
    )
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    price_amount = models.DecimalField(
        max_digits=PRICE_MAX_DIGITS,
        decimal_places=PRICE_DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    price = MoneyField(amount_field="price_amount", currency_field="currency")
    cost_price_amount = models.DecimalField(
        max_digits=PRICE_MAX_DIGITS,
        decimal_places=PRICE_DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    cost_price = MoneyField(amount_field="cost_price_amount", currency_field="currency")
    # The price before a sale, shown struck through ("undiscounted").
    prior_price_amount = models.DecimalField(
        max_digits=PRICE_MAX_DIGITS,
        decimal_places=PRICE_DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    prior_price = MoneyField(
        amount_field="prior_price_amount", currency_field="currency"
    )

    class Meta:
        unique_together = [["variant", "channel"]]
        ordering = ("pk",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price_amount__gte=Decimal(0))
                | models.Q(price_amount__isnull=True),
                name="variant_listing_price_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.variant_id} in {self.channel_id}"


class ProductMediaTypes(models.TextChoices):
    IMAGE = "IMAGE", "An uploaded image or an URL to an image"
    VIDEO = "VIDEO", "A URL to an external video"


class ProductMedia(SortableModel, ModelWithMetadata):
    product = models.ForeignKey(Product, related_name="media", on_delete=models.CASCADE)
    image = models.ImageField(upload_to="products", blank=True, null=True)
    alt = models.CharField(max_length=250, blank=True)
    type = models.CharField(
        max_length=32,
        choices=ProductMediaTypes.choices,
        default=ProductMediaTypes.IMAGE,
    )
    external_url = models.CharField(max_length=256, blank=True, null=True)

    class Meta:
        ordering = ("sort_order", "pk")

    def __str__(self) -> str:
        return self.alt or f"media {self.pk}"


class VariantMedia(models.Model):
    variant = models.ForeignKey(
        ProductVariant, related_name="variant_media", on_delete=models.CASCADE
    )
    media = models.ForeignKey(
        ProductMedia, related_name="variant_media", on_delete=models.CASCADE
    )

    class Meta:
        unique_together = ("variant", "media")

    def __str__(self) -> str:
        return f"{self.variant_id}: {self.media_id}"


class CollectionQuerySet(models.QuerySet):
    def published(self, channel_slug: str):
        """Collections a shopper of the channel may see: Saleor's rule."""
        now = timezone.now()
        listings = CollectionChannelListing.objects.filter(
            channel__slug=channel_slug, channel__is_active=True, is_published=True
        ).filter(models.Q(published_at__lte=now) | models.Q(published_at__isnull=True))
        return self.filter(
            models.Exists(listings.filter(collection_id=models.OuterRef("pk")))
        )

    def visible_to_user(self, *, channel_slug: str | None, can_manage: bool):
        """Collections of the channel as the user is allowed to see them."""
        if can_manage:
            if channel_slug:
                listed = CollectionChannelListing.objects.filter(
                    channel__slug=channel_slug, collection_id=models.OuterRef("pk")
                )
                return self.filter(models.Exists(listed))
            return self.all()
        if not channel_slug:
            return self.none()
        return self.published(channel_slug)


class Collection(SeoModel, ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    products = models.ManyToManyField(
        Product,
        blank=True,
        related_name="collections",
        through="CollectionProduct",
        through_fields=("collection", "product"),
    )
    background_image = models.ImageField(upload_to="collection-backgrounds", blank=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    description = models.JSONField(blank=True, null=True)

    objects = CollectionQuerySet.as_manager()

    class Meta:
        ordering = ("slug",)

    def __str__(self) -> str:
        return self.name


class CollectionProduct(SortableModel):
    collection = models.ForeignKey(
        Collection, related_name="collectionproduct", on_delete=models.CASCADE
    )
    product = models.ForeignKey(
        Product, related_name="collectionproduct", on_delete=models.CASCADE
    )

    class Meta:
        unique_together = (("collection", "product"),)
        ordering = ("sort_order", "pk")


class CollectionChannelListing(models.Model):
    collection = models.ForeignKey(
        Collection, related_name="channel_listings", on_delete=models.CASCADE
    )
    channel = models.ForeignKey(
        Channel, related_name="collection_listings", on_delete=models.CASCADE
    )
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        unique_together = [["collection", "channel"]]
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.collection_id} in {self.channel_id}"


class CollectionTranslation(SeoModel, TranslationModel):
    collection = models.ForeignKey(
        Collection, related_name="translations", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=128, blank=True, null=True)
    slug = models.SlugField(max_length=255, blank=True, null=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)

    class Meta:
        unique_together = (("language_code", "collection"),)


class ThumbnailFormat(models.TextChoices):
    ORIGINAL = "ORIGINAL", "Original"
    AVIF = "AVIF", "AVIF"
    WEBP = "WEBP", "WebP"


# Saleor's thumbnail sizes; a request is rounded up to the next one.
THUMBNAIL_SIZES = (32, 64, 128, 256, 512, 1024, 2048, 4096)


class Thumbnail(models.Model):
    """A resized copy of a product media image or a category/collection image."""

    image = models.ImageField(upload_to="thumbnails")
    size = models.PositiveIntegerField()
    format = models.CharField(max_length=32, choices=ThumbnailFormat.choices)
    product_media = models.ForeignKey(
        ProductMedia,
        null=True,
        blank=True,
        related_name="thumbnails",
        on_delete=models.CASCADE,
    )
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        related_name="thumbnails",
        on_delete=models.CASCADE,
    )
    collection = models.ForeignKey(
        Collection,
        null=True,
        blank=True,
        related_name="thumbnails",
        on_delete=models.CASCADE,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product_media", "size", "format"],
                name="unique_media_thumbnail",
                condition=models.Q(product_media__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.size}px {self.format or 'original'}"
