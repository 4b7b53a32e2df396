"""What an article page shows, made ready for its template.

The body is split around its shop block placeholders, every product link
carries the article and block it was clicked in (attribution), and the
red-flags callout is found so the page can also show it at the top.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from backend.page.content.sanitize import html_sanitize
from backend.page.content.shop_html import body_html_parts
from backend.page.models import Page
from backend.page.selectors import ArticleShopBlocks, ShopBlock, ShopBlockItem

from .links import url_of
from .seo import absolute_url

# The renderer writes the callout as this element; it never nests another.
RED_FLAGS_RE = re.compile(r'<aside class="red-flags"[^>]*>(.*?)</aside>', re.S)
RED_FLAGS_ID = "red-flags"
# The attribution "block" parameter of the block at the end of the article.
END_BLOCK_NUMBER = "end"
INLINE_BLOCK_TITLE = "Shop related products"


@dataclass(frozen=True)
class ShopLink:
    """A block's product and the attributed address its links go to."""

    item: ShopBlockItem
    url: str
    # The article the block is in, for add-to-cart attribution.
    article_slug: str = ""


@dataclass(frozen=True)
class ShownBlock:
    title: str
    number: str
    links: list[ShopLink]


@dataclass(frozen=True)
class BodyPart:
    """A run of body HTML, or the shop block that stands in its place."""

    html: SafeString | None = None
    block: ShownBlock | None = None


@dataclass(frozen=True)
class ArticleBody:
    parts: list[BodyPart]
    # The callout's inner HTML, for the notice at the top of the page.
    red_flags_html: SafeString | None


def product_link(*, product_slug: str, article_slug: str, number: str) -> str:
    """Return the address that records the click, then shows the product."""
    url = url_of("storefront:shop_block_click", article_slug, product_slug)
    return f"{url}?{urlencode({'block': number})}"


def shown_block(*, block: ShopBlock, article_slug: str, number: str) -> ShownBlock:
    """Return the block with its title and attributed product links."""
    return ShownBlock(
        title=block.title or INLINE_BLOCK_TITLE,
        number=number,
        links=[
            ShopLink(
                item=item,
                url=product_link(
                    product_slug=item.product.slug,
                    article_slug=article_slug,
                    number=number,
                ),
                article_slug=article_slug,
            )
            for item in block.items
        ],
    )


def article_body(
    *, body_html: str, article_slug: str, blocks: ArticleShopBlocks
) -> ArticleBody:
    """Return the body's parts with its shop blocks resolved, and its red flags."""
    # Sync stored it sanitised; cleaning again (fast, nh3) keeps a body
    # edited in the database from ever reaching a shopper unclean.
    body_html = html_sanitize(body_html)
    match = RED_FLAGS_RE.search(body_html)
    if match:
        body_html = (
            body_html[: match.start()]
            + f'<aside class="red-flags" role="note" id="{RED_FLAGS_ID}">'
            + body_html[match.start() + match.group(0).index(">") + 1 :]
        )
    parts = []
    for part in body_html_parts(body_html):
        if isinstance(part, str):
            parts.append(BodyPart(html=mark_safe(part)))
        elif part in blocks.inline:
            parts.append(
                BodyPart(
                    block=shown_block(
                        block=blocks.inline[part],
                        article_slug=article_slug,
                        number=str(part),
                    )
                )
            )
    return ArticleBody(
        parts=parts,
        red_flags_html=mark_safe(match.group(1).strip()) if match else None,
    )


def article_hero_url(page: Page) -> str:
    return reverse("storefront:article_hero", args=[page.slug])


def article_structured_data(*, page: Page, url: str) -> dict:
    """Return the schema.org Article of the page."""
    article = page.article
    published = page.published_at or page.created_at
    modified = max(published.date(), article.reviewed_on)
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": url,
        "image": [absolute_url(article_hero_url(page))],
        "datePublished": published.isoformat(),
        "dateModified": modified.isoformat(),
        "author": {"@type": "Person", "name": article.author_name},
        "publisher": {
            "@type": "Organization",
            "name": "Lumbar",
            "url": settings.PUBLIC_URL,
        },
        "wordCount": article.word_count,
    }
