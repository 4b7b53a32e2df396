"""Lumbar's PageShopBlock: an article's shop blocks as the API serves them."""

from dataclasses import dataclass

import graphene

from backend.page.selectors import ShopBlock

from ..core.channel import ChannelContext, node_of
from ..product.types import Product
from . import dataloaders as loaders


class PageShopBlockKind(graphene.Enum):
    CURATED = "curated"
    RULE = "rule"
    END = "end"

    class Meta:
        description = (
            "Where a shop block's products come from: a curated list, a rule, "
            "or the block at the end of the article."
        )


class PageShopBlockStockState(graphene.Enum):
    IN_STOCK = "in-stock"
    LOW_STOCK = "low-stock"
    OUT_OF_STOCK = "out-of-stock"

    class Meta:
        description = "How much of a shop block's product a shopper can buy."


@dataclass(frozen=True)
class ShopBlockProduct:
    product: ChannelContext
    is_available: bool
    stock_state: str
    delivery_line: str | None


@dataclass(frozen=True)
class ShopBlockResult:
    title: str | None
    kind: str
    products: list[ShopBlockProduct]


class PageShopBlockProduct(graphene.ObjectType):
    product = graphene.Field(
        Product,
        required=True,
        description="The product, read in the block's channel.",
    )
    is_available = graphene.Boolean(
        required=True, description="Whether a shopper can buy the product now."
    )
    stock_state = graphene.Field(
        PageShopBlockStockState, required=True, description="Stock state."
    )
    delivery_line = graphene.String(
        description="The delivery promise line; null when out of stock."
    )

    class Meta:
        description = "A product a shop block shows."


class PageShopBlock(graphene.ObjectType):
    title = graphene.String(description="The block's heading, when it has one.")
    kind = graphene.Field(PageShopBlockKind, required=True)
    products = graphene.List(
        graphene.NonNull(PageShopBlockProduct),
        required=True,
        description="The products in display order.",
    )

    class Meta:
        description = (
            "A shop block of an article: products with price, stock and delivery."
        )


def _kind(block: ShopBlock) -> str:
    if block.index is None:
        return PageShopBlockKind.END.value
    if block.source in {"products", "featured"}:
        return PageShopBlockKind.CURATED.value
    return PageShopBlockKind.RULE.value


def _stock_state(stock) -> str:
    if not stock.in_stock:
        return PageShopBlockStockState.OUT_OF_STOCK.value
    if stock.is_low:
        return PageShopBlockStockState.LOW_STOCK.value
    return PageShopBlockStockState.IN_STOCK.value


def page_shop_blocks(info, root, channel_slug: str) -> list[ShopBlockResult]:
    """Return the article's blocks in body order and its end block.

    ``root`` is the Page root (bare or in a channel); the blocks of all its
    siblings load together. A page that is not an article has none.
    """
    blocks, products = loaders.ShopBlocksByPageLoader(info, channel_slug).load_for(
        root, node_of
    )
    if blocks is None:
        return []
    ordered = [blocks.inline[index] for index in sorted(blocks.inline)]
    return [
        ShopBlockResult(
            title=block.title,
            kind=_kind(block),
            products=[
                ShopBlockProduct(
                    product=products[item.product.id],
                    is_available=item.stock.in_stock,
                    stock_state=_stock_state(item.stock),
                    delivery_line=item.delivery_line,
                )
                for item in block.items
                if item.product.id in products
            ],
        )
        for block in (*ordered, blocks.end)
    ]
