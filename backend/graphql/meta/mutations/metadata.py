"""updateMetadata, updatePrivateMetadata for catalog objects."""

import graphene
from django.core.exceptions import ValidationError
from graphql_relay import from_global_id

from backend.attribute.models import Attribute
from backend.core.metadata import metadata_update
from backend.core.permissions import PermissionEnum, user_has_permissions
from backend.menu.models import Menu, MenuItem
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
from ...core.read_side import payload_type

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


class _UpdateMetadata(BaseMutation):
    item = graphene.Field(payload_type("ObjectWithMetadata"))

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
    def clean_input(cls, info, **data):
        try:
            type_name, _ = from_global_id(data["id"])
        except (ValueError, TypeError, UnicodeDecodeError):
            type_name = ""
        if type_name not in METADATA_OWNERS:
            raise id_error("id", f"Couldn't resolve id: {data['id']}.")
        model, permission = METADATA_OWNERS[type_name]
        if not user_has_permissions(info.context.user, permission):
            raise PermissionDenied((permission,))
        instance = get_node(data["id"], type_name=type_name, model=model)
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
