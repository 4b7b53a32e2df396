"""Warehouses and their stock in the admin.

Saleor: warehouses are written with MANAGE_PRODUCTS and read also by
order and shipping staff; stock is MANAGE_PRODUCTS.
"""

from django import forms
from django.contrib import admin
from django.db.models import Count, Sum

from backend.account.models import Address
from backend.core.admin_permissions import SaleorModelAdmin, SaleorTabularInline
from backend.core.permissions import PermissionEnum
from backend.staff.shipping import PromiseRulesAdminMixin
from backend.warehouse.models import (
    ChannelWarehouse,
    Stock,
    Warehouse,
    WarehouseDeliveryRules,
    WarehouseHoliday,
)
from backend.warehouse.rules import WEEKDAY_NAMES
from backend.warehouse.warehouses import (
    WarehouseChanges,
    warehouse_create,
    warehouse_delete,
    warehouse_update,
)

ADDRESS_FIELDS = [
    "street_address_1",
    "street_address_2",
    "city",
    "postal_code",
    "country",
    "country_area",
    "phone",
]


class WarehouseFormBase(forms.ModelForm):
    """A warehouse with its address edited in place.

    Addresses are shared with customers, so they get no admin page of
    their own to pick from. WarehouseAdmin saves both through the
    warehouse services, which check the address for its country.
    """

    class Meta:
        model = Warehouse
        fields = [
            "name",
            "slug",
            "company_name",
            "email",
            "is_private",
            "click_and_collect_option",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["street_address_1"].required = True
        self.fields["city"].required = True
        if self.instance.address_id:
            for name in ADDRESS_FIELDS:
                self.initial.setdefault(name, getattr(self.instance.address, name))


# The address fields, declared on the form so the admin's fieldsets find them.
WarehouseForm = type(WarehouseFormBase)(
    "WarehouseForm",
    (WarehouseFormBase,),
    dict(forms.fields_for_model(Address, fields=ADDRESS_FIELDS)),
)


class ChannelWarehouseInline(SaleorTabularInline):
    model = ChannelWarehouse
    permissions = (PermissionEnum.MANAGE_PRODUCTS,)
    fields = ["channel", "sort_order"]
    extra = 0
    verbose_name = "channel"


class WarehouseStockInline(SaleorTabularInline):
    """The warehouse's stock, read only: stock is set on each variant."""

    model = Stock
    permissions = (PermissionEnum.MANAGE_PRODUCTS,)
    fields = ["product_variant", "quantity", "quantity_allocated"]
    readonly_fields = fields
    extra = 0
    show_change_link = False
    verbose_name_plural = "stock (change it on the variant)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("product_variant")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Warehouse)
class WarehouseAdmin(SaleorModelAdmin):
    permissions = (PermissionEnum.MANAGE_PRODUCTS,)
    view_permissions = (PermissionEnum.MANAGE_ORDERS, PermissionEnum.MANAGE_SHIPPING)
    list_display = ["name", "slug", "address", "variant_count", "quantity_total"]
    list_select_related = ["address"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    form = WarehouseForm
    # Saleor's AddressInput names find the form's snake_case fields.
    service_error_fields: dict[str, str] = {}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "company_name",
                    "email",
                    "is_private",
                    "click_and_collect_option",
                ]
            },
        ),
        ("Address", {"fields": ADDRESS_FIELDS}),
    ]
    inlines = [ChannelWarehouseInline, WarehouseStockInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(variant_total=Count("stock"), quantity_sum=Sum("stock__quantity"))
        )

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        address_names = [*ADDRESS_FIELDS, "company_name"]
        address = None
        if not change or any(name in form.changed_data for name in address_names):
            address = {name: data[name] or "" for name in address_names}
        changes = WarehouseChanges(
            name=data["name"],
            slug=data["slug"],
            email=data.get("email") or "",
            is_private=data["is_private"],
            click_and_collect_option=data["click_and_collect_option"],
            address=address,
        )
        if change:
            warehouse_update(warehouse_id=obj.pk, changes=changes)
        else:
            warehouse = warehouse_create(changes=changes)
            obj.pk = warehouse.pk
            obj._state.adding = False
        obj.refresh_from_db()

    def delete_model(self, request, obj):
        warehouse_delete(warehouse_id=obj.pk)

    def delete_queryset(self, request, queryset):
        for pk in queryset.values_list("pk", flat=True):
            warehouse_delete(warehouse_id=pk)

    @admin.display(description="Variants stocked", ordering="variant_total")
    def variant_count(self, warehouse: Warehouse) -> int:
        return warehouse.variant_total

    @admin.display(description="Units", ordering="quantity_sum")
    def quantity_total(self, warehouse: Warehouse) -> int:
        return warehouse.quantity_sum or 0


class DeliveryRulesForm(forms.ModelForm):
    shipping_weekdays = forms.TypedMultipleChoiceField(
        choices=list(enumerate(WEEKDAY_NAMES)),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="Days the carrier collects from this warehouse.",
    )

    class Meta:
        model = WarehouseDeliveryRules
        fields = [
            "time_zone",
            "cutoff_time",
            "shipping_weekdays",
            "saturday_cutoff_time",
            "handling_days",
        ]


class WarehouseHolidayInline(SaleorTabularInline):
    model = WarehouseHoliday
    permissions = (PermissionEnum.MANAGE_SHIPPING,)
    fields = ["date", "name"]
    extra = 1


@admin.register(WarehouseDeliveryRules)
class WarehouseDeliveryRulesAdmin(PromiseRulesAdminMixin, SaleorModelAdmin):
    """Cut-off, collection days and holidays: operations staff (MANAGE_SHIPPING)."""

    permissions = (PermissionEnum.MANAGE_SHIPPING,)
    form = DeliveryRulesForm
    list_display = [
        "name",
        "time_zone",
        "cutoff_time",
        "days",
        "saturday_cutoff_time",
        "handling_days",
    ]
    search_fields = ["name", "slug"]
    inlines = [WarehouseHolidayInline]

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # warehouses are created with their address and channels

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="Ships on")
    def days(self, warehouse: Warehouse) -> str:
        return ", ".join(
            WEEKDAY_NAMES[day] for day in sorted(warehouse.shipping_weekdays)
        )
