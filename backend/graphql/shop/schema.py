"""The shop query: store-wide settings any client may read."""

import graphene

from .types import Shop


class ShopQueries(graphene.ObjectType):
    shop = graphene.Field(
        Shop, required=True, description="Return information about the shop."
    )

    @staticmethod
    def resolve_shop(root, info):
        return Shop()
