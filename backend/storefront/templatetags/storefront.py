"""Formatting filters for storefront templates: money, rich text, JSON-LD."""

import json
from functools import lru_cache

from babel.numbers import format_currency
from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import escape, format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe

from .. import links

register = template.Library()


@register.simple_tag
def url_of(name: str, *args) -> str:
    """``{% url %}`` for a route of text arguments, reversed once per process
    (backend.storefront.links): a listing has dozens of product links."""
    return links.url_of(name, *args)


# json_script's escapes: keep "</script>" and friends inert inside a script.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
HEADING_LEVELS = range(2, 7)


@register.filter
def money(value) -> str:
    """Format a prices.Money the way a US shopper reads it: $19.99."""
    if value is None:
        return ""
    return _currency_text(value.amount, value.currency)


# A page shows the same few prices again and again; babel takes ~0.1 ms a
# call. An equal amount (19.99 == 19.990) formats the same in any exponent.
@lru_cache(maxsize=4096)
def _currency_text(amount, currency: str) -> str:
    return format_currency(amount, currency, locale="en_US")


@register.filter
def checkbox_input(option) -> str:
    """Return a checkbox option's <input> exactly as Django's widget renders it.

    A filter form shows dozens of boxes, and Django renders each through
    three nested templates (a tenth of a category page's CPU).
    """
    data = option.data
    value = data["value"]
    attrs = [
        format_html(" {}", name)
        if attr is True
        else format_html(' {}="{}"', name, str(attr))
        for name, attr in data["attrs"].items()
        if attr is not False
    ]
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        data["type"],
        data["name"],
        "" if value is None else format_html(' value="{}"', str(value)),
        mark_safe("".join(attrs)),
    )


@register.filter
def json_ld(data) -> str:
    """Return a <script type="application/ld+json"> holding the data."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def rich_text(description) -> str:
    """Render Editor.js blocks (Saleor's rich text) as escaped, plain HTML."""
    if not isinstance(description, dict):
        return ""
    parts = []
    for block in description.get("blocks") or []:
        kind = block.get("type")
        data = block.get("data") or {}
        if kind == "header":
            level = data.get("level") if data.get("level") in HEADING_LEVELS else 2
            parts.append(f"<h{level}>{_text(data.get('text'))}</h{level}>")
        elif kind == "list":
            tag = "ol" if data.get("style") == "ordered" else "ul"
            items = format_html_join(
                "",
                "<li>{}</li>",
                ((_item_text(item),) for item in data.get("items", [])),
            )
            parts.append(f"<{tag}>{items}</{tag}>")
        elif kind == "quote":
            parts.append(f"<blockquote><p>{_text(data.get('text'))}</p></blockquote>")
        elif data.get("text"):
            parts.append(f"<p>{_text(data.get('text'))}</p>")
    return mark_safe("".join(parts))


def _text(value) -> str:
    return escape(strip_tags(str(value or "")))


def _item_text(item) -> str:
    if isinstance(item, dict):
        item = item.get("content", "")
    return strip_tags(str(item or ""))
