"""Cached pages survive article and product text edits: each moves what shows it.

An article edit moves the article's own version, and the articles listing's
only where a listing shows what changed; a product's description or SEO
edit moves the product's text version and product text search's
(backend.core.cache_versions). Each
test reads pages as an anonymous shopper (so that they are cached), edits
through the page services with the commit's callbacks run, and reads them
again: X-Cache says whether the page came from the cache.
"""

import json
from datetime import UTC, datetime

import pytest
from django.db import transaction
from django.test import Client

from backend.page.models import Page, PageComment, PageCommentStatus
from backend.page.services import comment_moderate
from backend.page.services.pages import page_update
from backend.product.services.products import product_update
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.content import make_article_page

from .helpers import cached, read, texts_by_class, warm

PUBLISHED_AT = datetime(2026, 10, 1, tzinfo=UTC)


@pytest.fixture
def store(channel, warehouse, shipping_method, django_capture_on_commit_callbacks):
    """Articles X and Y (dated, as synced ones are), products A and B, committed."""
    with django_capture_on_commit_callbacks(execute=True):
        x = make_article_page(slug="heat-for-sciatica", conditions=())
        y = make_article_page(slug="walking-for-sciatica", conditions=())
        Page.objects.filter(pk__in=[x.pk, y.pk]).update(published_at=PUBLISHED_AT)
        a = make_published_product(channel=channel, warehouse=warehouse, name="Strap A")
        b = make_published_product(channel=channel, warehouse=warehouse, name="Wedge B")
    x.refresh_from_db()
    y.refresh_from_db()
    return {"x": x, "y": y, "a": a, "b": b}


def article_url(page) -> str:
    return f"/articles/{page.slug}/"


def description(response) -> str:
    html = response.content.decode()
    start = html.index('<meta name="description" content="') + 34
    return html[start : html.index('"', start)]


def test_an_article_edit_leaves_the_other_article_and_product_pages_cached(
    store, committed, django_assert_num_queries
):
    others = [article_url(store["y"]), f"/products/{store['a'].slug}/"]
    warm(*others)

    committed(lambda: page_update(page=store["x"], seo_description="Warm it."))

    for url in others:
        with django_assert_num_queries(0):
            response = read(url)
        assert response["X-Cache"] == "hit", url


def test_an_article_edit_shows_on_its_page_at_the_next_request(store, committed):
    url = article_url(store["x"])
    warm(url)

    committed(lambda: page_update(page=store["x"], seo_description="Warm it."))

    assert description(read(url)) == "Warm it."


def test_a_retitled_article_shows_on_the_articles_index_at_the_next_request(
    store, committed
):
    warm("/articles/", "/")

    committed(lambda: page_update(page=store["x"], title="Heat, done right"))

    assert "Heat, done right" in texts_by_class(read("/articles/"), "article-cards")[0]
    assert "Heat, done right" in read("/").content.decode()


def test_an_edit_no_listing_shows_leaves_the_articles_index_cached(store, committed):
    warm("/articles/")

    committed(lambda: page_update(page=store["x"], seo_description="Warm it."))

    assert cached("/articles/")


def test_a_rolled_back_article_edit_moves_nothing(store, committed):
    urls = [article_url(store["x"]), "/articles/"]
    warm(*urls)

    def edit_then_fail():
        with transaction.atomic():
            page_update(page=store["x"], title="Never shown")
            raise RuntimeError("the request failed")

    with pytest.raises(RuntimeError):
        committed(edit_then_fail)

    for url in urls:
        assert cached(url), url


def test_an_approved_comment_shows_on_its_article_only(store, committed):
    x, y = article_url(store["x"]), article_url(store["y"])
    warm(x, y)
    comment = PageComment.objects.create(
        page=store["x"], name="Sam", email="sam@lumbar.test", body="It helped me."
    )
    moderator = factories.UserFactory(is_staff=True, is_superuser=True)

    committed(
        lambda: comment_moderate(
            comments=[comment],
            status=PageCommentStatus.APPROVED,
            moderator=moderator,
        )
    )

    assert cached(y)
    assert "It helped me." in read(x).content.decode()


