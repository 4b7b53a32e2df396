"""Anonymous catalog queries are answered from Redis until the catalog moves.

A repeated query costs no SQL; a price, stock or publication change made
through a service, or the clock passing a scheduled date, shows on the very
next request; signed-in
readers and mutations never meet a cached answer.
"""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.account.tokens import access_token_create
from backend.core.permissions import PermissionEnum
from backend.graphql.core.response_cache import query_is_cacheable
from backend.product.models import ProductChannelListing
from backend.product.services.channel_listings import (
    ProductListingInput,
    VariantListingInput,
    product_channel_listing_update,
    product_variant_channel_listing_update,
)
from backend.warehouse.services import StockInput, product_variant_stocks_update
from tests.api.bearer import sign_in, sign_out
from tests.fixtures.catalog import make_published_product

PRODUCTS = """
query Products($channel: String!) {
  products(first: 20, channel: $channel) {
    edges { node {
      name slug
      thumbnail(size: 256, format: WEBP) { url }
      media { url }
      attributes { attribute { slug } values { name } }
      pricing { priceRange { start { gross { amount currency } } } }
      variants { quantityAvailable }
    } }
  }
}
"""
AVAILABILITY = """
query Availability($slug: String!, $channel: String!) {
  product(slug: $slug, channel: $channel) { slug isAvailableForPurchase }
}
"""
CHECKOUT_CREATE = """
mutation Create($channel: String!) {
  checkoutCreate(input: {channel: $channel, lines: []}) {
    checkout { id } errors { field code message }
  }
}
"""


def post(client, query, variables, **headers):
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": query, "variables": variables}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def ask(client, channel):
    """Send PRODUCTS (or another query) anonymously; return the answer."""

    def ask(query=PRODUCTS, variables=None, **headers):
        return post(client, query, variables or {"channel": channel.slug}, **headers)

    return ask


def queries_run(ask, *args) -> int:
    with CaptureQueriesContext(connection) as context:
        ask(*args)
    return len(context)


@pytest.fixture
def make_product(channel, warehouse):
    def make(name):
        return make_published_product(channel=channel, warehouse=warehouse, name=name)

    return make


def names(answer) -> list[str]:
    return [edge["node"]["name"] for edge in answer["data"]["products"]["edges"]]


def first_price(answer) -> float:
    node = answer["data"]["products"]["edges"][0]["node"]
    return node["pricing"]["priceRange"]["start"]["gross"]["amount"]


def test_a_repeated_anonymous_query_runs_no_sql(
    ask, published_product, django_assert_num_queries
):
    first = ask()

    with django_assert_num_queries(0):
        second = ask()

    assert second == first
    assert names(second) == ["Stretch Strap"]


def test_a_price_change_shows_on_the_next_request(
    ask, channel, published_product, django_capture_on_commit_callbacks
):
    assert first_price(ask()) == 19.99

    with django_capture_on_commit_callbacks(execute=True):
        product_variant_channel_listing_update(
            variant=published_product.variants.get(),
            listings=[VariantListingInput(channel=channel, price=Decimal("24.50"))],
        )

    assert first_price(ask()) == 24.5


def test_a_stock_change_shows_on_the_next_request(
    ask, warehouse, published_product, django_capture_on_commit_callbacks
):
    ask()

    with django_capture_on_commit_callbacks(execute=True):
        product_variant_stocks_update(
            variant=published_product.variants.get(),
            stocks=[StockInput(warehouse=warehouse, quantity=3)],
        )

    node = ask()["data"]["products"]["edges"][0]["node"]
    assert node["variants"] == [{"quantityAvailable": 3}]


def test_an_unpublished_product_leaves_the_next_answer(
    ask, channel, published_product, django_capture_on_commit_callbacks
):
    assert names(ask()) == ["Stretch Strap"]

    with django_capture_on_commit_callbacks(execute=True):
        product_channel_listing_update(
            product=published_product,
            update_channels=[ProductListingInput(channel=channel, is_published=False)],
        )

    assert names(ask()) == []


def test_a_product_becomes_buyable_at_its_date_not_later(
    ask, channel, published_product
):
    opens_at = timezone.now() + timedelta(hours=2)
    ProductChannelListing.objects.filter(product=published_product).update(
        available_for_purchase_at=opens_at
    )
    variables = {"slug": published_product.slug, "channel": channel.slug}
    answer = ask(AVAILABILITY, variables)
    assert answer["data"]["product"]["isAvailableForPurchase"] is False

    with time_machine.travel(opens_at + timedelta(seconds=1), tick=False):
        answer = ask(AVAILABILITY, variables)

    assert answer["data"]["product"]["isAvailableForPurchase"] is True


