"""Categories, collections and product types in the admin."""

from django.contrib import admin
from django.db.models import Count
from mptt.admin import MPTTModelAdmin

from backend.attribute.models import AttributeProduct, AttributeVariant
from backend.core.admin_permissions import (
    SaleorModelAdmin,
    SaleorPermissionAdminMixin,
    SaleorTabularInline,
    ServiceRefusalAdminMixin,
)
from backend.core.permissions import PermissionEnum
from backend.product.models import (
    Category,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    CollectionTranslation,
    ProductType,
)
from backend.product.services.categories import (
    category_create,
    category_delete,
    category_update,
)
from backend.product.services.collections import (
    CollectionListingInput,
    collection_add_products,
    collection_channel_listing_update,
    collection_create,
    collection_remove_products,
    collection_update,
)
from backend.product.services.product_types import (
    product_type_create,
    product_type_update,
    product_types_bulk_delete,
)

from .forms import BackgroundImageForm
from .formsets import CollectionKeyFormSet, forms_by_outcome, record_outcome
from .translations import CategoryTranslationInline, CollectionTranslationInline

MANAGE_PRODUCTS = (PermissionEnum.MANAGE_PRODUCTS,)
MANAGE_TYPES = (PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,)


def _clear_background(obj, form) -> None:
    # The services only take a new upload; "clear" is a plain field write.
    if form.cleaned_data.get("background_image") is False:
        obj.background_image = None
        obj.save(update_fields=["background_image"])


class CategoryForm(BackgroundImageForm):
    class Meta:
        model = Category
        fields = [
            "name",
            "slug",
            "parent",
            "background_image",
            "background_image_alt",
            "seo_title",
            "seo_description",
        ]