PAGE_QUERY = """
query Page($slug: String!) { page(slug: $slug) { title seoDescription } }
"""
PRODUCTS_QUERY = """
query Products($channel: String!) { products(first: 5, channel: $channel) {
  edges { node { name } } pageInfo { hasNextPage } } }
"""
PRODUCT_QUERY = """
query Product($slug: String!, $channel: String!) {
  product(slug: $slug, channel: $channel) { seoDescription } }
"""


def ask(query, variables):
    response = Client().post(
        "/graphql/",
        data=json.dumps({"query": query, "variables": variables}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response


def test_an_article_edit_shows_in_the_graphql_page_answer_and_keeps_products(
    store, channel, committed
):
    page_variables = {"slug": store["x"].slug}
    products_variables = {"channel": channel.slug}
    for query, variables in [
        (PAGE_QUERY, page_variables),
        (PRODUCTS_QUERY, products_variables),
    ]:
        ask(query, variables)
        assert ask(query, variables)["X-Cache"] == "hit"

    committed(lambda: page_update(page=store["x"], seo_description="Warm it."))

    answer = ask(PAGE_QUERY, page_variables)
    assert answer.json()["data"]["page"]["seoDescription"] == "Warm it."
    assert ask(PRODUCTS_QUERY, products_variables)["X-Cache"] == "hit"


def product_url(product) -> str:
    return f"/products/{product.slug}/"


def test_a_product_description_edit_leaves_the_other_product_page_cached(
    store, committed, django_assert_num_queries
):
    others = [product_url(store["b"]), "/", article_url(store["x"])]
    warm(*others)

    committed(
        lambda: product_update(product=store["a"], seo_description="Soft and firm.")
    )

    for url in others:
        with django_assert_num_queries(0):
            response = read(url)
        assert response["X-Cache"] == "hit", url


def test_a_product_description_edit_shows_on_its_page_at_the_next_request(
    store, committed
):
    url = product_url(store["a"])
    warm(url)

    committed(
        lambda: product_update(product=store["a"], seo_description="Soft and firm.")
    )

    assert description(read(url)) == "Soft and firm."


def test_a_product_description_edit_shows_in_search_at_the_next_request(
    store, committed
):
    url = "/search/?q=velcro"
    warm(url)
    assert store["a"].name not in texts_by_class(read(url), "product-name")

    committed(
        lambda: product_update(
            product=store["a"],
            description={"blocks": [{"type": "paragraph", "data": {"text": "Velcro"}}]},
        )
    )

    assert texts_by_class(read(url), "product-name") == [store["a"].name]


def test_a_rolled_back_product_edit_moves_nothing(store, committed):
    url = product_url(store["a"])
    warm(url)

    def edit_then_fail():
        with transaction.atomic():
            product_update(product=store["a"], seo_description="Never shown")
            raise RuntimeError("the request failed")

    with pytest.raises(RuntimeError):
        committed(edit_then_fail)

    assert cached(url)


def test_a_product_rename_shows_on_the_listings_at_the_next_request(store, committed):
    url = "/search/?q=strap"
    warm(url)

    committed(lambda: product_update(product=store["a"], name="Strap A, longer"))

    assert texts_by_class(read(url), "product-name") == ["Strap A, longer"]


def test_a_product_description_edit_shows_in_the_graphql_product_answer(
    store, channel, committed
):
    variables = {"slug": store["a"].slug, "channel": channel.slug}
    ask(PRODUCT_QUERY, variables)
    assert ask(PRODUCT_QUERY, variables)["X-Cache"] == "hit"

    committed(
        lambda: product_update(product=store["a"], seo_description="Soft and firm.")
    )

    answer = ask(PRODUCT_QUERY, variables).json()
    assert answer["data"]["product"]["seoDescription"] == "Soft and firm."
