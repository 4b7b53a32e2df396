"""Page writes: the Article page type and the content sync."""

from .article_page_type import (
    ARTICLE_PAGE_TYPE_SLUG,
    CONDITIONS_SLUG,
    FEATURED_PRODUCTS_SLUG,
    THERAPY_SLUG,
    article_page_type_ensure,
)
from .comments import (
    RATE_LIMIT_MESSAGE,
    comment_moderate,
    comment_moderators_notify,
    comment_post,
)
from .search import page_search_vector_update, pages_search_vector_rebuild
from .sync import ArticleChange, ContentSyncReport, content_catalog, content_sync
from .tagging import page_tag_products

__all__ = [
    "ARTICLE_PAGE_TYPE_SLUG",
    "CONDITIONS_SLUG",
    "FEATURED_PRODUCTS_SLUG",
    "THERAPY_SLUG",
    "ArticleChange",
    "ContentSyncReport",
    "RATE_LIMIT_MESSAGE",
    "article_page_type_ensure",
    "comment_moderate",
    "comment_moderators_notify",
    "comment_post",
    "content_catalog",
    "content_sync",
    "page_search_vector_update",
    "page_tag_products",
    "pages_search_vector_rebuild",
]
