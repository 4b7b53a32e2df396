"""Channel listings of products and variants: publication, prices, margins."""

import graphene
from prices import MoneyRange as PricesMoneyRange

from backend.product import models
from backend.product.selectors import product_is_available_for_purchase

from ...channel.types import Channel
from ...core.address import AddressInput
from ...core.money import Money, MoneyRange
from .. import dataloaders as loaders
from .common import require_manage_products
from .pricing import ProductPricingInfo


class Margin(graphene.ObjectType):
    start = graphene.Int()
    stop = graphene.Int()


def variant_margin(listing) -> int | None:
    """Return the gross margin of a variant listing in whole percent."""
    if not listing.price_amount or listing.cost_price_amount is None:
        return None
    margin = (listing.price_amount - listing.cost_price_amount) / listing.price_amount
    return int(round(margin * 100))


class ProductChannelListing(graphene.ObjectType):
    publication_date = graphene.Date(
        deprecation_reason="Use the `publishedAt` field to fetch the publication date."
    )
    published_at = graphene.DateTime(description="The product publication date time.")
    is_published = graphene.Boolean(required=True)
    channel = graphene.Field(Channel, required=True)
    visible_in_listings = graphene.Boolean(required=True)
    available_for_purchase = graphene.Date(
        deprecation_reason=(
            "Use the `availableForPurchaseAt` field to fetch the available for "
            "purchase date."
        )
    )
    available_for_purchase_at = graphene.DateTime(
        description="The product available for purchase date time."
    )
    discounted_price = graphene.Field(Money)
    purchase_cost = graphene.Field(
        MoneyRange,
        description="Purchase cost of product.\n\nRequires one of the following "
        "permissions: MANAGE_PRODUCTS.",
    )
    margin = graphene.Field(
        Margin,
        description="Range of margin percentage value.\n\nRequires one of the "
        "following permissions: MANAGE_PRODUCTS.",
    )
    is_available_for_purchase = graphene.Boolean(
        description="Whether the product is available for purchase."
    )
    pricing = graphene.Field(
        ProductPricingInfo,
        address=AddressInput(
            description="Destination address used to find warehouses where stock "
            "availability for this product is checked."
        ),
        description="Lists the storefront product's pricing, the current price and "
        "discounts, only meant for displaying.",
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents product channel listing."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.ProductChannelListing)

    @staticmethod
    def resolve_publication_date(root, info):
        return root.published_at and root.published_at.date()

    @staticmethod
    def resolve_available_for_purchase(root, info):
        at = root.available_for_purchase_at
        return at and at.date()

    @staticmethod
    def resolve_discounted_price(root, info):
        return root.discounted_price

    @staticmethod
    def resolve_is_available_for_purchase(root, info):
        return product_is_available_for_purchase(root)

    @staticmethod
    def resolve_pricing(root, info, address=None):
        loader = loaders.ProductPricingByProductIdLoader(info, root.channel.slug)
        return loader.load_for(root, lambda r: r.product_id)

    @staticmethod
    def _variant_listings(root, info):
        require_manage_products(info)
        loader = loaders.VariantListingsByProductIdLoader(info, root.channel.slug)
        return loader.load_for(root, lambda r: r.product_id)

    @staticmethod
    def resolve_purchase_cost(root, info):
        costs = [
            listing.cost_price
            for listing in ProductChannelListing._variant_listings(root, info)
            if listing.cost_price_amount is not None
        ]
        if not costs:
            return None
        costs.sort(key=lambda money: money.amount)
        return PricesMoneyRange(costs[0], costs[-1])

    @staticmethod
    def resolve_margin(root, info):
        margins = [
            variant_margin(listing)
            for listing in ProductChannelListing._variant_listings(root, info)
        ]
        margins = sorted(margin for margin in margins if margin is not None)
        if not margins:
            return None
        return Margin(start=margins[0], stop=margins[-1])
