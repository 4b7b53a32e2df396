"""Keep each page's stored search vector true to its title and article.

Stored, not an expression index, because the summary and body live on the
Article row; the content sync and the page services call
``page_search_vector_update`` in their transaction.
"""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db.models import OuterRef, Subquery

from backend.core.search import PREFIX_CONFIG, SEARCH_CONFIG

from ..models import Article, Page


def _vector():
    article = Article.objects.filter(page_id=OuterRef("pk"))
    # The parser reads HTML tags as "tag" tokens, which the English
    # configuration drops: only the text a reader sees is indexed.
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("title", weight="D", config=PREFIX_CONFIG)
        + SearchVector(
            Subquery(article.values("summary")[:1]), weight="B", config=SEARCH_CONFIG
        )
        + SearchVector(
            Subquery(article.values("body_html")[:1]),
            weight="C",
            config=SEARCH_CONFIG,
        )
    )


def page_search_vector_update(*, page_ids: Iterable[int]) -> int:
    """Rewrite the search vector of the pages; return how many changed.

    Title weighs A, the article's summary B and its body C; the title's
    unstemmed words D (core.search.PREFIX_CONFIG). One UPDATE.
    """
    return Page.objects.filter(pk__in=list(page_ids)).update(search_vector=_vector())


def pages_search_vector_rebuild() -> int:
    """Rewrite every page's search vector (after a migration or a bulk load)."""
    return Page.objects.update(search_vector=_vector())
