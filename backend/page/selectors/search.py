"""One search over the store: the articles and the products a text finds.

Both sides rank with PostgreSQL full-text search over their stored vectors.
When neither finds anything, each word the store does not use is replaced
by its closest word the store does use (pg_trgm), and the search runs
again; the corrected text is offered as "did you mean".
"""

from dataclasses import dataclass

from django.db import router
from django.db.models import Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone

from backend.core import cache_versions
from backend.core.compiled_sql import compiled_rows
from backend.core.search import (
    search_query,
    search_rank,
    search_terms,
    search_tiers,
    terms_corrected,
)
from backend.product.search import products_search, products_search_best
from backend.product.selectors import products_for_listing

from ..models import Article, Page
from ..services.article_page_type import ARTICLE_PAGE_TYPE_SLUG
from .articles import articles_published

# Articles shown above the products; the index lists the rest.
ARTICLE_RESULTS_LIMIT = 4
# The matching articles ranked to choose them (articles_search).
ARTICLE_CANDIDATES = 40
# The fields components/article_card.html reads.
ARTICLE_CARD_FIELDS = (
    "slug",
    "title",
    "published_at",
    "article__hero_image_alt",
    "article__summary",
    "article__reviewed_on",
)


@dataclass(frozen=True)
class SiteSearch:
    """What one search text found, ready for a results page."""

    text: str
    # The words searched: the text's own, or their correction.
    terms: list[str]
    # The corrected text when the results are for a correction.
    suggestion: str | None
    articles: list[Page]
    # Ranked products (``search_rank``), not yet filtered, sorted or paged.
    products: QuerySet
    # The products listed in the channel, unsearched: a results page
    # narrows them as the shopper chose, then takes ``best_products``.
    listed: QuerySet

    def best_products(self, listed: QuerySet) -> QuerySet:
        """Return the best matches among the (narrowed) listed products, ranked."""
        return products_search_best(listed, text=self.text, terms=self.terms)


def articles_search(*, terms: list[str], limit: int = ARTICLE_RESULTS_LIMIT):
    """Return the published articles matching every term, best first (1 query).

    Only ARTICLE_CANDIDATES of the matches are ranked: those whose title
    holds every word, then the last word, then the rest, newest first
    within each (core.search.search_tiers), so a word every guide mentions
    does not rank every guide. The SQL is compiled once per process for
    each number of words: Django took twice as long to build its tiers'
    union as PostgreSQL to answer it.
    """
    if not terms:
        return []
    # What the results show; said here, as the queryset's selector says it
    # only when the SQL is first compiled.
    cache_versions.depends_on(cache_versions.ARTICLES)
    rows = compiled_rows(
        model=Page,
        key=("articles-search", len(terms), limit),
        build=lambda now, *words: _articles_search_query(
            terms=list(words), limit=limit, now=now
        ),
        now=timezone.now(),
        words=tuple(terms),
    )
    using = router.db_for_read(Page)
    pages = []
    for values in rows:
        page = Page.from_db(using, _CARD_PAGE_FIELDS, values[: len(_CARD_PAGE_FIELDS)])
        page.article = Article.from_db(
            using, _CARD_ARTICLE_FIELDS, values[len(_CARD_PAGE_FIELDS) :]
        )
        pages.append(page)
    return pages


# What an article card shows, in each model's field order (Model.from_db
# reads a row of some fields so): the body (about 20 kB an article in
# Markdown and HTML) and the vectors stay in the database.
_CARD_PAGE_FIELDS = tuple(
    field.attname
    for field in Page._meta.concrete_fields
    if field.attname in {"id", *ARTICLE_CARD_FIELDS}
)
_CARD_ARTICLE_FIELDS = tuple(
    field.attname
    for field in Article._meta.concrete_fields
    if field.attname
    in {
        "page_id",
        *(name.removeprefix("article__") for name in ARTICLE_CARD_FIELDS),
    }
)


def _articles_search_query(*, terms: list[str], limit: int, now) -> QuerySet:
    candidate_count = max(ARTICLE_CANDIDATES, limit)
    tiers = search_tiers(
        Page.objects.published(now=now)
        .filter(page_type__slug=ARTICLE_PAGE_TYPE_SLUG, article__isnull=False)
        .values("pk"),
        terms=terms,
        vector="title_vector",
        matches=Q(search_vector=search_query(terms)),
    )
    first, *others = (
        tier.order_by("-published_at", "slug")[:candidate_count] for tier in tiers
    )
    candidates = first.union(*others, all=True)[:candidate_count]
    return (
        Page.objects.filter(pk__in=candidates)
        .annotate(search_rank=search_rank(terms))
        .order_by("-search_rank", "-published_at", "slug")
        .values_list(
            *_CARD_PAGE_FIELDS,
            *(f"article__{name}" for name in _CARD_ARTICLE_FIELDS),
        )[:limit]
    )


def site_search(*, text: str, channel_slug: str) -> SiteSearch:
    """Return the articles and products the text finds, correcting typos.

    Two queries when the text finds something, five when it needs a
    correction; the products' page is read by the caller.
    """
    listed = products_for_listing(channel_slug=channel_slug)
    terms = search_terms(text)
    found = _search(text=text, terms=terms, listed=listed)
    if not terms or found.articles or found.products.exists():
        return found
    corrected = terms_corrected(terms=terms, vocabularies=_vocabularies(listed=listed))
    if corrected == terms:
        return found
    retry = _search(text=text, terms=corrected, listed=listed)
    if retry.articles or retry.products.exists():
        return SiteSearch(
            text=text,
            terms=corrected,
            suggestion=" ".join(corrected),
            articles=retry.articles,
            products=retry.products,
            listed=listed,
        )
    return found


def _search(*, text: str, terms: list[str], listed: QuerySet) -> SiteSearch:
    return SiteSearch(
        text=text,
        terms=terms,
        suggestion=None,
        articles=articles_search(terms=terms),
        products=(
            products_search(listed, text=text, terms=terms) if terms else listed.none()
        ),
        listed=listed,
    )


def _vocabularies(*, listed: QuerySet) -> list[QuerySet]:
    """Return the texts whose words a correction may suggest.

    What a shopper can see: listed products' names, categories and
    descriptions; published articles' titles and summaries.
    """
    cache_versions.depends_on(cache_versions.PRODUCTS_TEXT)
    space = Value(" ")
    products = listed.order_by().annotate(
        search_text=Concat(
            "name",
            space,
            Coalesce("category__name", Value("")),
            space,
            "description_plaintext",
            output_field=TextField(),
        )
    )
    articles = (
        articles_published()
        .order_by()
        .annotate(
            search_text=Concat(
                "title", space, "article__summary", output_field=TextField()
            )
        )
    )
    return [products.values("search_text"), articles.values("search_text")]
