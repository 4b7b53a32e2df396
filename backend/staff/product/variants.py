"""The variant admin: SKU, prices per channel and stock per warehouse."""

from django.conf import settings
from django.contrib import admin
from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from backend.core.admin_permissions import SaleorModelAdmin, SaleorTabularInline
from backend.core.permissions import PermissionEnum
from backend.product.models import ProductVariant, ProductVariantChannelListing
from backend.product.services.channel_listings import (
    ProductListingInput,
    VariantListingInput,
    product_channel_listing_update,
    product_variant_channel_listing_update,
)
from backend.product.services.variants import (
    VARIANT_FIELDS,
    product_variant_create,
    product_variant_delete,
    product_variant_update,
)
from backend.warehouse.models import Stock
from backend.warehouse.services import (
    StockInput,
    product_variant_stocks_delete,
    product_variant_stocks_update,
)

from .display import money_display
from .forms import (
    StockForm,
    VariantChannelListingForm,
    VariantChannelListingFormSet,
    VariantForm,
)
from .formsets import FixedKeyFormSet, forms_by_outcome, record_outcome

MANAGE_PRODUCTS = (PermissionEnum.MANAGE_PRODUCTS,)


class VariantChannelListingInline(SaleorTabularInline):
    model = ProductVariantChannelListing
    permissions = MANAGE_PRODUCTS
    form = VariantChannelListingForm
    formset = VariantChannelListingFormSet
    fields = [
        "channel",
        "currency",
        "price_amount",
        "cost_price_amount",
        "prior_price_amount",
    ]
    readonly_fields = ["currency"]
    extra = 0
    verbose_name = "price in channel"
    verbose_name_plural = "prices in channels"

    @staticmethod
    def save_with_services(formset, variant: ProductVariant) -> None:
        new, changed, deleted = forms_by_outcome(formset)
        for form in deleted:
            # Saleor unlists a variant from a channel through the product.
            product_channel_listing_update(
                product=variant.product,
                update_channels=[
                    ProductListingInput(
                        channel=form.instance.channel, remove_variant_ids=(variant.pk,)
                    )
                ],
            )
        listings = [
            VariantListingInput(
                channel=form.cleaned_data["channel"],
                price=form.cleaned_data["price_amount"],
                cost_price=form.cleaned_data.get("cost_price_amount"),
                prior_price=form.cleaned_data.get("prior_price_amount"),
            )
            for form in [*new, *changed]
        ]
        if listings:
            product_variant_channel_listing_update(variant=variant, listings=listings)
        record_outcome(
            formset,
            new=[form.instance for form in new],
            changed=changed,
            deleted=[form.instance for form in deleted],
        )


class StockInline(SaleorTabularInline):
    model = Stock
    permissions = MANAGE_PRODUCTS
    form = StockForm
    formset = FixedKeyFormSet
    fields = ["warehouse", "quantity", "quantity_allocated"]
    readonly_fields = ["quantity_allocated"]
    extra = 0
    verbose_name = "stock"
    verbose_name_plural = "stock per warehouse"

    @staticmethod
    def save_with_services(formset, variant: ProductVariant) -> None:
        new, changed, deleted = forms_by_outcome(formset)
        if deleted:
            product_variant_stocks_delete(
                variant=variant,
                warehouses=[form.instance.warehouse for form in deleted],
            )
        stocks = [
            StockInput(
                warehouse=form.cleaned_data["warehouse"],
                quantity=form.cleaned_data["quantity"],
            )
            for form in [*new, *changed]
        ]
        if stocks:
            product_variant_stocks_update(variant=variant, stocks=stocks)
        record_outcome(
            formset,
            new=[form.instance for form in new],
            changed=changed,
            deleted=[form.instance for form in deleted],
        )


@admin.register(ProductVariant)
class ProductVariantAdmin(SaleorModelAdmin):
    permissions = MANAGE_PRODUCTS
    form = VariantForm
    list_display = ["sku", "name", "product", "price", "stock_total", "track_inventory"]
    list_select_related = ["product"]
    list_filter = ["track_inventory", "product__product_type", "stocks__warehouse"]
    search_fields = ["sku", "name", "product__name"]
    autocomplete_fields = ["product"]
    inlines = [VariantChannelListingInline, StockInline]

    def get_readonly_fields(self, request, obj=None):
        # A variant belongs to its product for life, as in Saleor.
        return ["product"] if obj else []

    def get_queryset(self, request):
        prices = ProductVariantChannelListing.objects.filter(
            variant=OuterRef("pk"), channel__slug=settings.DEFAULT_CHANNEL_SLUG
        )
        stock = (
            Stock.objects.filter(product_variant=OuterRef("pk"))
            .values("product_variant")
            .annotate(total=Sum("quantity"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                default_price_amount=Subquery(prices.values("price_amount")[:1]),
                default_price_currency=Subquery(prices.values("currency")[:1]),
                stock_total=Coalesce(Subquery(stock), 0, output_field=IntegerField()),
            )
        )

    @admin.display(
        description="Price (default channel)", ordering="default_price_amount"
    )
    def price(self, variant: ProductVariant) -> str:
        return money_display(
            variant.default_price_amount, variant.default_price_currency
        )

    @admin.display(description="Stock", ordering="stock_total")
    def stock_total(self, variant: ProductVariant) -> int:
        return variant.stock_total

    def save_model(self, request, obj, form, change):
        names = sorted(VARIANT_FIELDS & set(form.cleaned_data))
        if change:
            product_variant_update(
                variant=obj,
                **{
                    name: form.cleaned_data[name]
                    for name in names
                    if name in form.changed_data
                },
            )
            return
        variant = product_variant_create(
            product=form.cleaned_data["product"],
            **{name: form.cleaned_data[name] for name in names},
        )
        obj.pk = variant.pk
        obj._state.adding = False
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        inline = {
            ProductVariantChannelListing: VariantChannelListingInline,
            Stock: StockInline,
        }[formset.model]
        inline.save_with_services(formset, form.instance)

    def delete_model(self, request, obj):
        product_variant_delete(variant=obj)

    def delete_queryset(self, request, queryset):
        for variant in queryset:
            product_variant_delete(variant=variant)
