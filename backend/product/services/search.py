"""Keep each product's stored search vector true to what it says.

The vector is stored rather than an expression index because its parts
live in other tables (the category's name, attribute values of the
product and its variants), which an index expression cannot read. The
services that change those parts call ``product_search_vector_update`` in
their transaction.
"""

from collections.abc import Iterable

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db.models import F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat

from backend.attribute.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
)
from backend.core.search import PREFIX_CONFIG, SEARCH_CONFIG

from ..models import Category, Product


def _joined(queryset, group_by: str, *fields: str) -> Subquery:
    """Return one product's texts from a related table, space-separated."""
    texts = [StringAgg(name, delimiter=" ", default=Value("")) for name in fields]
    text = texts[0]
    for more in texts[1:]:
        text = Concat(text, Value(" "), more, output_field=TextField())
    return Subquery(
        queryset.order_by().values(group_by).annotate(text=text).values("text")[:1]
    )


def _vector():
    category_name = Subquery(
        Category.objects.filter(pk=OuterRef("category_id")).values("name")[:1]
    )
    product_values = _joined(
        AssignedProductAttributeValue.objects.filter(product_id=OuterRef("pk")),
        "product_id",
        "value__name",
        "value__plain_text",
    )
    variant_values = _joined(
        AssignedVariantAttributeValue.objects.filter(
            variant__product_id=OuterRef("pk")
        ),
        "variant__product_id",
        "value__name",
    )
    text = Concat(
        F("description_plaintext"),
        Value(" "),
        Coalesce(product_values, Value(""), output_field=TextField()),
        Value(" "),
        Coalesce(variant_values, Value(""), output_field=TextField()),
        output_field=TextField(),
    )
    return (
        SearchVector("name", weight="A", config=SEARCH_CONFIG)
        + SearchVector("name", weight="D", config=PREFIX_CONFIG)
        + SearchVector(category_name, weight="B", config=SEARCH_CONFIG)
        + SearchVector(text, weight="C", config=SEARCH_CONFIG)
    )


def product_search_vector_update(*, product_ids: Iterable[int]) -> int:
    """Rewrite the search vector of the products; return how many changed.

    Name weighs A, category B, description and attribute values C; the
    name's unstemmed words D (core.search.PREFIX_CONFIG). SKUs
    stay out: their parts are codes, not words ("PAD" in every pad's SKU);
    search.py matches a SKU as typed instead.
    One UPDATE whatever the number of products.
    """
    return Product.objects.filter(pk__in=list(product_ids)).update(
        search_vector=_vector()
    )


def products_search_vector_rebuild() -> int:
    """Rewrite every product's search vector (after a migration or a bulk load)."""
    return Product.objects.update(search_vector=_vector())
