"""Attributes and their values in the admin.

Saleor guards an attribute by its type: product-type attributes with
MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES, page-type ones with
MANAGE_PAGE_TYPES_AND_ATTRIBUTES; the admin asks the same of each row.
"""

from django.contrib import admin
from django.db.models import Count

from backend.attribute.models import Attribute, AttributeType, AttributeValue
from backend.attribute.services import (
    attribute_create,
    attribute_update,
    attribute_value_create,
)
from backend.attribute.services.common import (
    ATTRIBUTE_FIELDS,
    UPDATABLE_ATTRIBUTE_FIELDS,
)
from backend.core.admin_permissions import SaleorModelAdmin, SaleorTabularInline
from backend.core.permissions import PermissionEnum, user_has_any_permission

PERMISSION_BY_TYPE = {
    AttributeType.PRODUCT_TYPE: PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
    AttributeType.PAGE_TYPE: PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,
}
VALUE_FIELDS = ["name", "slug", "value"]
MODEL_FIELDS = {field.name for field in Attribute._meta.get_fields()}
# The service's fields the model has (it has no external reference yet).
EDITABLE_FIELDS = [name for name in ATTRIBUTE_FIELDS if name in MODEL_FIELDS]


class AttributeValueInline(SaleorTabularInline):
    model = AttributeValue
    permissions = tuple(PERMISSION_BY_TYPE.values())
    fields = VALUE_FIELDS
    extra = 0
    verbose_name = "value"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["slug"].required = False
        return formset


@admin.register(Attribute)
class AttributeAdmin(SaleorModelAdmin):
    permissions = tuple(PERMISSION_BY_TYPE.values())
    list_display = ["name", "slug", "type", "input_type", "value_count"]
    list_filter = ["type", "input_type", "visible_in_storefront"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AttributeValueInline]
    fields = ["name", "slug", "type", "input_type", "entity_type", "unit"] + [
        name
        for name in EDITABLE_FIELDS
        if name not in {"name", "slug", "input_type", "entity_type", "unit"}
    ]

    def _may_edit(self, request, attribute: Attribute | None) -> bool:
        if attribute is None:
            return self._has_saleor_permission(request)
        permission = PERMISSION_BY_TYPE.get(attribute.type)
        return permission is not None and self._has_saleor_permission(
            request, (permission,)
        )

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may_edit(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # Saleor fixes an attribute's type and input type at creation.
        return ["type", "input_type", "entity_type"] if obj else []

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "type" in form.base_fields:
            user = request.user
            form.base_fields["type"].choices = [
                (value, label)
                for value, label in AttributeType.choices
                if user_has_any_permission(user, PERMISSION_BY_TYPE[value])
            ]
        return form

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(value_total=Count("values"))

    @admin.display(description="Values", ordering="value_total")
    def value_count(self, attribute: Attribute) -> int:
        return attribute.value_total

    def save_model(self, request, obj, form, change):
        if change:
            attribute_update(
                attribute=obj,
                **{
                    name: form.cleaned_data[name]
                    for name in UPDATABLE_ATTRIBUTE_FIELDS
                    if name in form.changed_data
                },
            )
            return
        options = {
            name: form.cleaned_data[name]
            for name in EDITABLE_FIELDS
            if name in form.cleaned_data and name not in {"name", "slug", "input_type"}
        }
        attribute = attribute_create(
            name=form.cleaned_data["name"],
            slug=form.cleaned_data.get("slug") or None,
            type=form.cleaned_data["type"],
            input_type=form.cleaned_data["input_type"],
            **options,
        )
        obj.pk = attribute.pk
        obj._state.adding = False
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        attribute = form.instance
        new, changed, deleted = [], [], []
        for inline_form in formset.initial_forms:
            if formset._should_delete_form(inline_form):
                deleted.append(inline_form)
            elif inline_form.has_changed():
                changed.append(inline_form)
        if deleted:
            attribute_update(
                attribute=attribute,
                remove_value_ids=[f.instance.pk for f in deleted],
            )
        for inline_form in changed:
            inline_form.save()
        for inline_form in formset.extra_forms:
            if inline_form.has_changed() and not formset._should_delete_form(
                inline_form
            ):
                new.append(
                    attribute_value_create(
                        attribute=attribute,
                        **{
                            name: inline_form.cleaned_data.get(name) or ""
                            for name in VALUE_FIELDS
                        },
                    )
                )
        formset.new_objects = new
        formset.changed_objects = [(f.instance, f.changed_data) for f in changed]
        formset.deleted_objects = [f.instance for f in deleted]
