"""shippingMethodChannelListingUpdate: sell a method in channels at a price."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.shipping import services
from backend.shipping.services import MethodListingInput

from ...core.inputs import PositiveDecimal
from ...core.mutations import decode_global_id
from ..types import ShippingMethodType
from .base import ShippingMutation, in_no_channel, method_pk, pks


class ShippingMethodChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    price = PositiveDecimal(
        description="Shipping price of the shipping method in this channel."
    )
    minimum_order_price = PositiveDecimal(
        description="Minimum order price to use this shipping method."
    )
    maximum_order_price = PositiveDecimal(
        description="Maximum order price to use this shipping method."
    )


class ShippingMethodChannelListingInput(graphene.InputObjectType):
    add_channels = graphene.List(
        graphene.NonNull(ShippingMethodChannelListingAddInput),
        description="List of channels to which the shipping method should be assigned.",
    )
    remove_channels = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of channels from which the shipping method should be "
        "unassigned.",
    )


def _listing(item: dict) -> MethodListingInput:
    # A bound left out keeps its value; a bound given as null clears it.
    bounds = {
        name: item[name]
        for name in ("minimum_order_price", "maximum_order_price")
        if name in item
    }
    return MethodListingInput(
        channel_id=decode_global_id(
            item["channel_id"], type_names=("Channel",), field_name="channelId"
        ),
        price=item.get("price"),
        **bounds,
    )


class ShippingMethodChannelListingUpdate(ShippingMutation):
    shipping_method = graphene.Field(
        ShippingMethodType, description="An updated shipping method instance."
    )

    class Arguments:
        id = graphene.ID(
            required=True, description="ID of a shipping method to update."
        )
        input = ShippingMethodChannelListingInput(
            required=True,
            description="Fields required to update shipping method channel listings.",
        )

    class Meta:
        description = "Manage shipping method's availability in channels."
        permissions = (PermissionEnum.MANAGE_SHIPPING,)

    @classmethod
    def clean_input(cls, info, **data):
        listing_input = data["input"]
        return {
            "method_id": method_pk(data["id"]),
            "add_channels": [
                _listing(item) for item in listing_input.get("add_channels") or ()
            ],
            "remove_channel_ids": list(
                pks(
                    listing_input.get("remove_channels"),
                    type_name="Channel",
                    field="removeChannels",
                )
            ),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        method = services.shipping_method_channel_listing_update(**cleaned)
        return cls.success(shipping_method=in_no_channel(method))
