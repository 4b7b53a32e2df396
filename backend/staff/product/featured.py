"""On a product's admin page, the published articles that feature it."""

from django.urls import reverse
from django.utils.html import format_html, format_html_join

from backend.page.selectors import pages_featuring_products
from backend.product.models import Product


def featured_in_articles(product: Product) -> str:
    """Return a list linking each featuring article's admin and live page."""
    pages = pages_featuring_products(product_ids=[product.pk])[product.pk]
    if not pages:
        return "No published article features this product."
    items = format_html_join(
        "",
        '<li><a href="{}">{}</a> · <a href="{}">live article</a></li>',
        (
            (
                reverse("admin:page_page_change", args=[page.pk]),
                page.title,
                reverse("storefront:article", args=[page.slug]),
            )
            for page in pages
        ),
    )
    return format_html('<ul class="featured-in-articles">{}</ul>', items)
