"""A stock change moves the versions of the products it touched, and only those.

Exact stock (``stock:<product>``) moves at every change; a listing card's
label (``product:<product>``) only when what is left is low; the in-stock
listings (``LISTINGS``) only when a product may have sold out or come back.
"""

import pytest
from django.core.cache import cache
from django.db import connection, transaction

from backend.core import cache_versions
from backend.core.cache_versions import LISTINGS
from backend.warehouse.stock_versions import stock_changed
from tests import factories
from tests.fixtures.catalog import make_published_product


@pytest.fixture
def strap(channel, warehouse):
    return make_published_product(channel=channel, warehouse=warehouse, quantity=10)


@pytest.fixture
def wedge(channel, warehouse):
    return make_published_product(channel=channel, warehouse=warehouse, quantity=10)


@pytest.fixture
def moved(django_capture_on_commit_callbacks):
    """Run a change committed; return the names whose versions moved."""

    def moved(change, *watched):
        keys = {cache_versions.version_key(name): name for name in watched}
        before = cache.get_many(list(keys))
        with django_capture_on_commit_callbacks(execute=True):
            change()
        after = cache.get_many(list(keys))
        return {name for key, name in keys.items() if after.get(key) != before.get(key)}

    return moved


def _names(product):
    return cache_versions.stock(product.pk), cache_versions.product(product.pk)


def _sell(product, warehouse, left):
    product.default_variant.stocks.update(quantity_allocated=10 - left)
    stock_changed([(product.pk, warehouse.pk)], fell=True)


def test_a_sale_leaving_plenty_moves_only_the_products_exact_stock(
    strap, wedge, warehouse, moved
):
    names = moved(
        lambda: _sell(strap, warehouse, left=6),
        *_names(strap),
        *_names(wedge),
        LISTINGS,
    )

    assert names == {cache_versions.stock(strap.pk)}


def test_a_sale_leaving_little_moves_the_products_listing_label(
    strap, warehouse, moved
):
    names = moved(lambda: _sell(strap, warehouse, left=5), *_names(strap), LISTINGS)

    assert names == set(_names(strap))


def test_a_sellout_moves_the_in_stock_listings(strap, warehouse, moved):
    names = moved(lambda: _sell(strap, warehouse, left=0), *_names(strap), LISTINGS)

    assert names == {*_names(strap), LISTINGS}


def test_a_change_that_may_raise_stock_moves_all_of_the_products_versions(
    strap, wedge, warehouse, moved
):
    names = moved(
        lambda: stock_changed([(strap.pk, warehouse.pk)], fell=False),
        *_names(strap),
        *_names(wedge),
        LISTINGS,
    )

    assert names == {*_names(strap), LISTINGS}


def test_a_rolled_back_stock_change_moves_nothing(strap, warehouse, moved):
    def rolled_back():
        with transaction.atomic():
            _sell(strap, warehouse, left=0)
            transaction.set_rollback(True)

    assert moved(rolled_back, *_names(strap), LISTINGS) == set()


def test_a_warehouse_running_out_moves_the_products_listing_version(
    strap, channel, warehouse, moved
):
    other = factories.WarehouseFactory(channels=[channel])
    factories.StockFactory(
        product_variant=strap.default_variant, warehouse=other, quantity=1
    )

    def sell_the_last_unit_there():
        strap.default_variant.stocks.filter(warehouse=other).update(
            quantity_allocated=1
        )
        stock_changed([(strap.pk, other.pk)], fell=True)

    names = moved(sell_the_last_unit_there, *_names(strap), LISTINGS)

    assert names == set(_names(strap))


def test_what_a_sale_left_is_read_by_prepared_statements(strap, warehouse, moved):
    moved(lambda: _sell(strap, warehouse, left=6), *_names(strap))

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any(
        '"warehouse_channelwarehouse"."warehouse_id" = ANY($1' in sql
        for sql in prepared
    )
    assert any(
        '"product_productvariant"."product_id" = ANY($' in sql
        and '"warehouse_stock"."warehouse_id" = ANY($' in sql
        and "SUM(" in sql
        for sql in prepared
    )
