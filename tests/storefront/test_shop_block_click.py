"""A shop block link records the click and redirects to the product page."""

import pytest

from backend.page.models import ShopBlockClick
from backend.page.services import content_sync
from backend.page.services.attribution import (
    ATTRIBUTION_SESSION_KEY,
    session_key_hash,
)
from tests.fixtures.content import make_article_page


@pytest.fixture
def article(db):
    return make_article_page(slug="heat-for-sciatica", conditions=())


def _url(product, block="1", article_slug="heat-for-sciatica"):
    return f"/articles/{article_slug}/products/{product.slug}/?block={block}"


def test_a_click_redirects_to_the_product_page(client, article, published_product):
    response = client.get(_url(published_product))

    assert response.status_code == 302
    assert response["Location"] == f"/products/{published_product.slug}/"


def test_a_click_is_recorded_with_article_product_block_and_session(
    client, article, published_product
):
    client.get(_url(published_product, block="end"))

    click = ShopBlockClick.objects.get()
    assert (click.page_id, click.product_id, click.block) == (
        article.pk,
        published_product.pk,
        "end",
    )
    assert click.session_hash == session_key_hash(client.session.session_key)


def test_the_session_holds_the_clicks_attribution(client, article, published_product):
    client.get(_url(published_product, block="2"))

    assert client.session[ATTRIBUTION_SESSION_KEY] == {
        "article": "heat-for-sciatica",
        "block": "2",
    }


def test_a_later_click_replaces_the_sessions_attribution(
    client, article, published_product
):
    make_article_page(slug="tens-for-sciatica", conditions=())
    client.get(_url(published_product, block="0"))

    client.get(_url(published_product, block="end", article_slug="tens-for-sciatica"))

    assert client.session[ATTRIBUTION_SESSION_KEY] == {
        "article": "tens-for-sciatica",
        "block": "end",
    }
    assert ShopBlockClick.objects.count() == 2


@pytest.mark.parametrize("block", ["", "first", "1;drop", "-1", "12345"])
def test_a_block_that_names_no_block_is_stored_as_unknown(
    client, article, published_product, block
):
    response = client.get(_url(published_product, block=block))

    assert response.status_code == 302
    assert ShopBlockClick.objects.get().block == "unknown"


def test_an_unknown_article_is_404_and_records_nothing(client, published_product):
    response = client.get(_url(published_product, article_slug="no-such-article"))

    assert response.status_code == 404
    assert not ShopBlockClick.objects.exists()


def test_an_unpublished_article_is_404(client, article, published_product):
    article.is_published = False
    article.save(update_fields=["is_published"])

    response = client.get(_url(published_product))

    assert response.status_code == 404


def test_an_unknown_product_is_404_and_records_nothing(client, article):
    response = client.get("/articles/heat-for-sciatica/products/no-such-product/")

    assert response.status_code == 404
    assert not ShopBlockClick.objects.exists()


def test_a_crawler_is_redirected_without_a_click(client, article, published_product):
    response = client.get(
        _url(published_product),
        headers={"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"},
    )

    assert response.status_code == 302
    assert not ShopBlockClick.objects.exists()
    assert ATTRIBUTION_SESSION_KEY not in client.session


def test_a_post_is_refused(client, article, published_product):
    response = client.post(_url(published_product))

    assert response.status_code == 405
    assert not ShopBlockClick.objects.exists()


def test_following_an_article_pages_shop_link_records_its_block(
    client, demo_store, content_dir
):
    content_sync()
    html = client.get("/articles/physical-therapy-for-sciatica/").content.decode()
    block = html.split('data-block="0"', 1)[1].split("</section>", 1)[0]
    href = block.split('<p class="shop-item-name"><a href="', 1)[1].split('"', 1)[0]

    response = client.get(href.replace("&amp;", "&"))

    click = ShopBlockClick.objects.get()
    assert response["Location"] == f"/products/{click.product.slug}/"
    assert (click.page.slug, click.block) == ("physical-therapy-for-sciatica", "0")
    assert 'rel="nofollow"' in block
