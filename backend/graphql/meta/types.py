"""Saleor's ObjectWithMetadata interface, shared by every catalog type.

Public metadata is readable by anyone who can see the object. Private
metadata needs the permission that manages the object's type; without it
the field raises Saleor's PermissionDenied error.
"""

import graphene
from graphql.language import ast

from backend.core.permissions import PermissionEnum, user_has_any_permission

from ..core.mutations import PermissionDenied

# Who may read private metadata, by the GraphQL type that carries it.
PRIVATE_METADATA_PERMISSIONS: dict[str, tuple[PermissionEnum, ...]] = {
    "Product": (PermissionEnum.MANAGE_PRODUCTS,),
    "ProductVariant": (PermissionEnum.MANAGE_PRODUCTS,),
    "ProductMedia": (PermissionEnum.MANAGE_PRODUCTS,),
    "Category": (PermissionEnum.MANAGE_PRODUCTS,),
    "Collection": (PermissionEnum.MANAGE_PRODUCTS,),
    "Warehouse": (PermissionEnum.MANAGE_PRODUCTS,),
    "ProductType": (
        PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
        PermissionEnum.MANAGE_PRODUCTS,
    ),
    "Attribute": (
        PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
        PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,
    ),
    "PageType": (PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,),
    "Page": (PermissionEnum.MANAGE_PAGES,),
    "Menu": (PermissionEnum.MANAGE_MENUS,),
    "MenuItem": (PermissionEnum.MANAGE_MENUS,),
    "Channel": (PermissionEnum.MANAGE_CHANNELS,),
    "Shop": (PermissionEnum.MANAGE_SETTINGS,),
    "ShippingZone": (PermissionEnum.MANAGE_SHIPPING,),
    "ShippingMethodType": (PermissionEnum.MANAGE_SHIPPING,),
    "ShippingMethod": (PermissionEnum.MANAGE_SHIPPING,),
    "Order": (PermissionEnum.MANAGE_ORDERS,),
    "OrderLine": (PermissionEnum.MANAGE_ORDERS,),
    "Fulfillment": (PermissionEnum.MANAGE_ORDERS,),
    "Invoice": (PermissionEnum.MANAGE_ORDERS,),
    "Checkout": (PermissionEnum.MANAGE_CHECKOUTS,),
    "CheckoutLine": (PermissionEnum.MANAGE_CHECKOUTS,),
    "TransactionItem": (PermissionEnum.HANDLE_PAYMENTS,),
    "Payment": (PermissionEnum.HANDLE_PAYMENTS,),
    "User": (PermissionEnum.MANAGE_USERS, PermissionEnum.MANAGE_STAFF),
    "Address": (PermissionEnum.MANAGE_USERS,),
    "Voucher": (PermissionEnum.MANAGE_DISCOUNTS,),
    "GiftCard": (PermissionEnum.MANAGE_GIFT_CARD,),
    "App": (PermissionEnum.MANAGE_APPS,),
    "TaxClass": (PermissionEnum.MANAGE_TAXES,),
}
# A type missing from the map is readable by superusers only (no staff
# group's permission may open a type nobody has ruled on).
DEFAULT_PRIVATE_PERMISSIONS: tuple[PermissionEnum, ...] = ()


class Metadata(graphene.types.Scalar):
    """Metadata is a map of key-value pairs, both keys and values are `String`.

    Example:
    ```
    {
        "key1": "value1",
        "key2": "value2"
    }
    ```
    """

    @staticmethod
    def serialize(value):
        return {str(key): str(item) for key, item in (value or {}).items()}

    @staticmethod
    def parse_literal(node, _variables=None):
        if isinstance(node, ast.ObjectValueNode):
            return {
                field.name.value: getattr(field.value, "value", None)
                for field in node.fields
            }
        return graphene.types.scalars.Undefined

    @staticmethod
    def parse_value(value):
        if isinstance(value, dict):
            return {str(key): str(item) for key, item in value.items()}
        return graphene.types.scalars.Undefined


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


def metadata_items(data: dict | None) -> list[MetadataItem]:
    """Return MetadataItems of a metadata dict, sorted by key."""
    return [
        MetadataItem(key=key, value=str(value))
        for key, value in sorted((data or {}).items())
    ]


def _pick(data: dict | None, keys: list[str] | None) -> dict:
    data = data or {}
    if keys is None:
        return dict(data)
    return {key: data[key] for key in keys if key in data}


def check_private_metadata_access(info) -> None:
    """Refuse a private metadata read unless the user manages the type."""
    type_name = info.parent_type.name
    permissions = PRIVATE_METADATA_PERMISSIONS.get(
        type_name, DEFAULT_PRIVATE_PERMISSIONS
    )
    user = getattr(info.context, "user", None)
    if permissions:
        allowed = user_has_any_permission(user, *permissions)
    else:
        allowed = bool(getattr(user, "is_superuser", False) and user.is_active)
    if not allowed:
        raise PermissionDenied(permissions)


def _metadata_of(root) -> dict:
    return getattr(root, "metadata", None) or {}


def _private_metadata_of(root) -> dict:
    return getattr(root, "private_metadata", None) or {}


class ObjectWithMetadata(graphene.Interface):
    private_metadata = graphene.List(
        graphene.NonNull(MetadataItem),
        required=True,
        description=(
            "List of private metadata items. Requires staff permissions to access."
        ),
    )
    private_metafield = graphene.String(
        key=graphene.String(required=True),
        description=(
            "A single key from private metadata. Requires staff permissions to "
            "access.\n\nTip: Use GraphQL aliases to fetch multiple keys."
        ),
    )
    private_metafields = graphene.Field(
        Metadata,
        keys=graphene.List(graphene.NonNull(graphene.String)),
        description=(
            "Private metadata. Requires staff permissions to access. Use `keys` "
            "to control which fields you want to include. The default is to "
            "include everything."
        ),
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataItem),
        required=True,
        description=(
            "List of public metadata items. Can be accessed without permissions."
        ),
    )
    metafield = graphene.String(
        key=graphene.String(required=True),
        description=(
            "A single key from public metadata.\n\nTip: Use GraphQL aliases to "
            "fetch multiple keys."
        ),
    )
    metafields = graphene.Field(
        Metadata,
        keys=graphene.List(graphene.NonNull(graphene.String)),
        description=(
            "Public metadata. Use `keys` to control which fields you want to "
            "include. The default is to include everything."
        ),
    )

    @staticmethod
    def resolve_metadata(root, info):
        return metadata_items(_metadata_of(root))

    @staticmethod
    def resolve_metafield(root, info, key):
        value = _metadata_of(root).get(key)
        return None if value is None else str(value)

    @staticmethod
    def resolve_metafields(root, info, keys=None):
        return _pick(_metadata_of(root), keys)

    @staticmethod
    def resolve_private_metadata(root, info):
        check_private_metadata_access(info)
        return metadata_items(_private_metadata_of(root))

    @staticmethod
    def resolve_private_metafield(root, info, key):
        check_private_metadata_access(info)
        value = _private_metadata_of(root).get(key)
        return None if value is None else str(value)

    @staticmethod
    def resolve_private_metafields(root, info, keys=None):
        check_private_metadata_access(info)
        return _pick(_private_metadata_of(root), keys)
