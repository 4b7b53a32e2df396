"""Page writes: the Article page type and the content sync."""

from .page_type import (
    ARTICLE_PAGE_TYPE_SLUG,
    CONDITIONS_SLUG,
    FEATURED_PRODUCTS_SLUG,
    THERAPY_SLUG,
    article_page_type_ensure,
)
from .sync import ArticleChange, ContentSyncReport, content_catalog, content_sync
from .tagging import page_tag_products

__all__ = [
    "ARTICLE_PAGE_TYPE_SLUG",
    "CONDITIONS_SLUG",
    "FEATURED_PRODUCTS_SLUG",
    "THERAPY_SLUG",
    "ArticleChange",
    "ContentSyncReport",
    "article_page_type_ensure",
    "content_catalog",
    "content_sync",
    "page_tag_products",
]
