"""Page reads for the storefront, the API and the admin; no HTTP here."""

from .articles import (
    SeriesNavigation,
    article_series,
    articles_published,
    pages_featuring_products,
)
from .comments import COMMENTS_SHOWN_LIMIT, comments_approved
from .shop_blocks import (
    END_BLOCK_LIMIT,
    RULE_DEFAULT_LIMIT,
    ArticleShopBlocks,
    ShopBlock,
    ShopBlockItem,
    ShopRule,
    article_shop_blocks,
    shop_block_products,
)

__all__ = [
    "COMMENTS_SHOWN_LIMIT",
    "END_BLOCK_LIMIT",
    "RULE_DEFAULT_LIMIT",
    "ArticleShopBlocks",
    "SeriesNavigation",
    "ShopBlock",
    "ShopBlockItem",
    "ShopRule",
    "article_series",
    "article_shop_blocks",
    "articles_published",
    "comments_approved",
    "pages_featuring_products",
    "shop_block_products",
]
