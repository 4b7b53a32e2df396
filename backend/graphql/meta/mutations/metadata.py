"""updateMetadata, updatePrivateMetadata for catalog and customer objects.

Catalog objects are staff's. A customer changes the public metadata of
their own User, Checkout and Order; a guest checkout or order belongs to
whoever holds its id (its secret token), as in Saleor. Private metadata
stays staff's.
"""

import uuid

import graphene
from django.core.exceptions import ValidationError
from graphql_relay import from_global_id

from backend.account.models import User
from backend.attribute.models import Attribute
from backend.checkout.access import checkout_may_use
from backend.checkout.models import Checkout
from backend.core.metadata import metadata_update
from backend.core.permissions import (
    PermissionEnum,
    user_has_any_permission,
    user_has_permissions,
)
from backend.menu.models import Menu, MenuItem
from backend.order.access import order_may_act_as_customer
from backend.order.models import Order
from backend.product.models import (
    Category,
    Collection,
    Product,
    ProductMedia,
    ProductType,
    ProductVariant,
)
from backend.warehouse.models import Warehouse

from ...core.errors import MetadataError
from ...core.inputs import MetadataInput
from ...core.mutations import BaseMutation, PermissionDenied, get_node, id_error
from ...core.permissions import StaffOnly
from ..types import ObjectWithMetadata

# The catalog objects whose metadata staff may change, and who may.
METADATA_OWNERS = {
    "Product": (Product, PermissionEnum.MANAGE_PRODUCTS),
    "ProductVariant": (ProductVariant, PermissionEnum.MANAGE_PRODUCTS),
    "ProductMedia": (ProductMedia, PermissionEnum.MANAGE_PRODUCTS),
    "Category": (Category, PermissionEnum.MANAGE_PRODUCTS),
    "Collection": (Collection, PermissionEnum.MANAGE_PRODUCTS),
    "Warehouse": (Warehouse, PermissionEnum.MANAGE_PRODUCTS),
    "ProductType": (ProductType, PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES),
    "Attribute": (Attribute, PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES),
    "Menu": (Menu, PermissionEnum.MANAGE_MENUS),
    "MenuItem": (MenuItem, PermissionEnum.MANAGE_MENUS),
}


# Objects found by token, not by primary key (their global id holds a UUID).
TOKEN_MODELS = {"Checkout": Checkout, "Order": Order}


def _is_requestor(user, instance) -> bool:
    return bool(user and user.is_authenticated and user.pk == instance.pk)


def _user_managers(instance: User) -> tuple[PermissionEnum, ...]:
    if instance.is_staff:
        return (PermissionEnum.MANAGE_STAFF,)
    return (PermissionEnum.MANAGE_USERS,)


def _check_customer_object(user, type_name: str, instance, *, private: bool):
    """Refuse unless the requestor may change this object's metadata."""
    if type_name == "User":
        managers = _user_managers(instance)
        allowed = user_has_any_permission(user, *managers) or (
            not private and _is_requestor(user, instance)
        )
    elif type_name == "Checkout":
        managers = (PermissionEnum.MANAGE_CHECKOUTS,)
        allowed = user_has_any_permission(user, *managers) or (
            not private and checkout_may_use(user=user, checkout=instance)
        )
    else:
        managers = (PermissionEnum.MANAGE_ORDERS,)
        allowed = user_has_any_permission(user, *managers) or (
            not private and order_may_act_as_customer(user=user, order=instance)
        )
    if not allowed:
        names = tuple(permission.name for permission in managers)
        raise StaffOnly(names if private else names + ("OWNER",))


def _token_instance(model, raw: str, value: str):
    try:
        token = uuid.UUID(raw)
    except (ValueError, TypeError):
        raise id_error("id", f"Couldn't resolve id: {value}.") from None
    instance = model.objects.filter(token=token).first()
    if instance is None:
        raise id_error("id", f"Couldn't resolve to a node: {value}", code="NOT_FOUND")
    return instance


def _customer_object(value: str):
    """Return (type name, object) of a User, Checkout or Order id, or None.

    Saleor also takes a bare checkout or order token as the id.
    """
    try:
        uuid.UUID(value)
    except (ValueError, TypeError):
        pass
    else:
        for type_name, model in TOKEN_MODELS.items():
            instance = model.objects.filter(token=value).first()
            if instance is not None:
                return type_name, instance
        raise id_error("id", f"Couldn't resolve to a node: {value}", code="NOT_FOUND")
    try:
        type_name, raw = from_global_id(value)
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    if type_name in TOKEN_MODELS:
        return type_name, _token_instance(TOKEN_MODELS[type_name], raw, value)
    if type_name == "User":
        return type_name, get_node(value, type_name="User", model=User)
    return None


class _UpdateMetadata(BaseMutation):
    item = graphene.Field(ObjectWithMetadata)

    class Arguments:
        id = graphene.ID(
            required=True,
            description="ID or token (for Order and Checkout) of an object to update.",
        )
        input = graphene.List(
            graphene.NonNull(MetadataInput),
            required=True,
            description="Fields required to update the object's metadata.",
        )

    class Meta:
        abstract = True

    private = False

    @classmethod
    def check_permissions(cls, info) -> None:
        # Who may change an object depends on the object: see clean_input.
        return

    @classmethod
    def clean_input(cls, info, **data):
        user = getattr(info.context, "user", None)
        found = _customer_object(data["id"])
        if found is not None:
            type_name, instance = found
            _check_customer_object(user, type_name, instance, private=cls.private)
        else:
            instance = cls._catalog_object(user, data["id"])
        items = {item["key"]: item["value"] for item in data["input"]}
        if not items:
            raise ValidationError(
                {
                    "input": ValidationError(
                        "Give at least one metadata item.", code="REQUIRED"
                    )
                }
            )
        return {"instance": instance, "items": items}

    @staticmethod
    def _catalog_object(user, value: str):
        try:
            type_name, _ = from_global_id(value)
        except (ValueError, TypeError, UnicodeDecodeError):
            type_name = ""
        if type_name not in METADATA_OWNERS:
            raise id_error("id", f"Couldn't resolve id: {value}.")
        model, permission = METADATA_OWNERS[type_name]
        if not user_has_permissions(user, permission):
            raise PermissionDenied((permission,))
        return get_node(value, type_name=type_name, model=model)

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        item = metadata_update(private=cls.private, **cleaned)
        return cls.success(item=item)


ALL_OWNER_PERMISSIONS = tuple(
    sorted({perm for _, perm in METADATA_OWNERS.values()}, key=lambda perm: perm.name)
)


class UpdateMetadata(_UpdateMetadata):
    class Meta:
        description = "Updates metadata of an object."
        permissions = ALL_OWNER_PERMISSIONS
        error_type_class = MetadataError
        error_type_field = "metadata_errors"


class UpdatePrivateMetadata(_UpdateMetadata):
    private = True

    class Meta:
        description = "Updates private metadata of an object."
        permissions = ALL_OWNER_PERMISSIONS
        error_type_class = MetadataError
        error_type_field = "metadata_errors"
