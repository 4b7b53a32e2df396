"""Cached pages survive sales: a sale moves only what shows the products it sold.

A page is kept with the versions of the stock it showed
(backend.core.cache_versions); a sale moves them only for the products it
touched (backend.warehouse.stock_versions). Each test reads pages as an
anonymous shopper (so that they are cached), sells through the checkout
service with the commit's callbacks run, and reads them again: X-Cache says
whether the page came from the cache.
"""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import transaction

from backend.checkout.complete import checkout_complete
from backend.order.services import order_cancel
from backend.product.services.channel_listings import (
    ProductListingInput,
    VariantListingInput,
    product_channel_listing_update,
    product_variant_channel_listing_update,
)
from backend.product.services.products import product_update
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with

from .helpers import cached, read, shown_names, texts_by_class, warm


@pytest.fixture
def store(channel, warehouse, shipping_method):
    """Product A in category "Straps", product B in category "Wedges"."""
    straps = factories.CategoryFactory(name="Straps", slug="straps")
    wedges = factories.CategoryFactory(name="Wedges", slug="wedges")
    a = make_published_product(
        channel=channel, warehouse=warehouse, name="Strap A", category=straps
    )
    b = make_published_product(
        channel=channel, warehouse=warehouse, name="Wedge B", category=wedges
    )
    return {"a": a, "b": b, "straps": straps, "wedges": wedges}


@pytest.fixture
def sell(channel, shipping_method, django_capture_on_commit_callbacks):
    """Sell ``quantity`` of the product through checkout_complete, committed."""

    def sell(product, quantity=1):
        checkout = make_ready_checkout(
            channel=channel,
            shipping_method=shipping_method,
            lines=[(product.default_variant, quantity)],
        )
        with django_capture_on_commit_callbacks(execute=True):
            return checkout_complete(
                checkout_token=checkout.token, payment=paid_with("tok_success")
            ).order

    return sell


def _set_stock(product, quantity):
    product.default_variant.stocks.update(quantity=quantity)


def _stock_label(response) -> str:
    return texts_by_class(response, "stock")[0]


def test_a_sale_of_one_product_leaves_the_other_products_page_cached(store, sell):
    other = f"/products/{store['b'].slug}/"
    warm(other)

    sell(store["a"])

    assert cached(other)


def test_a_sale_leaves_a_category_without_the_product_cached(store, sell):
    wedges = "/categories/wedges/"
    warm(wedges, "/categories/wedges/?in_stock=on")

    sell(store["a"], quantity=10)  # sold out: in-stock listings move

    assert cached(wedges)


def test_a_fast_hit_after_a_sale_elsewhere_runs_no_sql(
    store, sell, django_assert_num_queries
):
    other = f"/products/{store['b'].slug}/"
    warm(other)
    sell(store["a"])

    with django_assert_num_queries(0):
        response = read(other)

    assert response["X-Cache"] == "hit"


def test_a_sale_shows_the_new_stock_on_the_products_page_at_the_next_request(
    store, sell
):
    _set_stock(store["a"], 7)
    url = f"/products/{store['a'].slug}/"
    warm(url)
    assert _stock_label(read(url)) == "In stock"
    assert 'max="7"' in read(url).content.decode()

    sell(store["a"], quantity=1)

    response = read(url)
    assert response["X-Cache"] == "miss"
    assert 'max="6"' in response.content.decode()


def test_a_sale_that_leaves_plenty_keeps_its_category_page_cached(store, sell):
    straps = "/categories/straps/"
    warm(straps)

    sell(store["a"], quantity=1)  # 9 left: still "In stock"

    assert cached(straps)
    assert _stock_label(read(straps)) == "In stock"


def test_a_sale_into_low_stock_shows_on_the_category_page(store, sell):
    _set_stock(store["a"], 7)
    straps = "/categories/straps/"
    warm(straps)

    sell(store["a"], quantity=3)

    response = read(straps)
    assert response["X-Cache"] == "miss"
    assert _stock_label(response) == "Only 4 left"


def test_a_sellout_leaves_the_in_stock_listing_at_the_next_request(store, sell):
    url = "/categories/straps/?in_stock=on"
    warm(url)
    assert shown_names(read(url)) == ["Strap A"]

    sell(store["a"], quantity=10)

    assert shown_names(read(url)) == []


def test_a_canceled_order_shows_its_stock_back_on_the_pages(store, sell, committed):
    straps = "/categories/straps/"
    product = f"/products/{store['a'].slug}/"
    order = sell(store["a"], quantity=10)
    warm(straps, product)
    assert _stock_label(read(straps)) == "Out of stock"

    committed(lambda: order_cancel(order_id=order.pk))

    assert _stock_label(read(straps)) == "In stock"
    assert _stock_label(read(product)) == "In stock"


def test_a_rolled_back_sale_moves_nothing(store, channel, shipping_method, committed):
    _set_stock(store["a"], 3)
    pages = ("/categories/straps/", f"/products/{store['a'].slug}/")
    warm(*pages)
    checkout = make_ready_checkout(
        channel=channel,
        shipping_method=shipping_method,
        lines=[(store["a"].default_variant, 3)],
    )

    def sale_rolled_back():
        with transaction.atomic():
            checkout_complete(
                checkout_token=checkout.token, payment=paid_with("tok_success")
            )
            transaction.set_rollback(True)

    committed(sale_rolled_back)

    assert all(cached(url) for url in pages)
    assert _stock_label(read(pages[0])) == "Only 3 left"


# Writes other than sales still show on every cached page that shows them.

PRODUCT_PAGES = ("/products/strap-a/", "/categories/straps/", "/search/?q=strap")


@pytest.fixture
def strap(store):
    product = store["a"]
    product.slug = "strap-a"
    product.save(update_fields=["slug"])
    return product


@pytest.mark.parametrize("url", PRODUCT_PAGES)
def test_a_price_change_shows_at_the_next_request(strap, channel, committed, url):
    warm(url)

    committed(
        lambda: product_variant_channel_listing_update(
            variant=strap.default_variant,
            listings=[VariantListingInput(channel=channel, price=Decimal("7.50"))],
        )
    )

    assert "7.50" in read(url).content.decode()


@pytest.mark.parametrize("url", PRODUCT_PAGES[1:])
def test_an_unpublished_product_leaves_the_listings_at_the_next_request(
    strap, channel, committed, url
):
    warm(url)
    assert "Strap A" in shown_names(read(url))

    committed(
        lambda: product_channel_listing_update(
            product=strap,
            update_channels=[ProductListingInput(channel=channel, is_published=False)],
        )
    )

    assert "Strap A" not in shown_names(read(url))


def test_a_category_change_moves_the_product_between_category_pages(store, committed):
    warm("/categories/straps/", "/categories/wedges/")

    committed(lambda: product_update(product=store["a"], category=store["wedges"]))

    assert shown_names(read("/categories/straps/")) == []
    assert "Strap A" in shown_names(read("/categories/wedges/"))


def test_a_fast_listing_hit_costs_one_cache_round_trip(store, sell, monkeypatch):
    url = "/categories/straps/"
    warm(url)
    sell(store["b"])
    assert cached(url)  # this process now knows the page's stock versions
    calls = []
    for name in ("get", "get_many", "set", "set_many", "add", "incr"):
        original = getattr(cache, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(cache, name, counted)

    assert cached(url)
    # The coarse versions, the page and its stock versions, together.
    assert calls == ["get_many"]
