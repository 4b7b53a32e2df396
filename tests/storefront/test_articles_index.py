"""Around the article page: the index, feeds, sitemap, hero image, Learn more."""

import xml.etree.ElementTree as ElementTree

from backend.page.models import Article, Page
from backend.page.services import page_tag_products
from backend.product.models import Product
from tests.fixtures.catalog import warm_delivery_rules

from .helpers import sitemap_entries, texts_by_class

ALL_TITLES = [
    "Exercises for Sciatica",
    "Foam Rolling for Sciatica",
    "Heat or Ice for Sciatica",
    "Physical Therapy for Sciatica",
    "Sciatica Massage",
    "TENS for Sciatica",
    "Yoga for Sciatica Pain",
]
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def test_index_shows_a_card_for_each_published_article(client, synced):
    Page.objects.filter(slug="tens-for-sciatica").update(is_published=False)

    response = client.get("/articles/")

    assert response.status_code == 200
    titles = texts_by_class(response, "article-card-title")
    assert sorted(titles) == [
        title for title in ALL_TITLES if title != "TENS for Sciatica"
    ]
    assert set(texts_by_class(response, "article-card-reviewed")) == {
        "Medically reviewed on October 15, 2026"
    }
    html = response.content.decode()
    assert '<img src="/articles/yoga-for-sciatica-pain/hero.png"' in html


def test_index_filters_articles_by_condition(client, synced):
    response = client.get("/articles/?condition=tight-hamstrings")

    assert sorted(texts_by_class(response, "article-card-title")) == [
        "Exercises for Sciatica",
        "Yoga for Sciatica Pain",
    ]
    assert '<option value="tight-hamstrings" selected>' in response.content.decode()


def test_index_offers_only_conditions_that_articles_cover(client, synced):
    response = client.get("/articles/")

    html = response.content.decode()
    assert '<option value="tight-hamstrings">' in html
    assert '<option value="sciatica">' in html
    # A condition only products carry is not offered.
    assert '<option value="neck-and-shoulder-pain">' not in html


def test_an_unknown_condition_is_a_form_error_not_a_crash(client, synced):
    response = client.get("/articles/?condition=<script>")

    assert response.status_code == 200
    (error,) = texts_by_class(response, "form-error")
    assert error.startswith("Select a valid choice.")
    assert "<script>" not in response.content.decode()
    assert sorted(texts_by_class(response, "article-card-title")) == ALL_TITLES


# Condition choices (1), articles (1), menus (1), and on a miss of the page
# cache the next scheduled publication, which bounds how long it is kept (1).
INDEX_QUERIES = 4


def test_index_runs_a_fixed_number_of_queries(
    client, synced, django_assert_num_queries
):
    warm_delivery_rules()
    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get("/articles/?condition=sciatica")

    assert len(texts_by_class(response, "article-card-title")) == 7


def test_rss_feed_lists_the_published_articles(client, synced):
    response = client.get("/articles/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    items = root.findall("channel/item")
    assert sorted(item.findtext("title") for item in items) == ALL_TITLES
    links = {item.findtext("link") for item in items}
    assert "https://shop.example.com/articles/tens-for-sciatica/" in links
    tens = next(item for item in items if item.findtext("title") == "TENS for Sciatica")
    assert (
        tens.findtext("description")
        == Article.objects.get(page__slug="tens-for-sciatica").summary
    )


def test_atom_feed_lists_the_published_articles(client, synced):
    Page.objects.filter(slug="sciatica-massage").update(is_published=False)

    response = client.get("/articles/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    entries = root.findall("a:entry", ATOM)
    assert sorted(entry.findtext("a:title", namespaces=ATOM) for entry in entries) == [
        title for title in ALL_TITLES if title != "Sciatica Massage"
    ]
    assert {
        entry.findtext("a:author/a:name", namespaces=ATOM) for entry in entries
    } == {"Jordan Ellis"}


def test_sitemap_lists_published_articles(client, synced):
    Page.objects.filter(slug="tens-for-sciatica").update(is_published=False)

    entries = sitemap_entries(client)
    base = "https://shop.example.com"
    assert entries[f"{base}/articles/physical-therapy-for-sciatica/"] == "2026-10-15"
    assert f"{base}/articles/" in entries
    assert f"{base}/articles/tens-for-sciatica/" not in entries


def test_hero_image_is_served_from_the_content_folder_with_caching(
    client, synced, content_dir
):
    response = client.get("/articles/tens-for-sciatica/hero.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"
    expected = (content_dir / "images" / "tens-for-sciatica.png").read_bytes()
    assert b"".join(response.streaming_content) == expected


def test_hero_image_of_unknown_article_or_missing_file_is_not_found(
    client, synced, content_dir
):
    (content_dir / "images" / "sciatica-massage.png").unlink()

    unknown = client.get("/articles/no-such-article/hero.png")
    missing = client.get("/articles/sciatica-massage/hero.png")

    assert (unknown.status_code, missing.status_code) == (404, 404)


def test_hero_image_outside_the_content_folder_is_not_served(
    client, synced, content_dir
):
    Article.objects.filter(page__slug="sciatica-massage").update(
        hero_image="../../../../etc/hostname"
    )

    response = client.get("/articles/sciatica-massage/hero.png")

    assert response.status_code == 404


def test_product_page_learn_more_lists_the_articles_featuring_it(client, synced):
    strap = Product.objects.get(slug="loop-stretch-strap")
    for slug in ("yoga-for-sciatica-pain", "exercises-for-sciatica"):
        page_tag_products(page=Page.objects.get(slug=slug), product_ids=[strap.pk])

    response = client.get("/products/loop-stretch-strap/")
    untagged = client.get("/products/d-ring-stretch-strap/")

    assert texts_by_class(response, "learn-more") == [
        "Learn more Articles that feature this product: "
        "Exercises for Sciatica Yoga for Sciatica Pain"
    ]
    assert 'href="/articles/exercises-for-sciatica/"' in response.content.decode()
    assert texts_by_class(untagged, "learn-more") == []