@admin.register(Category)
class CategoryAdmin(
    SaleorPermissionAdminMixin, ServiceRefusalAdminMixin, MPTTModelAdmin
):
    permissions = MANAGE_PRODUCTS
    form = CategoryForm
    list_display = ["name", "slug", "product_count"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["parent"]
    mptt_level_indent = 20
    inlines = [CategoryTranslationInline]
    fields = [
        "name",
        "slug",
        "parent",
        "description_text",
        "background_image",
        "background_image_alt",
        "seo_title",
        "seo_description",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(product_total=Count("products"))

    @admin.display(description="Products", ordering="product_total")
    def product_count(self, category: Category) -> int:
        return category.product_total

    def save_model(self, request, obj, form, change):
        fields = form.service_fields()
        parent = form.cleaned_data.get("parent")
        if change:
            category = category_update(category=obj, **fields)
            if "parent" in form.changed_data:
                category.parent = parent
                category.save()
        else:
            category = category_create(parent=parent, **fields)
            obj.pk = category.pk
            obj._state.adding = False
        obj.refresh_from_db()
        _clear_background(obj, form)

    def save_formset(self, request, form, formset, change):
        CategoryTranslationInline.save_with_services(formset, form.instance)

    def delete_model(self, request, obj):
        category_delete(category=obj)

    def delete_queryset(self, request, queryset):
        for category in queryset:
            if Category.objects.filter(pk=category.pk).exists():
                category_delete(category=category)


class CollectionForm(BackgroundImageForm):
    class Meta:
        model = Collection
        fields = [
            "name",
            "slug",
            "background_image",
            "background_image_alt",
            "seo_title",
            "seo_description",
        ]


class CollectionProductInline(SaleorTabularInline):
    model = CollectionProduct
    permissions = MANAGE_PRODUCTS
    formset = CollectionKeyFormSet
    fields = ["product"]
    autocomplete_fields = ["product"]
    extra = 0
    verbose_name = "product"

    @staticmethod
    def save_with_services(formset, collection: Collection) -> None:
        new, changed, deleted = forms_by_outcome(formset)
        removed = [form.instance.product for form in deleted]
        if removed:
            collection_remove_products(collection=collection, products=removed)
        added = [form.cleaned_data["product"] for form in new]
        if added:
            collection_add_products(collection=collection, products=added)
        record_outcome(
            formset,
            new=[form.instance for form in new],
            changed=changed,
            deleted=[form.instance for form in deleted],
        )


class CollectionChannelListingInline(SaleorTabularInline):
    model = CollectionChannelListing
    permissions = MANAGE_PRODUCTS
    fields = ["channel", "is_published", "published_at"]
    extra = 0
    verbose_name = "channel listing"

    @staticmethod
    def save_with_services(formset, collection: Collection) -> None:
        new, changed, deleted = forms_by_outcome(formset)
        collection_channel_listing_update(
            collection=collection,
            add_channels=[
                CollectionListingInput(
                    channel=form.cleaned_data["channel"],
                    is_published=form.cleaned_data.get("is_published", False),
                    published_at=form.cleaned_data.get("published_at"),
                )
                for form in [*new, *changed]
            ],
            remove_channels=[form.instance.channel for form in deleted],
        )
        record_outcome(
            formset,
            new=[form.instance for form in new],
            changed=changed,
            deleted=[form.instance for form in deleted],
        )


@admin.register(Collection)
class CollectionAdmin(SaleorModelAdmin):
    permissions = MANAGE_PRODUCTS
    form = CollectionForm
    list_display = ["name", "slug", "product_count"]
    search_fields = ["name", "slug"]
    inlines = [
        CollectionChannelListingInline,
        CollectionProductInline,
        CollectionTranslationInline,
    ]
    fields = [
        "name",
        "slug",
        "description_text",
        "background_image",
        "background_image_alt",
        "seo_title",
        "seo_description",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(product_total=Count("collectionproduct"))
        )

    @admin.display(description="Products", ordering="product_total")
    def product_count(self, collection: Collection) -> int:
        return collection.product_total

    def save_model(self, request, obj, form, change):
        fields = form.service_fields()
        if change:
            collection_update(collection=obj, **fields)
        else:
            collection = collection_create(**fields)
            obj.pk = collection.pk
            obj._state.adding = False
        obj.refresh_from_db()
        _clear_background(obj, form)

    def save_formset(self, request, form, formset, change):
        inline = {
            CollectionProduct: CollectionProductInline,
            CollectionChannelListing: CollectionChannelListingInline,
            CollectionTranslation: CollectionTranslationInline,
        }[formset.model]
        inline.save_with_services(formset, form.instance)


class ProductAttributeInline(SaleorTabularInline):
    model = AttributeProduct
    permissions = MANAGE_TYPES
    fields = ["attribute"]
    autocomplete_fields = ["attribute"]
    extra = 0
    verbose_name = "product attribute"


class VariantAttributeInline(SaleorTabularInline):
    model = AttributeVariant
    permissions = MANAGE_TYPES
    fields = ["attribute", "variant_selection"]
    autocomplete_fields = ["attribute"]
    extra = 0
    verbose_name = "variant attribute"


@admin.register(ProductType)
class ProductTypeAdmin(SaleorModelAdmin):
    # Saleor: product types are edited with MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES
    # and read by anyone who edits products, so the product form can pick one.
    permissions = MANAGE_TYPES
    view_permissions = MANAGE_PRODUCTS
    list_display = ["name", "slug", "kind", "has_variants", "is_shipping_required"]
    list_filter = ["kind", "has_variants"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ProductAttributeInline, VariantAttributeInline]
    fields = [
        "name",
        "slug",
        "kind",
        "has_variants",
        "is_shipping_required",
        "weight_grams",
        "is_bulky",
    ]
    # The service names the weight field as Saleor's input does.
    service_error_fields = {"weight": "weight_grams"}

    def save_model(self, request, obj, form, change):
        fields = {
            name: form.cleaned_data[name]
            for name in self.fields
            if name in form.cleaned_data and (not change or name in form.changed_data)
        }
        if change:
            product_type_update(product_type=obj, **fields)
        else:
            product_type = product_type_create(**fields)
            obj.pk = product_type.pk
            obj._state.adding = False
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        """Assign the inlines' attributes in one service call, as the API does."""
        attributes: dict[type, list] = {}
        selection: set[int] | None = None
        touched = not change
        for formset in formsets:
            new, changed, deleted = forms_by_outcome(formset)
            touched = touched or bool(new or changed or deleted)
            kept = [f for f in formset.initial_forms if f not in deleted] + new
            attributes[formset.model] = [f.cleaned_data["attribute"] for f in kept]
            if formset.model is AttributeVariant:
                selection = {
                    f.cleaned_data["attribute"].pk
                    for f in kept
                    if f.cleaned_data.get("variant_selection")
                }
            record_outcome(
                formset,
                new=[form.instance for form in new],
                changed=changed,
                deleted=[form.instance for form in deleted],
            )
        if touched:
            product_type_update(
                product_type=form.instance,
                product_attributes=attributes.get(AttributeProduct),
                variant_attributes=attributes.get(AttributeVariant),
                variant_selection=selection,
            )
        super().save_related(request, form, [], change)

    def delete_model(self, request, obj):
        product_types_bulk_delete(product_types=[obj])

    def delete_queryset(self, request, queryset):
        product_types_bulk_delete(product_types=list(queryset))
