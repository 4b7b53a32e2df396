"""Product search shared by the storefront search page and the API.

Plain ``icontains`` lookups joined through ``EXISTS`` subqueries, so the
query never duplicates a product row.
Every word of the text must match somewhere: the name, the plain-text
description, a variant SKU, or the name of an attribute value assigned to
the product or one of its variants.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from backend.attribute.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
)

from .models import ProductVariant

# Words past this many are ignored: each one adds three subqueries.
MAX_SEARCH_WORDS = 8


def search_words(text: str | None) -> list[str]:
    """Return the distinct words of a search text, lower-cased, capped."""
    words: list[str] = []
    for word in (text or "").lower().split():
        if word not in words:
            words.append(word)
    return words[:MAX_SEARCH_WORDS]


def products_search(queryset: QuerySet, *, text: str | None) -> QuerySet:
    """Return the products of the queryset matching every word of the text.

    Empty or blank text returns the queryset unchanged.
    """
    for word in search_words(text):
        queryset = queryset.filter(_word_matches(word))
    return queryset


def _word_matches(word: str) -> Q:
    variants = ProductVariant.objects.filter(product_id=OuterRef("pk"))
    product_values = AssignedProductAttributeValue.objects.filter(
        product_id=OuterRef("pk")
    ).filter(Q(value__name__icontains=word) | Q(value__plain_text__icontains=word))
    variant_values = AssignedVariantAttributeValue.objects.filter(
        variant__product_id=OuterRef("pk"), value__name__icontains=word
    )
    return (
        Q(name__icontains=word)
        | Q(description_plaintext__icontains=word)
        | Exists(variants.filter(sku__icontains=word))
        | Exists(product_values)
        | Exists(variant_values)
    )
