"""shippingPriceExcludeProducts, shippingPriceRemoveProductFromExclude."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.product.models import Product
from backend.shipping import services

from ...core.mutations import get_nodes
from ..types import ShippingMethodType
from .base import ShippingMutation, in_no_channel, method_pk


def product_pks(ids: list[str]) -> list[int]:
    """Return the products' primary keys; NOT_FOUND names the first missing."""
    products = get_nodes(ids, type_name="Product", model=Product, field_name="products")
    return [product.pk for product in products]


class ShippingPriceExcludeProductsInput(graphene.InputObjectType):
    products = graphene.List(
        graphene.NonNull(graphene.ID),
        required=True,
        description="List of products which will be excluded.",
    )


class ShippingPriceExcludeProducts(ShippingMutation):
    shipping_method = graphene.Field(
        ShippingMethodType,
        description="A shipping method with new list of excluded products.",
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of a shipping price.")
        input = ShippingPriceExcludeProductsInput(
            required=True,
            description="Exclude products input.",
        )

    class Meta:
        description = "Exclude products from shipping price."
        permissions = (PermissionEnum.MANAGE_SHIPPING,)

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "method_id": method_pk(data["id"]),
            "product_ids": product_pks(data["input"]["products"]),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        method = services.shipping_method_exclude_products(**cleaned)
        return cls.success(shipping_method=in_no_channel(method))


class ShippingPriceRemoveProductFromExclude(ShippingMutation):
    shipping_method = graphene.Field(
        ShippingMethodType,
        description="A shipping method with new list of excluded products.",
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of a shipping price.")
        products = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="List of products which will be removed from excluded list.",
        )

    class Meta:
        description = "Remove product from excluded list for shipping price."
        permissions = (PermissionEnum.MANAGE_SHIPPING,)

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "method_id": method_pk(data["id"]),
            "product_ids": product_pks(data["products"]),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        method = services.shipping_method_include_products(**cleaned)
        return cls.success(shipping_method=in_no_channel(method))
