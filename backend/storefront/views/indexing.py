"""sitemap.xml (an index of paged sitemaps) and robots.txt."""

import datetime
from xml.sax.saxutils import escape

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from backend.core.counts import ESTIMATE_ABOVE, table_count
from backend.page.selectors import articles_published
from backend.product.models import Category, Product
from backend.product.selectors import collections_published

# A sitemap may list 50,000 addresses; pages of 2,000 keep every file a short
# read of an index and a small answer, however large the catalog grows.
SITEMAP_PAGE_SIZE = 2_000
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# The pages that are not entities: the one file of the "site" section.
SITE_SECTION = "site"


def _sections(channel_slug: str) -> dict:
    """Return each paged section: its page's URL name, rows and lastmod field."""
    return {
        "products": (
            "storefront:product",
            Product.objects.published(channel_slug).order_by("slug"),
            "updated_at",
        ),
        "categories": (
            "storefront:category",
            Category.objects.order_by("slug"),
            "updated_at",
        ),
        "collections": (
            "storefront:collection",
            collections_published(channel_slug=channel_slug).order_by("slug"),
            None,
        ),
        "articles": (
            "storefront:article",
            articles_published().order_by("slug"),
            "article__reviewed_on",
        ),
    }


def _pages(rows) -> int:
    """Return how many sitemap pages a section takes.

    Past ESTIMATE_ABOVE rows its table's estimated size stands in for the
    count, with a tenth more for the rows added since the last ANALYZE: the
    trailing pages of a large section may be short or empty.
    """
    count = table_count(rows)
    if count >= ESTIMATE_ABOVE:
        count += count // 10
    return -(-count // SITEMAP_PAGE_SIZE)


def _xml(root: str, entries: list[str]) -> HttpResponse:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{root} xmlns="{SITEMAP_NS}">\n{"".join(entries)}</{root}>\n'
    )
    return HttpResponse(body, content_type="application/xml")


def _url(location: str, lastmod=None) -> str:
    if isinstance(lastmod, datetime.datetime):
        lastmod = timezone.localdate(lastmod)
    modified = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
    return f"  <url><loc>{escape(location)}</loc>{modified}</url>\n"


@require_safe
def sitemap(request):
    """List the sitemap files: the site's pages, then each section by pages."""
    base = settings.PUBLIC_URL
    files = [reverse("sitemap_section", args=[SITE_SECTION, 1])]
    for name, (_, rows, _) in _sections(settings.DEFAULT_CHANNEL_SLUG).items():
        pages = _pages(rows)
        files += [
            reverse("sitemap_section", args=[name, page])
            for page in range(1, pages + 1)
        ]
    return _xml(
        "sitemapindex",
        [f"  <sitemap><loc>{escape(base + path)}</loc></sitemap>\n" for path in files],
    )


@require_safe
def sitemap_section(request, section: str, page: int):
    """One page of a section's addresses, in slug order."""
    base = settings.PUBLIC_URL
    if section == SITE_SECTION and page == 1:
        paths = [reverse("storefront:home"), reverse("storefront:article_index")]
        return _xml("urlset", [_url(base + path) for path in paths])
    found = _sections(settings.DEFAULT_CHANNEL_SLUG).get(section)
    if found is None or not 1 <= page <= max(_pages(found[1]), 1):
        raise Http404("No such sitemap.")
    url_name, rows, lastmod = found
    start = (page - 1) * SITEMAP_PAGE_SIZE
    fields = ["slug", lastmod] if lastmod else ["slug"]
    page_rows = list(rows.values_list(*fields)[start : start + SITEMAP_PAGE_SIZE])
    # One reverse() for the page, the slug put in its place for every row.
    prefix, suffix = reverse(url_name, args=["-slug-"]).split("-slug-")
    return _xml(
        "urlset",
        [
            _url(f"{base}{prefix}{row[0]}{suffix}", row[1] if lastmod else None)
            for row in page_rows
        ],
    )


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
