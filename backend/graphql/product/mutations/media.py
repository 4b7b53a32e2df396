"""productMedia* mutations: uploads per the multipart request spec, alt, order."""

import graphene
from django.core.files.uploadedfile import UploadedFile

from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Product
from backend.product.models import ProductMedia as MediaModel
from backend.product.models import ProductVariant as ProductVariantModel

from ...core.errors import ProductError
from ...core.mutations import (
    BaseMutation,
    decode_global_id,
    get_node,
    get_nodes,
    id_error,
)
from ...core.upload import Upload
from .. import types
from ..types import ProductMedia


class ProductMediaCreateInput(graphene.InputObjectType):
    alt = graphene.String(description="Alt text for a product media.")
    image = Upload(
        required=False, description="Represents an image file in a multipart request."
    )
    product = graphene.ID(required=True, description="ID of an product.")
    media_url = graphene.String(
        required=False, description="Represents an URL to an external media."
    )


class ProductMediaCreate(BaseMutation):
    product = graphene.Field(types.Product)
    media = graphene.Field(ProductMedia)

    class Arguments:
        input = ProductMediaCreateInput(required=True)

    class Meta:
        description = (
            "Create a media object (image or video URL) associated with product. "
            "For image, this mutation must be sent as a `multipart` request."
        )
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        data = data["input"]
        image = data.get("image")
        if image is not None and not isinstance(image, UploadedFile):
            raise id_error(
                "image",
                "The image must be sent as a multipart file.",
                "INVALID_FILE_TYPE",
            )
        return {
            "product": get_node(
                data["product"],
                type_name="Product",
                model=Product,
                field_name="product",
            ),
            "image": image,
            "alt": data.get("alt") or "",
            "media_url": data.get("media_url"),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        media = services.product_media_create(**cleaned)
        return cls.success(product=media.product, media=media)


class ProductMediaUpdateInput(graphene.InputObjectType):
    alt = graphene.String(description="Alt text for a product media.")


class ProductMediaUpdate(BaseMutation):
    product = graphene.Field(types.Product)
    media = graphene.Field(ProductMedia)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product media to update.")
        input = ProductMediaUpdateInput(
            required=True, description="Fields required to update a product media."
        )

    class Meta:
        description = "Updates a product media."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "media": get_node(data["id"], type_name="ProductMedia", model=MediaModel),
            "alt": data["input"].get("alt"),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        media = services.product_media_update(**cleaned)
        return cls.success(product=media.product, media=media)


class ProductMediaDelete(BaseMutation):
    product = graphene.Field(types.Product)
    media = graphene.Field(ProductMedia)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product media to delete.")

    class Meta:
        description = "Deletes a product media."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "media": get_node(data["id"], type_name="ProductMedia", model=MediaModel)
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        media = services.product_media_delete(**cleaned)
        product = Product.objects.get(pk=media.product_id)
        return cls.success(product=product, media=media)


class ProductMediaBulkDelete(BaseMutation):
    count = graphene.Int(
        required=True, description="Returns how many objects were affected."
    )

    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="List of product media IDs to delete.",
        )

    class Meta:
        description = "Deletes product media."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "media": get_nodes(
                data["ids"],
                type_name="ProductMedia",
                model=MediaModel,
                field_name="ids",
            )
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        deleted = services.product_media_bulk_delete(**cleaned)
        return cls.success(count=len(deleted))


class ProductMediaReorder(BaseMutation):
    product = graphene.Field(types.Product)
    media = graphene.List(graphene.NonNull(ProductMedia))

    class Arguments:
        media_ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="IDs of a product media in the desired order.",
        )
        product_id = graphene.ID(
            required=True, description="ID of product that media order will be altered."
        )

    class Meta:
        description = "Changes ordering of the product media."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "product": get_node(
                data["product_id"],
                type_name="Product",
                model=Product,
                field_name="productId",
            ),
            "media_ids": [
                decode_global_id(
                    media_id, type_names=("ProductMedia",), field_name="mediaIds"
                )
                for media_id in data["media_ids"]
            ],
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        product = services.product_media_reorder(**cleaned)
        media = list(MediaModel.objects.filter(product=product).order_by("sort_order"))
        return cls.success(product=product, media=media)


def _variant_and_media(data) -> dict:
    return {
        "variant": get_node(
            data["variant_id"],
            type_name="ProductVariant",
            model=ProductVariantModel,
            field_name="variantId",
        ),
        "media": get_node(
            data["media_id"],
            type_name="ProductMedia",
            model=MediaModel,
            field_name="mediaId",
        ),
    }


class VariantMediaAssign(BaseMutation):
    product_variant = graphene.Field(types.ProductVariant)
    media = graphene.Field(ProductMedia)

    class Arguments:
        media_id = graphene.ID(required=True, description="ID of a product media.")
        variant_id = graphene.ID(required=True, description="ID of a product variant.")

    class Meta:
        description = "Assign an media to a product variant."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return _variant_and_media(data)

    @classmethod
    def perform_mutation(cls, info, variant, media):
        variant = services.variant_media_assign(variant=variant, media=media)
        return cls.success(product_variant=variant, media=media)


class VariantMediaUnassign(BaseMutation):
    product_variant = graphene.Field(types.ProductVariant)
    media = graphene.Field(ProductMedia)

    class Arguments:
        media_id = graphene.ID(required=True, description="ID of a product media.")
        variant_id = graphene.ID(required=True, description="ID of a product variant.")

    class Meta:
        description = "Unassign an media from a product variant."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return _variant_and_media(data)

    @classmethod
    def perform_mutation(cls, info, variant, media):
        variant = services.variant_media_unassign(variant=variant, media=media)
        return cls.success(product_variant=variant, media=media)
