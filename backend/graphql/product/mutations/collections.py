"""collectionCreate/Update, collectionAdd/RemoveProducts, channel listings."""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Collection, Product
from backend.product.services.collections import CollectionListingInput

from ...core.errors import CollectionChannelListingError, CollectionError
from ...core.inputs import MetadataInput, SeoInput
from ...core.mutations import BaseMutation, get_node, get_nodes
from ...core.upload import Upload
from ..types import Collection as CollectionType
from .categories import catalog_fields
from .channel_listings import channels_by_global_id


class CollectionInput(graphene.InputObjectType):
    is_published = graphene.Boolean(
        description="Informs whether a collection is published."
    )
    name = graphene.String(description="Name of the collection.")
    slug = graphene.String(description="Slug of the collection.")
    description = graphene.JSONString(description="Description of the collection.")
    background_image = Upload(description="Background image file.")
    background_image_alt = graphene.String(description="Alt text for an image.")
    seo = SeoInput(description="Search engine optimization fields.")
    publication_date = graphene.Date(
        deprecation_reason="Use `publishedAt` field instead."
    )
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    private_metadata = graphene.List(graphene.NonNull(MetadataInput))


class CollectionCreateInput(CollectionInput):
    products = graphene.List(graphene.NonNull(graphene.ID))


class PublishableChannelListingInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    is_published = graphene.Boolean()
    publication_date = graphene.Date(
        deprecation_reason="Use `publishedAt` field instead."
    )
    published_at = graphene.DateTime()


class CollectionChannelListingUpdateInput(graphene.InputObjectType):
    add_channels = graphene.List(graphene.NonNull(PublishableChannelListingInput))
    remove_channels = graphene.List(graphene.NonNull(graphene.ID))


class CollectionCreate(BaseMutation):
    collection = graphene.Field(CollectionType)

    class Arguments:
        input = CollectionCreateInput(required=True)

    class Meta:
        description = "Creates a new collection."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = CollectionError
        error_type_field = "collection_errors"

    @classmethod
    def clean_input(cls, info, **data):
        data = data["input"]
        fields = catalog_fields(data)
        return {
            "name": fields.pop("name", None),
            "products": get_nodes(
                data.get("products") or [],
                type_name="Product",
                model=Product,
                field_name="products",
            ),
            **fields,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(collection=services.collection_create(**cleaned))


class CollectionUpdate(BaseMutation):
    collection = graphene.Field(CollectionType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a collection to update.")
        input = CollectionInput(required=True)

    class Meta:
        description = "Updates a collection."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = CollectionError
        error_type_field = "collection_errors"

    @classmethod
    def clean_input(cls, info, **data):
        collection = get_node(data["id"], type_name="Collection", model=Collection)
        return {"collection": collection, **catalog_fields(data["input"], collection)}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(collection=services.collection_update(**cleaned))


class _CollectionProducts(BaseMutation):
    collection = graphene.Field(CollectionType)

    class Arguments:
        collection_id = graphene.ID(required=True, description="ID of a collection.")
        products = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="List of product IDs.",
        )

    class Meta:
        abstract = True

    @classmethod
    def clean_input(cls, info, **data):
        if not data["products"]:
            raise ValidationError(
                {
                    "products": ValidationError(
                        "At least one product is required.", code="REQUIRED"
                    )
                }
            )
        return {
            "collection": get_node(
                data["collection_id"],
                type_name="Collection",
                model=Collection,
                field_name="collectionId",
            ),
            "products": get_nodes(
                data["products"],
                type_name="Product",
                model=Product,
                field_name="products",
            ),
        }


class CollectionAddProducts(_CollectionProducts):
    class Meta:
        description = "Adds products to a collection."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = CollectionError
        error_type_field = "collection_errors"

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(collection=services.collection_add_products(**cleaned))


class CollectionRemoveProducts(_CollectionProducts):
    class Meta:
        description = "Remove products from a collection."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = CollectionError
        error_type_field = "collection_errors"

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(collection=services.collection_remove_products(**cleaned))


class CollectionChannelListingUpdate(BaseMutation):
    collection = graphene.Field(CollectionType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a collection to update.")
        input = CollectionChannelListingUpdateInput(required=True)

    class Meta:
        description = "Manage collection's availability in channels."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = CollectionChannelListingError
        error_type_field = "collection_channel_listing_errors"

    @classmethod
    def clean_input(cls, info, **data):
        collection = get_node(data["id"], type_name="Collection", model=Collection)
        adds = data["input"].get("add_channels") or []
        removes = data["input"].get("remove_channels") or []
        channels = channels_by_global_id(
            [item["channel_id"] for item in adds] + list(removes),
            field_name="channelId",
        )
        return {
            "collection": collection,
            "add_channels": [
                CollectionListingInput(
                    channel=channels[item["channel_id"]],
                    is_published=item.get("is_published"),
                    published_at=item.get("published_at"),
                )
                for item in adds
            ],
            "remove_channels": [channels[gid] for gid in removes],
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(
            collection=services.collection_channel_listing_update(**cleaned)
        )
