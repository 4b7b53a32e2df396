"""An article as the shopper will read it, for its admin change page.

The body comes from the article's file (read only here); each shop block
stands where it will, listing what it shows now — products, prices, stock
and delivery date — and where its products come from: the file's list, the
merchandiser's featured products, a rule, or the article's conditions.
"""

from dataclasses import dataclass

from babel.numbers import format_currency
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from backend.page.content.sanitize import html_sanitize
from backend.page.content.shop_html import body_html_parts
from backend.page.models import Article
from backend.page.selectors import ShopBlock, article_shop_blocks

SOURCE_TEXT = {
    "products": "From the article's file (its ::: shop products list)",
    "featured": "The merchandiser's featured products (edit them below)",
    "rule": "From the article's file (a ::: shop rule: category, tags)",
    "fallback": "Nothing matched, so the article's conditions fill it",
}
END_BLOCK_TITLE = "Shop this article (end of the page)"


def _price(money) -> str:
    if money is None:
        return "No price"
    return format_currency(money.amount, money.currency, locale="en_US")


@dataclass(frozen=True)
class PreviewItem:
    name: str
    price: str
    stock: str
    delivery: str


@dataclass(frozen=True)
class PreviewBlock:
    title: str
    source: str
    items: list[PreviewItem]


@dataclass(frozen=True)
class PreviewPart:
    html: SafeString | None = None
    block: PreviewBlock | None = None


def _block(block: ShopBlock, *, title: str) -> PreviewBlock:
    return PreviewBlock(
        title=block.title or title,
        source=SOURCE_TEXT.get(block.source, block.source),
        items=[
            PreviewItem(
                name=item.product.name,
                price=_price(item.product.price),
                stock=item.stock.label,
                delivery=item.delivery_line or "No delivery date",
            )
            for item in block.items
        ],
    )


def article_preview_html(article: Article) -> SafeString:
    """Render the article's body with its shop blocks, as the admin shows it."""
    page = article.page
    blocks = article_shop_blocks(
        pages=[page], channel_slug=settings.DEFAULT_CHANNEL_SLUG
    )[page.pk]
    parts = []
    for part in body_html_parts(html_sanitize(article.body_html)):
        if isinstance(part, str):
            parts.append(PreviewPart(html=mark_safe(part)))
        elif part in blocks.inline:
            parts.append(
                PreviewPart(block=_block(blocks.inline[part], title="Shop block"))
            )
    return mark_safe(
        render_to_string(
            "admin/page/article_preview.html",
            {
                "article": article,
                "parts": parts,
                "end": _block(blocks.end, title=END_BLOCK_TITLE),
                "blocks": [part.block for part in parts if part.block]
                + [_block(blocks.end, title=END_BLOCK_TITLE)],
            },
        )
    )
