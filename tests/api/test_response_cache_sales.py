"""Cached GraphQL answers survive sales of products they do not show the stock of.

An answer is kept with the stock versions its execution read
(backend.core.cache_versions): ``quantityAvailable`` and ``isAvailable``
of a product, the in-stock membership of a listing filtered on stock. A
sale moves them only for the products it touched; X-Cache says whether
the answer came from the cache.
"""

import json

import pytest
from graphql_relay import to_global_id

from backend.checkout.complete import checkout_complete
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with

PRODUCTS = """
query Products($channel: String!) {
  products(first: 20, channel: $channel) {
    edges { node { name pricing { priceRange { start { gross { amount } } } } } }
  }
}
"""
IN_STOCK = """
query InStock($channel: String!) {
  products(first: 20, channel: $channel, filter: {stockAvailability: IN_STOCK}) {
    edges { node { name } }
  }
}
"""
CHECKOUT_CREATE = """
mutation Create($channel: String!, $variant: ID!) {
  checkoutCreate(
    input: {channel: $channel, lines: [{variantId: $variant, quantity: 1}]}
  ) {
    checkout { lines { variant { name product { name thumbnail { url } } } } }
    errors { field code message }
  }
}
"""
PRODUCT = """
query Product($slug: String!, $channel: String!) {
  product(slug: $slug, channel: $channel) {
    name isAvailable variants { quantityAvailable }
  }
}
"""


@pytest.fixture
def strap(channel, warehouse):
    return make_published_product(channel=channel, warehouse=warehouse, name="Strap")


@pytest.fixture
def wedge(channel, warehouse):
    return make_published_product(channel=channel, warehouse=warehouse, name="Wedge")


@pytest.fixture
def ask(client, channel):
    """Ask anonymously; return (X-Cache, data)."""

    def ask(query, **variables):
        response = client.post(
            "/graphql/",
            data=json.dumps(
                {"query": query, "variables": {"channel": channel.slug, **variables}}
            ),
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
        body = response.json()
        assert "errors" not in body, body
        return response["X-Cache"], body["data"]

    return ask


@pytest.fixture
def sell(channel, shipping_method, django_capture_on_commit_callbacks):
    def sell(product, quantity):
        checkout = make_ready_checkout(
            channel=channel,
            shipping_method=shipping_method,
            lines=[(product.default_variant, quantity)],
        )
        with django_capture_on_commit_callbacks(execute=True):
            checkout_complete(
                checkout_token=checkout.token, payment=paid_with("tok_success")
            )

    return sell


def warm(ask, query, **variables):
    ask(query, **variables)
    cache, data = ask(query, **variables)
    assert cache == "hit"
    return data


def test_a_listing_without_stock_fields_stays_cached_through_a_sellout(
    ask, strap, wedge, sell, django_assert_num_queries
):
    before = warm(ask, PRODUCTS)

    sell(strap, 10)

    with django_assert_num_queries(0):
        assert ask(PRODUCTS) == ("hit", before)


def test_another_products_stock_answer_stays_cached_through_a_sale(
    ask, strap, wedge, sell
):
    before = warm(ask, PRODUCT, slug=wedge.slug)

    sell(strap, 2)

    assert ask(PRODUCT, slug=wedge.slug) == ("hit", before)


def test_a_sale_shows_in_the_products_quantity_at_the_next_request(ask, strap, sell):
    warm(ask, PRODUCT, slug=strap.slug)

    sell(strap, 2)

    cache, data = ask(PRODUCT, slug=strap.slug)
    assert cache == "miss"
    assert data["product"]["variants"] == [{"quantityAvailable": 8}]


def test_a_sellout_shows_in_is_available_at_the_next_request(ask, strap, sell):
    warm(ask, PRODUCT, slug=strap.slug)

    sell(strap, 10)

    assert ask(PRODUCT, slug=strap.slug)[1]["product"]["isAvailable"] is False


def test_a_sellout_leaves_the_in_stock_listing_at_the_next_request(
    ask, strap, wedge, sell
):
    data = warm(ask, IN_STOCK)
    assert {edge["node"]["name"] for edge in data["products"]["edges"]} == {
        "Strap",
        "Wedge",
    }

    sell(strap, 10)

    _, data = ask(IN_STOCK)
    assert [edge["node"]["name"] for edge in data["products"]["edges"]] == ["Wedge"]


def test_a_sale_that_sells_out_nothing_keeps_the_in_stock_listing_cached(
    ask, strap, wedge, sell
):
    before = warm(ask, IN_STOCK)

    sell(strap, 3)

    assert ask(IN_STOCK) == ("hit", before)


def test_a_listing_stays_cached_through_a_checkout_started_through_the_api(
    ask, client, channel, strap, wedge
):
    """The checkout's answer reads its lines' catalog rows through the cache."""
    before = warm(ask, PRODUCTS)
    variables = {
        "channel": channel.slug,
        "variant": to_global_id("ProductVariant", str(strap.default_variant.pk)),
    }

    created = client.post(
        "/graphql/",
        data=json.dumps({"query": CHECKOUT_CREATE, "variables": variables}),
        content_type="application/json",
    ).json()

    assert created["data"]["checkoutCreate"]["errors"] == []
    assert ask(PRODUCTS) == ("hit", before)
