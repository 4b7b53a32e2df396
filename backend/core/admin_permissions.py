"""Saleor's permission codes as the Django admin's permission checks.

Every admin page, inline and autocomplete answers ``has_*_permission`` with
``user_has_any_permission``, the call GraphQL mutations make in
``BaseMutation.check_permissions``. So a staff user refused ``productUpdate``
is refused the product change page, and the other way round; Django's own
per-model ``add_*``/``change_*`` permissions play no part.
"""

from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpResponseRedirect

from .admin_cache_versions import CacheVersionsAdminMixin
from .errors import error_messages_by_field
from .permissions import PermissionEnum, user_has_any_permission


def validation_messages(error: ValidationError) -> list[str]:
    """Return a domain error's messages, each prefixed by its field."""
    return [
        message if name == NON_FIELD_ERRORS else f"{name}: {message}"
        for name, messages in error_messages_by_field(error).items()
        for message in messages
    ]


class SaleorPermissionAdminMixin:
    """Allow changes to holders of one of ``permissions``.

    ``view_permissions`` widens reading where Saleor's queries do: any
    staff member who may edit products may read product types, as the
    ``productTypes`` query allows, so the product form can pick one.
    """

    permissions: tuple[PermissionEnum, ...] = ()
    view_permissions: tuple[PermissionEnum, ...] = ()

    def _has_saleor_permission(self, request, permissions=None) -> bool:
        user = request.user
        permissions = permissions or self.permissions
        if not permissions or not getattr(user, "is_staff", False):
            return False
        return user_has_any_permission(user, *permissions)

    def has_module_permission(self, request) -> bool:
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._has_saleor_permission(
            request, (*self.permissions, *self.view_permissions)
        )

    def has_add_permission(self, request, obj=None) -> bool:
        return self._has_saleor_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._has_saleor_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._has_saleor_permission(request)


class ServiceRefusalAdminMixin:
    """Show a service's refusal of a save as a message, never a 500.

    The admin's forms check what the services check, but a service may
    still refuse a write the form accepted (a concurrent change, a rule the
    form cannot see). The whole save then rolls back, as the admin runs it
    in one transaction, and the page reloads with the service's message.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            for message in validation_messages(error):
                messages.error(request, message)
            return HttpResponseRedirect(request.get_full_path())


class SaleorModelAdmin(
    SaleorPermissionAdminMixin,
    ServiceRefusalAdminMixin,
    CacheVersionsAdminMixin,
    admin.ModelAdmin,
):
    """A model admin guarded by Saleor codes whose saves call services."""


class SaleorTabularInline(SaleorPermissionAdminMixin, admin.TabularInline):
    pass


class SaleorStackedInline(SaleorPermissionAdminMixin, admin.StackedInline):
    pass
