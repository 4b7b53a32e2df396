"""Keep each product's stored search vector true to what it says.

The vector is stored rather than an expression index because its parts
live in other tables (the category's name, attribute values of the
product and its variants), which an index expression cannot read. The
services that change those parts call ``product_search_vector_update`` in
their transaction.
"""

from collections.abc import Iterable
from functools import cache

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db import connections, router
from django.db.models import F, OuterRef, Subquery, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat
from django.db.models.sql import UpdateQuery

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


# Stands for the product ids in the compiled UPDATE's parameters.
_PRODUCT_IDS = object()


@cache
def _update_statement(alias: str) -> tuple[str, tuple]:
    """Return the UPDATE of the listed products' vectors, compiled once.

    Building and compiling the expression costs several milliseconds of
    CPU, more than PostgreSQL takes to run it; the SQL is the same for any
    products, which arrive as one array parameter.
    """
    ids = RawSQL("SELECT unnest(%s::bigint[])", (_PRODUCT_IDS,))
    query = Product.objects.filter(pk__in=ids).query.chain(UpdateQuery)
    query.add_update_values({"search_vector": _vector()})
    return query.get_compiler(alias).as_sql()


def product_search_vector_update(*, product_ids: Iterable[int]) -> int:
    """Rewrite the search vector of the products; return how many changed.

    Name weighs A, category B, description and attribute values C; the
    name's unstemmed words D (core.search.PREFIX_CONFIG). SKUs
    stay out: their parts are codes, not words ("PAD" in every pad's SKU);
    search.py matches a SKU as typed instead.
    One UPDATE whatever the number of products.
    """
    alias = router.db_for_write(Product)
    sql, params = _update_statement(alias)
    ids = [int(pk) for pk in product_ids]
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [ids if p is _PRODUCT_IDS else p for p in params])
        return cursor.rowcount


def products_search_vector_rebuild() -> int:
    """Rewrite every product's search vector (after a migration or a bulk load)."""
    return Product.objects.update(search_vector=_vector())
