"""sitemap.xml and robots.txt."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from backend.page.selectors import articles_published
from backend.product.models import Category, Product
from backend.product.selectors import collections_published


@require_safe
def sitemap(request):
    channel_slug = settings.DEFAULT_CHANNEL_SLUG
    context = {
        "products": Product.objects.published(channel_slug)
        .order_by("slug")
        .values("slug", "updated_at"),
        "categories": Category.objects.order_by("slug").values("slug", "updated_at"),
        "collections": collections_published(channel_slug=channel_slug)
        .order_by("slug")
        .values("slug"),
        "articles": articles_published()
        .order_by("slug")
        .values("slug", "article__reviewed_on"),
    }
    return render(request, "seo/sitemap.xml", context, content_type="application/xml")


@require_safe
def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /graphql/",
        "Disallow: /search/",
        f"Sitemap: {settings.PUBLIC_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
