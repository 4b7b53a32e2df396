"""Staff, customers and permission groups in the admin.

As in Saleor, staff accounts and groups need MANAGE_STAFF and customers
MANAGE_USERS, and nobody but a superuser can hand out a permission code
they do not hold themselves.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group, Permission
from django.db.models import QuerySet

from backend.account.models import User
from backend.core.admin_permissions import SaleorPermissionAdminMixin
from backend.core.permissions import PermissionEnum, user_has_permissions

MANAGE_STAFF = PermissionEnum.MANAGE_STAFF
MANAGE_USERS = PermissionEnum.MANAGE_USERS


def _grantable_permissions(user) -> QuerySet:
    """Return the store permission codes the user may hand to others."""
    permissions = Permission.objects.filter(content_type__app_label="core")
    if user.is_superuser:
        return permissions
    held = [
        permission.value
        for permission in PermissionEnum
        if user_has_permissions(user, permission)
    ]
    return permissions.filter(codename__in=held)


def _grantable_groups(user) -> QuerySet:
    """Return the groups whose every code the user holds."""
    if user.is_superuser:
        return Group.objects.all()
    grantable = _grantable_permissions(user)
    return Group.objects.exclude(
        permissions__in=Permission.objects.exclude(pk__in=grantable)
    )


class UserCreationForm(auth_forms.BaseUserCreationForm):
    class Meta:
        model = User
        fields = ["email"]


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(SaleorPermissionAdminMixin, DjangoUserAdmin):
    permissions = (MANAGE_STAFF, MANAGE_USERS)
    form = UserChangeForm
    add_form = UserCreationForm
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_active", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    ordering = ["email"]
    filter_horizontal = ["groups"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Name", {"fields": ["first_name", "last_name", "language_code", "note"]}),
        (
            "Access",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def _may_manage(self, request, user: User | None) -> bool:
        if user is None:
            return self._has_saleor_permission(request)
        needed = MANAGE_STAFF if user.is_staff or user.is_superuser else MANAGE_USERS
        if not self._has_saleor_permission(request, (needed,)):
            return False
        editor = request.user
        if editor.is_superuser:
            return True
        # Whoever could change this account's password could act as it, so
        # it must hold nothing the editor does not.
        return not user.is_superuser and (
            user.get_all_permissions() <= editor.get_all_permissions()
        )

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may_manage(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may_manage(request, obj) and obj != request.user

    def get_queryset(self, request):
        users = super().get_queryset(request)
        staff = user_has_permissions(request.user, MANAGE_STAFF)
        customers = user_has_permissions(request.user, MANAGE_USERS)
        if staff and customers:
            return users
        return users.filter(is_staff=staff)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(self.readonly_fields)
        if not request.user.is_superuser:
            readonly.append("is_superuser")
        if not user_has_permissions(request.user, MANAGE_STAFF):
            readonly += ["is_staff", "groups"]
        return readonly

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = _grantable_groups(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        # Keep the groups the editor may not grant, which the form hid.
        kept = []
        if change and "groups" in form.cleaned_data:
            grantable = _grantable_groups(request.user)
            kept = list(form.instance.groups.exclude(pk__in=grantable))
        super().save_related(request, form, formsets, change)
        if kept:
            form.instance.groups.add(*kept)


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["name", "permissions"]


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(SaleorPermissionAdminMixin, DjangoGroupAdmin):
    permissions = (MANAGE_STAFF,)
    form = GroupForm
    list_display = ["name", "codes"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("permissions")

    @admin.display(description="Permission codes")
    def codes(self, group: Group) -> str:
        return ", ".join(
            sorted(
                permission.codename.upper() for permission in group.permissions.all()
            )
        )

    def has_change_permission(self, request, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return _grantable_groups(request.user).filter(pk=obj.pk).exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.has_change_permission(request, obj)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name != "permissions":
            return super().formfield_for_manytomany(db_field, request, **kwargs)
        kwargs["queryset"] = _grantable_permissions(request.user).order_by("codename")
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        field.label_from_instance = lambda permission: permission.codename.upper()
        return field
