"""sitemap.xml and robots.txt for crawlers."""

import xml.etree.ElementTree as ElementTree

from tests import factories
from tests.fixtures.catalog import make_published_product

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _locations(response):
    root = ElementTree.fromstring(response.content)
    return [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]


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

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    locations = _locations(response)
    base = "https://shop.example.com"
    assert f"{base}/products/{shown.slug}/" in locations
    assert f"{base}/products/{hidden.slug}/" not in locations
    assert f"{base}/categories/heat-packs/" in locations
    assert f"{base}/collections/sciatica/" in locations
    assert f"{base}/collections/draft/" not in locations


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
