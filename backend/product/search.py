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
from backend.core.search import search_query, search_rank, search_terms

from .models import ProductVariant

# What a SKU is made of (letters, digits, "-", "_", ".", "/"), up to the
# longest SKU the model holds.
SKU_RE = re.compile(r"[\w./-]{1,255}")
# Above any word match: whoever types a SKU wants that product.
SKU_MATCH_RANK = 10.0


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
    matches = Q(search_vector=search_query(terms))
    rank = search_rank(terms)
    if _looks_like_sku(text):
        sku_match = Exists(
            ProductVariant.objects.filter(
                product_id=OuterRef("pk"), sku__icontains=text
            )
        )
        matches |= Q(sku_match)
        rank = Greatest(
            Coalesce(rank, Value(0.0)),
            Case(
                When(sku_match, then=Value(SKU_MATCH_RANK)),
                default=Value(0.0),
                output_field=FloatField(),
            ),
        )
    return queryset.filter(matches).annotate(search_rank=rank)
