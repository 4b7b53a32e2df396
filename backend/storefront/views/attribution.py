"""A shop block link: record the click, then go to the product page."""

import re

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET

from backend.page.selectors import articles_published
from backend.page.services.attribution import shop_block_click_record
from backend.product.models import Product

# Crawlers follow the links too; their visits are not readers' clicks.
BOT_USER_AGENT_RE = re.compile(r"bot|crawl|spider|slurp|preview", re.I)


@require_GET
def shop_block_click(request, slug, product_slug):
    page = articles_published().filter(slug=slug).first()
    product = (
        Product.objects.published(settings.DEFAULT_CHANNEL_SLUG)
        .filter(slug=product_slug)
        .first()
    )
    if page is None or product is None:
        raise Http404("No such article or product.")
    if not BOT_USER_AGENT_RE.search(request.headers.get("User-Agent", "")):
        shop_block_click_record(
            page=page,
            product=product,
            block=request.GET.get("block"),
            session=request.session,
        )
    response = redirect(reverse("storefront:product", args=[product.slug]))
    response["X-Robots-Tag"] = "noindex"
    return response
