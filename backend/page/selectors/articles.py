"""Article reads: the index, a series' order and the articles featuring products."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from backend.attribute.models import AssignedPageAttributeValue
from backend.core import cache_versions

from ..models import Page
from ..services.article_page_type import (
    ARTICLE_PAGE_TYPE_SLUG,
    CONDITIONS_SLUG,
    FEATURED_PRODUCTS_SLUG,
)


def articles_published(*, condition: str | None = None) -> QuerySet:
    """Return the published articles, newest first, optionally for one condition.

    What is rendered from them depends on the articles listing's version.
    """
    cache_versions.depends_on(cache_versions.ARTICLES)
    queryset = Page.objects.published().filter(
        page_type__slug=ARTICLE_PAGE_TYPE_SLUG, article__isnull=False
    )
    if condition:
        tagged = AssignedPageAttributeValue.objects.filter(
            page_id=OuterRef("pk"),
            value__attribute__slug=CONDITIONS_SLUG,
            value__slug=condition,
        )
        queryset = queryset.filter(Exists(tagged))
    return queryset.select_related("article").order_by("-published_at", "slug")


@dataclass(frozen=True)
class SeriesNavigation:
    pages: list[Page]
    previous: Page | None
    next: Page | None


def article_series(*, page: Page) -> SeriesNavigation:
    """Return the page's published series in order, and its neighbours (1 query)."""
    series_slug = page.article.series_slug
    pages = list(
        articles_published()
        .filter(article__series_slug=series_slug)
        .order_by("article__series_order", "slug")
        # Links to them need only these, not every body of the series.
        .select_related(None)
        .only("id", "slug", "title")
    )
    ids = [item.pk for item in pages]
    if page.pk not in ids:
        return SeriesNavigation(pages=pages, previous=None, next=None)
    position = ids.index(page.pk)
    return SeriesNavigation(
        pages=pages,
        previous=pages[position - 1] if position > 0 else None,
        next=pages[position + 1] if position + 1 < len(pages) else None,
    )


def pages_featuring_products(*, product_ids: list[int]) -> dict[int, list[Page]]:
    """Return, per product id, the published articles that feature it (1 query)."""
    published = articles_published()
    assigned = (
        AssignedPageAttributeValue.objects.filter(
            value__attribute__slug=FEATURED_PRODUCTS_SLUG,
            value__reference_product_id__in=product_ids,
            page__in=published,
        )
        .select_related("page", "value")
        .order_by("page__title", "page_id")
    )
    featuring: dict[int, list[Page]] = defaultdict(list)
    for item in assigned:
        featuring[item.value.reference_product_id].append(item.page)
    return {product_id: featuring.get(product_id, []) for product_id in product_ids}
