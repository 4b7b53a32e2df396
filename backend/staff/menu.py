from django import forms
from django.contrib import admin

from backend.core.admin_permissions import SaleorModelAdmin, SaleorTabularInline
from backend.core.permissions import PermissionEnum
from backend.menu.models import Menu, MenuItem
from backend.menu.services import (
    LINK_FIELDS,
    menu_create,
    menu_item_create,
    menu_item_update,
)

MANAGE_MENUS = (PermissionEnum.MANAGE_MENUS,)


class MenuItemForm(forms.ModelForm):
    class Meta:
        model = MenuItem
        fields = ["name", "parent", *LINK_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if sum(1 for name in LINK_FIELDS if cleaned.get(name)) > 1:
            raise forms.ValidationError(
                "More than one item provided: give one of url, category, "
                "collection or page."
            )
        return cleaned


class MenuItemInline(SaleorTabularInline):
    model = MenuItem
    form = MenuItemForm
    permissions = MANAGE_MENUS
    fields = ["name", "parent", *LINK_FIELDS]
    autocomplete_fields = ["category", "collection", "page"]
    extra = 0
    verbose_name = "item"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # An item's parent is another item of the same menu.
        formset.form.base_fields["parent"].queryset = (
            MenuItem.objects.filter(menu=obj) if obj else MenuItem.objects.none()
        )
        return formset


@admin.register(Menu)
class MenuAdmin(SaleorModelAdmin):
    permissions = MANAGE_MENUS
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug"]
    inlines = [MenuItemInline]

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
            return
        menu = menu_create(
            name=form.cleaned_data["name"], slug=form.cleaned_data.get("slug")
        )
        obj.pk = menu.pk
        obj._state.adding = False
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        menu = form.instance
        new, changed, deleted = [], [], []
        for item_form in formset.initial_forms:
            if formset._should_delete_form(item_form):
                deleted.append(item_form)
            elif item_form.has_changed():
                changed.append(item_form)
        for item_form in deleted:
            if MenuItem.objects.filter(pk=item_form.instance.pk).exists():
                item_form.instance.delete()
        for item_form in changed:
            fields = {
                name: item_form.cleaned_data[name]
                for name in ["name", *LINK_FIELDS]
                if name in item_form.changed_data
            }
            item = menu_item_update(menu_item=item_form.instance, **fields)
            if "parent" in item_form.changed_data:
                item.parent = item_form.cleaned_data["parent"]
                item.save()
        for item_form in formset.extra_forms:
            if item_form.has_changed() and not formset._should_delete_form(item_form):
                data = item_form.cleaned_data
                new.append(
                    menu_item_create(
                        menu=menu,
                        name=data["name"],
                        parent=data.get("parent"),
                        **{name: data.get(name) for name in LINK_FIELDS},
                    )
                )
        formset.new_objects = new
        formset.changed_objects = [(f.instance, f.changed_data) for f in changed]
        formset.deleted_objects = [f.instance for f in deleted]
