"""sitemap.xml and robots.txt for crawlers."""

import xml.etree.ElementTree as ElementTree

from backend.storefront.views import indexing
from tests import factories
from tests.fixtures.catalog import make_published_product

from .helpers import SITEMAP_NS, sitemap_entries


def test_sitemap_lists_published_products_categories_and_collections(
    client, channel, warehouse
):
    category = factories.CategoryFactory(slug="heat-packs")
    shown = make_published_product(
        channel=channel, warehouse=warehouse, category=category
    )
    hidden = make_published_product(channel=channel, warehouse=warehouse)
    hidden.channel_listings.update(is_published=False)
    collection = factories.CollectionFactory(slug="sciatica")
    factories.CollectionChannelListingFactory(collection=collection, channel=channel)
    draft = factories.CollectionFactory(slug="draft")
    factories.CollectionChannelListingFactory(
        collection=draft, channel=channel, is_published=False
    )

    locations = sitemap_entries(client)

    base = "https://shop.example.com"
    assert f"{base}/products/{shown.slug}/" in locations
    assert f"{base}/products/{hidden.slug}/" not in locations
    assert f"{base}/categories/heat-packs/" in locations
    assert f"{base}/collections/sciatica/" in locations
    assert f"{base}/collections/draft/" not in locations


def test_sitemap_is_an_index_of_pages_each_holding_at_most_a_page_of_addresses(
    client, channel, warehouse, monkeypatch
):
    monkeypatch.setattr(indexing, "SITEMAP_PAGE_SIZE", 2)
    for _ in range(5):
        make_published_product(channel=channel, warehouse=warehouse)

    index = ElementTree.fromstring(client.get("/sitemap.xml").content)

    files = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    base = "https://shop.example.com"
    assert [f for f in files if "products" in f] == [
        f"{base}/sitemap-products-1.xml",
        f"{base}/sitemap-products-2.xml",
        f"{base}/sitemap-products-3.xml",
    ]
    last = ElementTree.fromstring(client.get("/sitemap-products-3.xml").content)
    assert len(last.findall("s:url", SITEMAP_NS)) == 1
    # The five products, their five categories, home and the articles index.
    assert len(sitemap_entries(client)) == 5 + 5 + 2


def test_sitemap_page_past_the_end_is_not_found(client, db):
    assert client.get("/sitemap-products-2.xml").status_code == 404
    assert client.get("/sitemap-orders-1.xml").status_code == 404


def test_sitemap_index_costs_the_same_queries_for_any_catalog(
    client, channel, warehouse, django_assert_max_num_queries
):
    for _ in range(30):
        make_published_product(channel=channel, warehouse=warehouse)

    with django_assert_max_num_queries(4):
        client.get("/sitemap.xml")


def test_robots_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /graphql/",
        "Disallow: /search/",
        "Sitemap: https://shop.example.com/sitemap.xml",
    ]
