"""The shop query: store-wide settings any client may read."""

import graphene

from .types import RefundSettings, ReturnSettings, Shop


class ShopQueries(graphene.ObjectType):
    shop = graphene.Field(
        Shop, required=True, description="Return information about the shop."
    )

    refund_settings = graphene.Field(
        RefundSettings,
        required=True,
        description=(
            "Refunds related settings. Returns `RefundSettings` configuration, "
            "global for the entire shop."
        ),
    )
    return_settings = graphene.Field(
        ReturnSettings,
        required=True,
        description=(
            "Returns related settings. Returns `ReturnSettings` configuration, "
            "global for the entire shop."
        ),
    )

    @staticmethod
    def resolve_shop(root, info):
        return Shop()

    @staticmethod
    def resolve_refund_settings(root, info):
        # Saleor's schema guards neither settings query with a permission.
        return RefundSettings()

    @staticmethod
    def resolve_return_settings(root, info):
        return ReturnSettings()
