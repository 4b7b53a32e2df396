"""Product search shared by the storefront search page and the API.

PostgreSQL full-text search over the stored, GIN-indexed search vector
(services.search writes it: name A, category B, description and attribute
values C). Every word must match, the last one as a prefix; a SKU-like
text also matches SKUs as typed, hyphens and all. Ranked by ``ts_rank``
with core.search.RANK_WEIGHTS: a word in the name counts ten times one in
the description.
"""

import re

from django.db.models import (
    Case,
    Exists,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from backend.core import cache_versions
from backend.core.search import (
    search_query,
    search_rank,
    search_terms,
    search_tiers,
)

from .models import ProductVariant

# What a SKU is made of (letters, digits, "-", "_", ".", "/"), up to the
# longest SKU the model holds.
SKU_RE = re.compile(r"[\w./-]{1,255}")
# Above any word match: whoever types a SKU wants that product.
SKU_MATCH_RANK = 10.0
# A search page ranks at most this many of its matches (five pages of 24):
# each costs a read of its vector and its listing (products_search_best).
SEARCH_BEST_MATCHES = 120


def _looks_like_sku(text: str) -> bool:
    # "LMB-TENS-PE-2CH", "tens-2ch": one token of SKU characters with a
    # digit or a hyphen. A plain word ("pad") must not match every SKU
    # containing it.
    return bool(SKU_RE.fullmatch(text)) and any(
        character.isdigit() or character == "-" for character in text
    )


def products_search(
    queryset: QuerySet, *, text: str | None, terms: list[str] | None = None
) -> QuerySet:
    """Return the products matching the text, annotated with ``search_rank``.

    Blank text returns the queryset unchanged; text without a single letter
    or digit matches nothing. ``terms`` overrides the words of the text (a
    corrected spelling) while a SKU still matches the text as typed.
    """
    # What it finds changes with any product's text.
    cache_versions.depends_on(cache_versions.PRODUCTS_TEXT)
    text = (text or "").strip()
    if not text:
        return queryset
    terms = search_terms(text) if terms is None else terms
    if not terms:
        return queryset.none()
    return queryset.filter(_matches(text=text, terms=terms)).annotate(
        search_rank=_rank(text=text, terms=terms)
    )


def products_search_best(
    queryset: QuerySet,
    *,
    text: str,
    terms: list[str],
    limit: int | None = None,
) -> QuerySet:
    """Return at most ``limit`` (SEARCH_BEST_MATCHES) of the matches, ranked.

    ``queryset`` holds the products to search, narrowed as the shopper
    chose (a listing and its filters). Ranking every match reads every
    match's vector: 29,000 of them for "sciatica" in a store of 50,000
    products. So the candidates come in tiers (core.search.search_tiers),
    each stopped at ``limit``: a SKU typed as such, then the products whose
    name holds every word, then those whose name holds the last word (the
    head of the phrase), then the other matches; newest first within a
    tier. Only the candidates are ranked (``search_rank``); a tier is read
    only when the ones before it hold fewer than ``limit`` products. One
    query.
    """
    cache_versions.depends_on(cache_versions.PRODUCTS_TEXT)
    if not terms:
        return queryset.none()
    limit = limit or SEARCH_BEST_MATCHES
    candidates = queryset.order_by().values("pk")
    tiers = search_tiers(
        candidates,
        terms=terms,
        vector="name_vector",
        matches=_matches(text=text, terms=terms),
    )
    sku_match = _sku_match(text)
    if sku_match is not None:
        tiers.insert(0, candidates.filter(sku_match))
    first, *others = (tier.order_by("-pk")[:limit] for tier in tiers)
    # Read once, here: the page's count and rows then read the list
    # instead of planning and running the tiers twice.
    best = list(first.union(*others, all=True).values_list("pk", flat=True)[:limit])
    return (
        queryset.model.objects.filter(pk__in=best)
        .annotate(search_rank=_rank(text=text, terms=terms))
        .order_by()
    )


def _matches(*, text: str, terms: list[str]) -> Q:
    matches = Q(search_vector=search_query(terms))
    sku_match = _sku_match(text)
    if sku_match is not None:
        matches |= Q(sku_match)
    return matches


def _sku_match(text: str) -> Exists | None:
    if not _looks_like_sku(text):
        return None
    return Exists(
        ProductVariant.objects.filter(product_id=OuterRef("pk"), sku__icontains=text)
    )


def _rank(*, text: str, terms: list[str]):
    rank = search_rank(terms)
    sku_match = _sku_match(text)
    if sku_match is None:
        return rank
    return Greatest(
        Coalesce(rank, Value(0.0)),
        Case(
            When(sku_match, then=Value(SKU_MATCH_RANK)),
            default=Value(0.0),
            output_field=FloatField(),
        ),
    )
