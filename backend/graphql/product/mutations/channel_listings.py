"""productChannelListingUpdate, productVariantChannelListingUpdate."""

import graphene
from django.core.exceptions import ValidationError

from backend.channel.models import Channel
from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Product
from backend.product.services.channel_listings import (
    ProductListingInput,
    VariantListingInput,
)

from ...core.errors import ProductChannelListingError
from ...core.inputs import PositiveDecimal
from ...core.mutations import BaseMutation, decode_global_id, get_node, id_error
from .. import types
from ..lookup import variant_lookup
from ..types import ProductVariant


class ProductChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    is_published = graphene.Boolean()
    publication_date = graphene.Date(
        deprecation_reason="Use `publishedAt` field instead."
    )
    published_at = graphene.DateTime()
    visible_in_listings = graphene.Boolean()
    is_available_for_purchase = graphene.Boolean()
    available_for_purchase_date = graphene.Date(
        deprecation_reason="Use `availableForPurchaseAt` field instead."
    )
    available_for_purchase_at = graphene.DateTime()
    add_variants = graphene.List(graphene.NonNull(graphene.ID))
    remove_variants = graphene.List(graphene.NonNull(graphene.ID))


class ProductChannelListingUpdateInput(graphene.InputObjectType):
    update_channels = graphene.List(graphene.NonNull(ProductChannelListingAddInput))
    remove_channels = graphene.List(graphene.NonNull(graphene.ID))


class ProductVariantChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    price = PositiveDecimal(
        required=True, description="Price of the particular variant in channel."
    )
    cost_price = PositiveDecimal(description="Cost price of the variant in channel.")
    prior_price = PositiveDecimal(
        description="The value of the previous price before discount."
    )
    preorder_threshold = graphene.Int(
        deprecation_reason=(
            "Preorder is deprecated and will be removed. Model pre-sales with "
            "regular stock instead: create the planned quantity in a warehouse, or "
            "set `trackInventory` to false to sell without a stock limit."
        )
    )


def channels_by_global_id(
    global_ids: list[str], *, field_name: str
) -> dict[str, Channel]:
    """Return the channels the ids name, in one query, refusing unknown ones."""
    pks = {
        gid: decode_global_id(gid, type_names=("Channel",), field_name=field_name)
        for gid in global_ids
    }
    channels = Channel.objects.in_bulk(set(pks.values()))
    for gid, pk in pks.items():
        if pk not in channels:
            raise id_error(
                field_name, f"Couldn't resolve to a node: {gid}", "NOT_FOUND"
            )
    return {gid: channels[pk] for gid, pk in pks.items()}


def _variant_pks(global_ids, field_name):
    return tuple(
        decode_global_id(gid, type_names=("ProductVariant",), field_name=field_name)
        for gid in global_ids or []
    )


class ProductChannelListingUpdate(BaseMutation):
    product = graphene.Field(types.Product)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product to update.")
        input = ProductChannelListingUpdateInput(required=True)

    class Meta:
        description = "Manage product's availability in channels."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductChannelListingError
        error_type_field = "product_channel_listing_errors"

    @classmethod
    def clean_input(cls, info, **data):
        product = get_node(data["id"], type_name="Product", model=Product)
        updates = data["input"].get("update_channels") or []
        removes = data["input"].get("remove_channels") or []
        channels = channels_by_global_id(
            [item["channel_id"] for item in updates] + list(removes),
            field_name="channelId",
        )
        listings = []
        for item in updates:
            published_at = item.get("published_at")
            available_at = item.get("available_for_purchase_at")
            listings.append(
                ProductListingInput(
                    channel=channels[item["channel_id"]],
                    is_published=item.get("is_published"),
                    published_at=published_at,
                    visible_in_listings=item.get("visible_in_listings"),
                    is_available_for_purchase=item.get("is_available_for_purchase"),
                    available_for_purchase_at=available_at,
                    add_variant_ids=_variant_pks(
                        item.get("add_variants"), "addVariants"
                    ),
                    remove_variant_ids=_variant_pks(
                        item.get("remove_variants"), "removeVariants"
                    ),
                )
            )
        return {
            "product": product,
            "update_channels": listings,
            "remove_channels": [channels[gid] for gid in removes],
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product=services.product_channel_listing_update(**cleaned))


class ProductVariantChannelListingUpdate(BaseMutation):
    variant = graphene.Field(ProductVariant)

    class Arguments:
        id = graphene.ID(description="ID of a product variant to update.")
        input = graphene.List(
            graphene.NonNull(ProductVariantChannelListingAddInput),
            required=True,
            description=(
                "List of fields required to create or upgrade product variant "
                "channel listings."
            ),
        )
        sku = graphene.String(description="SKU of a product variant to update.")

    class Meta:
        description = "Manage product variant prices in channels."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductChannelListingError
        error_type_field = "product_channel_listing_errors"

    @classmethod
    def clean_input(cls, info, **data):
        variant = variant_lookup(data)
        items = data["input"]
        for item in items:
            if item.get("price") is None:
                raise ValidationError(
                    {
                        "price": ValidationError(
                            "The price is not a number.", code="INVALID"
                        )
                    }
                )
        channels = channels_by_global_id(
            [item["channel_id"] for item in items], field_name="channelId"
        )
        return {
            "variant": variant,
            "listings": [
                VariantListingInput(
                    channel=channels[item["channel_id"]],
                    price=item["price"],
                    cost_price=item.get("cost_price"),
                    prior_price=item.get("prior_price"),
                )
                for item in items
            ],
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(
            variant=services.product_variant_channel_listing_update(**cleaned)
        )
