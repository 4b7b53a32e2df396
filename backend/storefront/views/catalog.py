"""Home, category, collection and search pages."""

from django.conf import settings
from django.shortcuts import get_object_or_404, render

from backend.page.selectors import articles_published
from backend.page.selectors.search import site_search
from backend.product.models import Category
from backend.product.selectors import (
    SEARCH_DEFAULT_SORT,
    SEARCH_SORTS,
    collections_published,
    products_for_listing,
)
from backend.warehouse.selectors import catalog_rows

from ..forms import SearchForm
from ..seo import PageMeta, absolute_url
from .listing import listing_context

HOME_FEATURED_COUNT = 8
HOME_ARTICLES_COUNT = 3


def home(request):
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
    return render(
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
    return render(request, "catalog/category.html", context)


def collection(request, slug):
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
    return render(request, "catalog/collection.html", context)


def search(request):
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
                queryset=found.products,
                sorts=SEARCH_SORTS,
                default_sort=SEARCH_DEFAULT_SORT,
            )
        )
    context["meta"] = PageMeta(
        title=f"Search: {text} | Lumbar" if text else "Search | Lumbar",
        canonical_url=absolute_url(request.path),
        noindex=True,
    )
    return render(request, "catalog/search.html", context)


def _featured_collection(channel_slug: str):
    published = collections_published(channel_slug=channel_slug)
    slug = settings.FEATURED_COLLECTION_SLUG
    return published.filter(slug=slug).first() or published.order_by("pk").first()
