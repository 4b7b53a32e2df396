"""Saleor's permission codes, stored as Django permissions of the core app.

Admin, ops pages and GraphQL all check these same codes through
``user.has_perm``, so a role is refused identically everywhere.
"""

from enum import Enum


# A str mixin, as Saleor declares it: members compare equal to their codes.
class PermissionEnum(str, Enum):  # noqa: UP042
    MANAGE_USERS = "manage_users"
    MANAGE_STAFF = "manage_staff"
    IMPERSONATE_USER = "impersonate_user"
    MANAGE_APPS = "manage_apps"
    MANAGE_OBSERVABILITY = "manage_observability"
    MANAGE_CHECKOUTS = "manage_checkouts"
    HANDLE_CHECKOUTS = "handle_checkouts"
    HANDLE_TAXES = "handle_taxes"
    MANAGE_TAXES = "manage_taxes"
    MANAGE_CHANNELS = "manage_channels"
    MANAGE_CUSTOMER_TYPES_AND_ATTRIBUTES = "manage_customer_types_and_attributes"
    MANAGE_DISCOUNTS = "manage_discounts"
    MANAGE_GIFT_CARD = "manage_gift_card"
    MANAGE_MENUS = "manage_menus"
    MANAGE_ORDERS = "manage_orders"
    MANAGE_ORDERS_IMPORT = "manage_orders_import"
    MANAGE_PAGES = "manage_pages"
    MANAGE_PAGE_TYPES_AND_ATTRIBUTES = "manage_page_types_and_attributes"
    HANDLE_PAYMENTS = "handle_payments"
    MANAGE_PLUGINS = "manage_plugins"
    MANAGE_PRODUCTS = "manage_products"
    MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES = "manage_product_types_and_attributes"
    MANAGE_SHIPPING = "manage_shipping"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_TRANSLATIONS = "manage_translations"

    @property
    def codename(self) -> str:
        return f"core.{self.value}"

    @property
    def description(self) -> str:
        return self.name.replace("_", " ").capitalize() + "."


def user_has_permissions(user, *permissions: PermissionEnum) -> bool:
    """Return whether the user holds every one of the permissions."""
    if user is None or not getattr(user, "is_active", False):
        return False
    return user.has_perms([permission.codename for permission in permissions])


def user_has_any_permission(user, *permissions: PermissionEnum) -> bool:
    """Return whether the user holds at least one of the permissions."""
    if user is None or not getattr(user, "is_active", False):
        return False
    return any(user.has_perm(permission.codename) for permission in permissions)


# Staff groups of the demo and of a new store: who may do what.
STAFF_GROUPS: dict[str, list[PermissionEnum]] = {
    "Merchandisers": [
        PermissionEnum.MANAGE_PRODUCTS,
        PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
        PermissionEnum.MANAGE_PAGES,
        PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,
        PermissionEnum.MANAGE_MENUS,
        PermissionEnum.MANAGE_TRANSLATIONS,
        PermissionEnum.MANAGE_DISCOUNTS,
    ],
    "Operations": [
        PermissionEnum.MANAGE_ORDERS,
        PermissionEnum.MANAGE_SHIPPING,
        PermissionEnum.HANDLE_PAYMENTS,
        PermissionEnum.MANAGE_CHECKOUTS,
        # Saleor's dashboard reads the shop's stock reservation and checkout
        # quantity limit (MANAGE_SETTINGS) before it opens the fulfil page.
        # In Lumbar the code also lets the holder read the shop's settings
        # fields (mail sender, account confirmation, address fields) and
        # private metadata of the shop and of types without their own rule
        # (meta/types.py); no mutation changes settings with it.
        PermissionEnum.MANAGE_SETTINGS,
    ],
}
