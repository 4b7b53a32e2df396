"""The Query root, combined from every domain's query classes."""

import graphene

from .channel.schema import ChannelQueries
from .shop.schema import ShopQueries
from .warehouse.schema import WarehouseQueries


class Query(
    ShopQueries,
    ChannelQueries,
    WarehouseQueries,
    graphene.ObjectType,
):
    """Every query of the API; each domain adds its query class above."""
