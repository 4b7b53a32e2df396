"""Saleor's permission codes as the Django admin's permission checks.

Every admin page, inline and autocomplete answers ``has_*_permission`` with
``user_has_any_permission``, the call GraphQL mutations make in
``BaseMutation.check_permissions``. So a staff user refused ``productUpdate``
is refused the product change page, and the other way round; Django's own
per-model ``add_*``/``change_*`` permissions play no part.
"""

import re

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


def _snake_case(name: str) -> str:
    return re.sub(r"(?<=[a-z])([A-Z0-9])", r"_\1", name).lower()


def add_service_errors(form, error: ValidationError, field_names=None) -> None:
    """Put a service's refusal on the form: on the field it names, if shown.

    A Saleor field name (``streetAddress1``) finds the form's snake_case
    field (``street_address_1``); ``field_names`` renames the others. An
    error on a field the form lacks is shown above the form, field first.
    """
    for name, messages_ in error_messages_by_field(error).items():
        if name == NON_FIELD_ERRORS:
            form.add_error(None, messages_)
            continue
        field = (field_names or {}).get(name) or _snake_case(name)
        if field in form.fields:
            form.add_error(field, messages_)
        else:
            form.add_error(None, [f"{name}: {message}" for message in messages_])


class ServiceRefusalAdminMixin:
    """Show a service's refusal of a save, never a 500.

    The admin's forms check what the services check, but a service may
    still refuse a write the form accepted (a concurrent change, a rule the
    form cannot see). The whole save then rolls back, as the admin runs it
    in one transaction. By default the page reloads with the service's
    message; an admin that sets ``service_error_fields`` (a Saleor field
    name → form field map, may be empty) shows the refusal as errors on the
    submitted form instead: the page is built again from the same POST,
    with the refusal added to the form, so nothing is saved and nothing the
    user typed is lost.
    """

    service_error_fields: dict[str, str] | None = None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            if self.service_error_fields is not None and request.method == "POST":
                request.service_refusal = error
                return super().changeform_view(
                    request, object_id, form_url, extra_context
                )
            for message in validation_messages(error):
                messages.error(request, message)
            return HttpResponseRedirect(request.get_full_path())

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, "service_refusal", None)
        if refusal is None:
            return form_class
        field_names = self.service_error_fields

        class RefusedForm(form_class):
            def _post_clean(self):
                super()._post_clean()
                add_service_errors(self, refusal, field_names)

        RefusedForm.__name__ = form_class.__name__
        return RefusedForm


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
