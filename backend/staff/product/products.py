"""The product admin a merchandiser works in.

An admin is a door onto the domains, like the API, so it may read stock
from the warehouse package even though the product domain never does.
"""

from django.conf import settings
from django.contrib import admin
from django.db.models import Exists, IntegerField, Min, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from backend.channel.models import Channel
from backend.core.admin_permissions import (
    SaleorModelAdmin,
    SaleorTabularInline,
)
from backend.core.counts import EstimatedCountPaginator
from backend.core.permissions import PermissionEnum
from backend.product.models import (
    CollectionProduct,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.product.services.channel_listings import (
    ProductListingInput,
    product_channel_listing_update,
)
from backend.product.services.collections import (
    collection_add_products,
    collection_remove_products,
)
from backend.product.services.media import product_media_create, product_media_delete
from backend.product.services.products import (
    product_create,
    product_delete,
    product_update,
)
from backend.product.services.variants import (
    VARIANT_FIELDS,
    product_variant_create,
    product_variant_delete,
    product_variant_update,
)
from backend.warehouse.models import Stock
from backend.warehouse.selectors import product_in_stock_q

from .display import image_preview, money_display
from .featured import featured_in_articles
from .forms import ProductForm, ProductMediaForm, VariantRequiredAttributesFormSet
from .formsets import (
    CollectionKeyFormSet,
    changed_fields,
    forms_by_outcome,
    record_outcome,
    save_each,
)
from .translations import ProductTranslationInline

MANAGE_PRODUCTS = (PermissionEnum.MANAGE_PRODUCTS,)
INLINE_VARIANT_FIELDS = ["sku", "name", "track_inventory", "weight_grams"]


def _in_stock():
    return product_in_stock_q(channel_slug=None)


class PublishedInChannelFilter(admin.SimpleListFilter):
    title = "published in channel"
    parameter_name = "published_in"
    NOWHERE = "-"

    def lookups(self, request, model_admin):
        channels = [(channel.slug, channel.name) for channel in Channel.objects.all()]
        return [*channels, (self.NOWHERE, "Not published anywhere")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        published = ProductChannelListing.objects.filter(
            product=OuterRef("pk"), is_published=True
        )
        if value == self.NOWHERE:
            return queryset.exclude(Exists(published))
        return queryset.filter(Exists(published.filter(channel__slug=value)))


class InStockFilter(admin.SimpleListFilter):
    title = "in stock"
    parameter_name = "in_stock"

    def lookups(self, request, model_admin):
        return [("yes", "In stock"), ("no", "Out of stock")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(_in_stock())
        if self.value() == "no":
            return queryset.exclude(_in_stock())
        return queryset


class ProductChannelListingInline(SaleorTabularInline):
    model = ProductChannelListing
    permissions = MANAGE_PRODUCTS
    fields = [
        "channel",
        "is_published",
        "published_at",
        "visible_in_listings",
        "available_for_purchase_at",
    ]
    extra = 0
    verbose_name = "channel listing"

    @staticmethod
    def save_with_services(formset, product: Product) -> None:
        new, changed, deleted = forms_by_outcome(formset)
        updates = []
        for form in [*new, *changed]:
            available_at = form.cleaned_data.get("available_for_purchase_at")
            updates.append(
                ProductListingInput(
                    channel=form.cleaned_data["channel"],
                    is_published=form.cleaned_data.get("is_published", False),
                    published_at=form.cleaned_data.get("published_at"),
                    visible_in_listings=form.cleaned_data.get(
                        "visible_in_listings", False
                    ),
                    is_available_for_purchase=available_at is not None,
                    available_for_purchase_at=available_at,
                )
            )
        product_channel_listing_update(
            product=product,
            update_channels=updates,
            remove_channels=[form.instance.channel for form in deleted],
        )
        record_outcome(
            formset,
            new=[form.instance for form in new],
            changed=changed,
            deleted=[form.instance for form in deleted],
        )


class ProductVariantInline(SaleorTabularInline):
    model = ProductVariant
    permissions = MANAGE_PRODUCTS
    formset = VariantRequiredAttributesFormSet
    fields = INLINE_VARIANT_FIELDS
    extra = 0
    show_change_link = True

    @staticmethod
    def save_with_services(formset, product: Product) -> None:
        save_each(
            formset,
            create=lambda form: product_variant_create(
                product=product,
                **{name: form.cleaned_data.get(name) for name in INLINE_VARIANT_FIELDS},
            ),
            update=lambda form: product_variant_update(
                variant=form.instance,
                **changed_fields(form, sorted(VARIANT_FIELDS)),
            ),
            delete=lambda variant: product_variant_delete(variant=variant),
        )


class ProductMediaInline(SaleorTabularInline):
    model = ProductMedia
    permissions = MANAGE_PRODUCTS
    form = ProductMediaForm
    fields = ["preview", "image", "alt"]
    readonly_fields = ["preview"]
    extra = 0
    verbose_name = "image"

    @admin.display(description="Preview")
    def preview(self, media: ProductMedia) -> str:
        return image_preview(media)

    @staticmethod
    def save_with_services(formset, product: Product) -> None:
        def update(form):
            if "image" in form.changed_data:
                # A new file makes the old resized copies wrong.
                form.instance.thumbnails.all().delete()
            form.save()

        save_each(
            formset,
            create=lambda form: product_media_create(
                product=product,
                image=form.cleaned_data["image"],
                alt=form.cleaned_data.get("alt") or "",
            ),
            update=update,
            delete=lambda media: product_media_delete(media=media),
        )


class CollectionProductInline(SaleorTabularInline):
    model = CollectionProduct
    permissions = MANAGE_PRODUCTS
    formset = CollectionKeyFormSet
    fields = ["collection"]
    autocomplete_fields = ["collection"]
    extra = 0
    verbose_name = "collection"

    @staticmethod
    def save_with_services(formset, product: Product) -> None:
        new, changed, deleted = forms_by_outcome(formset)
        for form in deleted:
            collection_remove_products(
                collection=form.instance.collection, products=[product]
            )
        for form in new:
            collection_add_products(
                collection=form.cleaned_data["collection"], products=[product]
            )
        record_outcome(
            formset,
            new=[form.instance for form in new],
            changed=changed,
            deleted=[form.instance for form in deleted],
        )


@admin.register(Product)
class ProductAdmin(SaleorModelAdmin):
    permissions = MANAGE_PRODUCTS
    form = ProductForm
    list_display = [
        "thumbnail",
        "name",
        "category",
        "product_type",
        "price",
        "stock_total",
        "published",
    ]
    list_display_links = ["thumbnail", "name"]
    list_select_related = ["category", "product_type"]
    list_filter = [
        "category",
        "product_type",
        PublishedInChannelFilter,
        InStockFilter,
    ]
    list_per_page = 50
    # Fifty thousand products: the unfiltered list counted from PostgreSQL's
    # statistics, and no second count of the whole table beside a filter's.
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    search_fields = ["name", "slug", "variants__sku"]
    autocomplete_fields = ["category", "product_type"]
    inlines = [
        ProductChannelListingInline,
        ProductVariantInline,
        ProductMediaInline,
        CollectionProductInline,
        ProductTranslationInline,
    ]
    fieldsets = [
        (None, {"fields": ["product_type", "name", "slug", "category"]}),
        ("Description", {"fields": ["description_text"]}),
        (
            "Search engines and shipping",
            {
                "fields": ["seo_title", "seo_description", "weight_grams"],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Saleor has no way to move a product to another product type.
        return ["product_type", "featured_in_articles"] if obj else []

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [
            *fieldsets,
            ("Featured in articles", {"fields": ["featured_in_articles"]}),
        ]

    @admin.display(description="Articles")
    def featured_in_articles(self, product: Product) -> str:
        return featured_in_articles(product)

    def get_queryset(self, request):
        channel_slug = settings.DEFAULT_CHANNEL_SLUG
        prices = ProductVariantChannelListing.objects.filter(
            variant__product=OuterRef("pk"),
            channel__slug=channel_slug,
            price_amount__isnull=False,
        )
        stock = (
            Stock.objects.filter(product_variant__product=OuterRef("pk"))
            .values("product_variant__product")
            .annotate(total=Sum("quantity"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .prefetch_related("media")
            .annotate(
                default_price_amount=Subquery(
                    prices.values("variant__product")
                    .annotate(lowest=Min("price_amount"))
                    .values("lowest")
                ),
                default_price_currency=Subquery(prices.values("currency")[:1]),
                # A scalar subquery, looked up for the page's rows only (an
                # EXISTS here may become a hash of every listing).
                default_published=Coalesce(
                    Subquery(
                        ProductChannelListing.objects.filter(
                            product=OuterRef("pk"), channel__slug=channel_slug
                        ).values("is_published")[:1]
                    ),
                    False,
                ),
                stock_total=Coalesce(Subquery(stock), 0, output_field=IntegerField()),
            )
        )

    @admin.display(description="")
    def thumbnail(self, product: Product) -> str:
        media = list(product.media.all())
        return image_preview(media[0] if media else None, size=64)

    @admin.display(
        description="Price (default channel)", ordering="default_price_amount"
    )
    def price(self, product: Product) -> str:
        return money_display(
            product.default_price_amount, product.default_price_currency
        )

    @admin.display(description="Stock", ordering="stock_total")
    def stock_total(self, product: Product) -> int:
        return product.stock_total

    @admin.display(
        description="Published (default channel)",
        boolean=True,
        ordering="default_published",
    )
    def published(self, product: Product) -> bool:
        return product.default_published

    def save_model(self, request, obj, form, change):
        fields = form.service_fields()
        if change:
            product_update(product=obj, **fields)
            return
        product = product_create(
            product_type=form.cleaned_data["product_type"], **fields
        )
        obj.pk = product.pk
        obj._state.adding = False
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        inline = {
            ProductChannelListing: ProductChannelListingInline,
            ProductVariant: ProductVariantInline,
            ProductMedia: ProductMediaInline,
            CollectionProduct: CollectionProductInline,
            ProductTranslation: ProductTranslationInline,
        }[formset.model]
        inline.save_with_services(formset, form.instance)

    def delete_model(self, request, obj):
        product_delete(product=obj)

    def delete_queryset(self, request, queryset):
        for product in queryset:
            product_delete(product=product)
