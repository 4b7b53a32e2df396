"""How the catalog admin shows money and images."""

from decimal import Decimal

from babel.numbers import get_currency_precision
from django.utils.html import format_html
from prices import Money

from backend.product.thumbnails import thumbnail_url

PREVIEW_SIZE = 128


def money_display(amount: Decimal | None, currency: str | None) -> str:
    """Return an amount with its currency code, or a dash without one."""
    if amount is None or not currency:
        return "-"
    money = Money(amount, currency)
    places = get_currency_precision(money.currency)
    return f"{money.amount:,.{places}f} {money.currency}"


def image_preview(media, *, size: int = PREVIEW_SIZE) -> str:
    """Return an <img> of a media's thumbnail, or an empty string."""
    if media is None or not media.pk:
        return ""
    url = thumbnail_url(media=media, size=size, format=None)
    if not url:
        return ""
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" '
        'style="object-fit: contain; background: #f6f6f6">',
        url,
        media.alt or "",
        size,
        size,
    )
