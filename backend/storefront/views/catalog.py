"""Home, category, collection and search pages."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string

from backend.page.selectors import articles_published
from backend.page.selectors.search import site_search
from backend.product import search as product_search
from backend.product.models import Category
from backend.product.selectors import (
    SEARCH_DEFAULT_SORT,
    SEARCH_SORTS,
    collections_published,
    products_for_listing,
)
from backend.warehouse.selectors import catalog_rows

from ..forms import SearchForm
from ..page_cache import (
    CachedPage,
    cached_page_response,
    known_query,
    query_parts,
    shared_context,
)
from ..seo import PageMeta, absolute_url
from .listing import LISTING_PARAMETERS, listing_context

HOME_FEATURED_COUNT = 8
HOME_ARTICLES_COUNT = 3
# What the search page reads from its query string.
SEARCH_PARAMETERS = ("q", *LISTING_PARAMETERS)

# Every page here is cached whole (backend.storefront.page_cache), keyed by
# what *_page_parts() return: the fast path computes the same parts before
# any middleware that reads the session.


def home_page_parts(request) -> tuple[str, ...]:
    return ()


def category_page_parts(request, slug) -> tuple[str, ...]:
    return (slug, *query_parts(request.GET, LISTING_PARAMETERS))


def collection_page_parts(request, slug) -> tuple[str, ...]:
    return (slug, *query_parts(request.GET, LISTING_PARAMETERS))


def search_page_parts(request) -> tuple[str, ...]:
    return query_parts(request.GET, SEARCH_PARAMETERS)


def _render(request, template: str, context: dict) -> CachedPage:
    return CachedPage.rendered(
        html=render_to_string(
            template, {**context, **shared_context()}, request=request
        )
    )


def home(request):
    return cached_page_response(
        request, "home", home_page_parts(request), lambda: _home_page(request)
    )


def _home_page(request) -> CachedPage:
    channel_slug = settings.DEFAULT_CHANNEL_SLUG
    featured = _featured_collection(channel_slug)
    rows = []
    if featured is not None:
        products = products_for_listing(
            channel_slug=channel_slug, collection=featured
        ).order_by("collectionproduct__sort_order", "name", "pk")
        rows = catalog_rows(
            products=list(products[:HOME_FEATURED_COUNT]), channel_slug=channel_slug
        )
    return _render(
        request,
        "catalog/home.html",
        {
            "featured": featured,
            "rows": rows,
            "articles": list(articles_published()[:HOME_ARTICLES_COUNT]),
            "categories": Category.objects.filter(level=0).order_by("name"),
            "meta": PageMeta(
                title="Lumbar: relief for sciatica and low back pain",
                canonical_url=absolute_url("/"),
            ),
        },
    )


def category(request, slug):
    parts = category_page_parts(request, slug)
    request.GET = known_query(request.GET, LISTING_PARAMETERS)
    return cached_page_response(
        request, "category", parts, lambda: _category_page(request, slug)
    )


def _category_page(request, slug) -> CachedPage:
    category = get_object_or_404(Category, slug=slug)
    queryset = products_for_listing(
        channel_slug=settings.DEFAULT_CHANNEL_SLUG, category=category
    )
    context = listing_context(request, queryset=queryset)
    context.update(
        category=category,
        ancestors=list(category.get_ancestors()),
        subcategories=list(category.get_children().order_by("name")),
        meta=PageMeta(
            title=category.seo_title or f"{category.name} | Lumbar",
            description=category.seo_description or category.description_plaintext,
            canonical_url=context["canonical_url"],
        ),
    )
    return _render(request, "catalog/category.html", context)


def collection(request, slug):
    parts = collection_page_parts(request, slug)
    request.GET = known_query(request.GET, LISTING_PARAMETERS)
    return cached_page_response(
        request, "collection", parts, lambda: _collection_page(request, slug)
    )


def _collection_page(request, slug) -> CachedPage:
    channel_slug = settings.DEFAULT_CHANNEL_SLUG
    collection = get_object_or_404(
        collections_published(channel_slug=channel_slug), slug=slug
    )
    queryset = products_for_listing(channel_slug=channel_slug, collection=collection)
    context = listing_context(request, queryset=queryset)
    context.update(
        collection=collection,
        meta=PageMeta(
            title=collection.seo_title or f"{collection.name} | Lumbar",
            description=collection.seo_description or "",
            canonical_url=context["canonical_url"],
        ),
    )
    return _render(request, "catalog/collection.html", context)


def search(request):
    parts = search_page_parts(request)
    request.GET = known_query(request.GET, SEARCH_PARAMETERS)
    return cached_page_response(request, "search", parts, lambda: _search_page(request))


def _search_page(request) -> CachedPage:
    search_form = SearchForm(request.GET)
    text = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    context = {"search_form": search_form, "text": text}
    if text:
        found = site_search(text=text, channel_slug=settings.DEFAULT_CHANNEL_SLUG)
        context["found"] = found
        # Without filters, no match needs no filter panel, only the words.
        context["filtered"] = bool(set(request.GET) - {"q"})
        context.update(
            listing_context(
                request,
                queryset=found.listed,
                sorts=SEARCH_SORTS,
                default_sort=SEARCH_DEFAULT_SORT,
                narrow=found.best_products,
            )
        )
        # Only the best matches are ranked and shown; say so when they
        # may not be all (product.search.products_search_best).
        context["best_matches_only"] = (
            context["catalog"].page.paginator.count
            >= product_search.SEARCH_BEST_MATCHES
        )
    context["meta"] = PageMeta(
        title=f"Search: {text} | Lumbar" if text else "Search | Lumbar",
        canonical_url=absolute_url(request.path),
        noindex=True,
    )
    return _render(request, "catalog/search.html", context)


def _featured_collection(channel_slug: str):
    published = collections_published(channel_slug=channel_slug)
    slug = settings.FEATURED_COLLECTION_SLUG
    return published.filter(slug=slug).first() or published.order_by("pk").first()
