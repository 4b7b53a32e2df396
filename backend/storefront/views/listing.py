"""The part every listing page shares: read the filter form, fetch a page."""

from collections.abc import Callable

from django.conf import settings
from django.db.models import QuerySet

from backend.product.selectors import (
    CATALOG_DEFAULT_SORT,
    CATALOG_SORTS,
    catalog_filter_choices,
)
from backend.warehouse.selectors import catalog_page

from ..forms import CatalogFilterForm
from ..seo import listing_canonical_url

# The attributes a shopper filters listings by (Saleor attribute slugs).
CATALOG_FILTER_ATTRIBUTES = ("therapy", "conditions")
CATALOG_PAGE_SIZE = 24
# Every query parameter a listing reads (the form's fields and the page):
# a cached listing is keyed and rendered by these alone.
LISTING_PARAMETERS = (
    *CATALOG_FILTER_ATTRIBUTES,
    "price_min",
    "price_max",
    "in_stock",
    "sort",
    "page",
)


def listing_context(
    request,
    *,
    queryset,
    sorts: dict[str, str] = CATALOG_SORTS,
    default_sort: str = CATALOG_DEFAULT_SORT,
    narrow: Callable[[QuerySet], QuerySet] | None = None,
) -> dict:
    """Return the form, the page of rows and the canonical URL of a listing."""
    form = CatalogFilterForm(
        request.GET,
        filter_choices=catalog_filter_choices(
            attribute_slugs=CATALOG_FILTER_ATTRIBUTES
        ),
        sorts=sorts,
        default_sort=default_sort,
    )
    catalog = catalog_page(
        queryset=queryset,
        channel_slug=settings.DEFAULT_CHANNEL_SLUG,
        filters=form.catalog_filters(),
        in_stock_only=form.in_stock_only,
        page_number=request.GET.get("page"),
        page_size=CATALOG_PAGE_SIZE,
        narrow=narrow,
    )
    return {
        "form": form,
        "catalog": catalog,
        "canonical_url": listing_canonical_url(request.path, catalog.page.number),
    }
