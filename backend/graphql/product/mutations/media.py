"""productMediaCreate: an image uploaded per the multipart request spec."""

import graphene
from django.core.files.uploadedfile import UploadedFile

from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Product

from ...core.errors import ProductError
from ...core.mutations import BaseMutation, get_node, id_error
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
