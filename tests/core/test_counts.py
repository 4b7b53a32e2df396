"""Counts that stay cheap on large tables: exact when small, estimated when large."""

from django.db import connection

from backend.core.counts import EstimatedCountPaginator, bounded_counts, table_count
from backend.product.models import Product
from tests import factories


def _analyze():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE product_product")


def test_a_small_table_is_counted_exactly_with_its_filters(db):
    kept = factories.ProductFactory(name="Lumbar Roll")
    factories.ProductFactory(name="Back Stretcher")
    _analyze()

    assert table_count(Product.objects.filter(pk=kept.pk)) == 1


def test_a_table_past_the_threshold_is_counted_from_its_statistics(db):
    for name in ("Lumbar Roll", "Back Stretcher", "Posture Strap"):
        factories.ProductFactory(name=name)
    _analyze()

    # The planner's row count for the whole table: filters are not applied.
    assert table_count(Product.objects.filter(name="Lumbar Roll"), above=2) == 3


def test_the_paginator_counts_a_filtered_list_exactly(db):
    for name in ("Lumbar Roll", "Back Stretcher", "Posture Strap"):
        factories.ProductFactory(name=name)
    _analyze()

    filtered = EstimatedCountPaginator(
        Product.objects.filter(name="Lumbar Roll").order_by("pk"), 10
    )
    whole = EstimatedCountPaginator(Product.objects.order_by("pk"), 10)

    assert filtered.count == 1
    assert whole.count == 3


def test_bounded_counts_are_exact_up_to_the_limit_in_one_query(
    db, django_assert_num_queries
):
    for name in ("Lumbar Roll", "Back Stretcher", "Posture Strap"):
        factories.ProductFactory(name=name)

    with django_assert_num_queries(1):
        counts = bounded_counts(
            {
                "rolls": Product.objects.filter(name="Lumbar Roll"),
                "all": Product.objects.order_by("pk"),
                "none": Product.objects.filter(name="Heat Pack"),
            },
            limit=5,
        )

    assert counts == {"rolls": 1, "all": 3, "none": 0}


def test_a_bounded_count_past_the_limit_stops_one_above_it(db):
    for name in ("Lumbar Roll", "Back Stretcher", "Posture Strap"):
        factories.ProductFactory(name=name)

    counts = bounded_counts({"all": Product.objects.all()}, limit=1)

    # limit + 1: "more than one", without reading the rest.
    assert counts == {"all": 2}
