"""ProductMedia and the deprecated ProductImage."""

import graphene

from backend.product.models import ProductMedia as ProductMediaModel
from backend.product.thumbnails import thumbnail_url

from ...core.ids import global_id
from ..enums import ProductMediaType, ThumbnailFormatEnum, name_of
from .common import NODE_INTERFACES, ModelObjectType, thumbnail_size

SIZE_HELP = (
    "Desired longest side the image in pixels. Defaults to 4096. Images are "
    "never cropped. Pass 0 to retrieve the original size (not recommended)."
)
FORMAT_HELP = (
    "The format of the image. When not provided, format of the original image "
    "will be used."
)


def media_url(media, size, format) -> str:
    return (
        thumbnail_url(media=media, size=thumbnail_size(size), format=name_of(format))
        or ""
    )


class ProductMedia(ModelObjectType):
    model = ProductMediaModel

    sort_order = graphene.Int(description="The sort order of the media.")
    alt = graphene.String(required=True, description="The alt text of the media.")
    type = graphene.Field(
        ProductMediaType, required=True, description="The type of the media."
    )
    oembed_data = graphene.JSONString(
        required=True, description="The oEmbed data of the media."
    )
    url = graphene.String(
        required=True,
        size=graphene.Int(description=SIZE_HELP),
        format=ThumbnailFormatEnum(default_value="ORIGINAL", description=FORMAT_HELP),
        description="The URL of the media.",
    )
    product_id = graphene.ID(description="Product id the media refers to.")

    class Meta:
        interfaces = NODE_INTERFACES
        description = "Represents a product media."

    @staticmethod
    def resolve_type(root, info):
        return root.type

    @staticmethod
    def resolve_oembed_data(root, info):
        return {}

    @staticmethod
    def resolve_url(root, info, size=None, format=None):
        return media_url(root, size, format)

    @staticmethod
    def resolve_product_id(root, info):
        return global_id("Product", root.product_id)


class ProductImage(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the image.")
    alt = graphene.String(description="The alt text of the image.")
    sort_order = graphene.Int(description="The new relative sorting position.")
    url = graphene.String(
        required=True,
        size=graphene.Int(description=SIZE_HELP),
        format=ThumbnailFormatEnum(default_value="ORIGINAL", description=FORMAT_HELP),
        description="The URL of the image.",
    )

    class Meta:
        description = "Represents a product image."

    @staticmethod
    def resolve_id(root, info):
        return global_id("ProductImage", root.pk)

    @staticmethod
    def resolve_url(root, info, size=None, format=None):
        return media_url(root, size, format)