def test_a_scheduled_publication_shows_at_its_moment(ask, channel, make_product):
    make_product(name="Foam Roller")
    later = make_product(name="Heat Wrap")
    appears_at = timezone.now() + timedelta(minutes=30)
    ProductChannelListing.objects.filter(product=later).update(published_at=appears_at)
    assert names(ask()) == ["Foam Roller"]

    with time_machine.travel(appears_at + timedelta(seconds=1), tick=False):
        assert sorted(names(ask())) == ["Foam Roller", "Heat Wrap"]


@pytest.fixture
def product_manager(staff_user):
    staff_user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="core",
            codename=PermissionEnum.MANAGE_PRODUCTS.value,
        )
    )
    return type(staff_user).objects.get(pk=staff_user.pk)


@pytest.fixture
def hidden_and_shown(make_product):
    make_product(name="Foam Roller")
    hidden = make_product(name="Heat Wrap")
    ProductChannelListing.objects.filter(product=hidden).update(is_published=False)


def test_a_session_cookie_alone_gets_the_anonymous_answer(
    ask, client, hidden_and_shown, product_manager
):
    # The API knows callers by token only (graphql/account/auth.py).
    assert names(ask()) == ["Foam Roller"]
    client.force_login(product_manager)

    answer = ask()

    assert names(answer) == ["Foam Roller"]


def test_a_token_holder_never_gets_the_anonymous_answer(
    ask, hidden_and_shown, product_manager
):
    assert names(ask()) == ["Foam Roller"]
    token = access_token_create(user=product_manager)

    staff_answer = ask(HTTP_AUTHORIZATION=f"Bearer {token}")

    assert sorted(names(staff_answer)) == ["Foam Roller", "Heat Wrap"]


def test_the_anonymous_answer_is_not_taken_from_a_staff_answer(
    ask, client, hidden_and_shown, product_manager
):
    sign_in(client, product_manager)
    ask()
    sign_out(client)

    assert names(ask()) == ["Foam Roller"]


def test_a_mutation_is_never_answered_from_the_cache(ask, channel):
    variables = {"channel": channel.slug}

    first = ask(CHECKOUT_CREATE, variables)["data"]["checkoutCreate"]
    second = ask(CHECKOUT_CREATE, variables)["data"]["checkoutCreate"]

    assert first["errors"] == [] and second["errors"] == []
    assert first["checkout"]["id"] != second["checkout"]["id"]


def test_a_checkout_read_is_not_cached(ask, channel):
    created = ask(CHECKOUT_CREATE, {"channel": channel.slug})
    checkout_id = created["data"]["checkoutCreate"]["checkout"]["id"]
    query = "query($id: ID!) { checkout(id: $id) { id email } }"
    ask(query, {"id": checkout_id})

    assert queries_run(ask, query, {"id": checkout_id}) > 0


def test_an_answer_with_errors_is_not_cached(ask):
    query = "query($channel: String!) { products(first: 20, channel: $channel) { edges { node { id } } } }"  # noqa: E501
    assert "errors" in ask(query, {"channel": "no-such-channel"})

    assert queries_run(ask, query, {"channel": "no-such-channel"}) > 0


@pytest.mark.parametrize(
    "query",
    [
        '{ page(slug: "heat") { title shopBlocks { __typename } } }',
        'query { page(slug: "heat") { ...Blocks } }'
        " fragment Blocks on Page { shopBlocks { __typename } }",
    ],
    ids=["field", "fragment"],
)
def test_a_query_of_clock_computed_shop_blocks_is_not_cacheable(query):
    assert query_is_cacheable(query, None) is False


def test_a_catalog_query_is_cacheable_and_a_buyer_query_is_not():
    assert query_is_cacheable(PRODUCTS, "Products") is True
    assert query_is_cacheable(CHECKOUT_CREATE, None) is False
    assert query_is_cacheable("{ me { email } }", None) is False
    assert (
        query_is_cacheable("{ products(first: 1) { totalCount } shop { name } }", None)
        is False
    )


def test_a_miss_reads_the_next_scheduled_change_once_per_catalog_version(
    ask, channel, published_product, settings
):
    availability = (
        AVAILABILITY,
        {"slug": published_product.slug, "channel": channel.slug},
    )
    settings.GRAPHQL_RESPONSE_CACHE = False
    list_uncached = queries_run(ask)
    product_uncached = queries_run(ask, *availability)
    settings.GRAPHQL_RESPONSE_CACHE = True

    assert queries_run(ask) == list_uncached + 1
    assert queries_run(ask, *availability) == product_uncached
    assert queries_run(ask) == 0
