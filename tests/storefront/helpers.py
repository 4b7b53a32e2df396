"""Building blocks for storefront page tests."""

import json
import re
import xml.etree.ElementTree as ElementTree
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.test import Client

from tests import factories
from tests.fixtures.catalog import make_published_product


def tag(product, *, attribute_slug, value_slug, value_name=None):
    """Give the product an attribute value, creating the attribute if needed."""
    attribute, _ = factories.AttributeFactory._meta.model.objects.get_or_create(
        slug=attribute_slug,
        defaults={"name": attribute_slug.title(), "type": "product-type"},
    )
    value, _ = attribute.values.get_or_create(
        slug=value_slug, defaults={"name": value_name or value_slug.title()}
    )
    factories.AssignedProductAttributeValueFactory(value=value, product=product)
    return value


def make_products(count, *, channel, warehouse, category=None, collection=None):
    """Create published products P00.., priced 10.00, 11.00, ..."""
    products = []
    for index in range(count):
        product = make_published_product(
            channel=channel,
            warehouse=warehouse,
            name=f"P{index:02d}",
            price=Decimal(10 + index),
            category=category,
            variants=2,
        )
        if collection is not None:
            factories.CollectionProductFactory(
                collection=collection, product=product, sort_order=index
            )
        products.append(product)
    return products


VOID_TAGS = {
    "area",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
}


class _ClassTextParser(HTMLParser):
    def __init__(self, class_name):
        super().__init__()
        self.class_name = class_name
        self.found: list[str] = []
        self._depth = 0
        self._parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        if self._depth:
            self._depth += 1
            self._parts.append(" ")
        elif self.class_name in (dict(attrs).get("class") or "").split():
            self._depth = 1
            self._parts = []

    def handle_endtag(self, tag):
        if tag in VOID_TAGS or not self._depth:
            return
        self._depth -= 1
        self._parts.append(" ")
        if not self._depth:
            self.found.append(" ".join("".join(self._parts).split()))

    def handle_data(self, data):
        if self._depth:
            self._parts.append(data)


def texts_by_class(html, class_name):
    """Return the whitespace-normalised text of each element with the class."""
    if not isinstance(html, str):
        html = html.content.decode()
    parser = _ClassTextParser(class_name)
    parser.feed(html)
    return parser.found


def shown_cards(response):
    """Return (name, price, stock) of each product card, as a shopper reads them."""
    html = response.content.decode()
    cards = []
    for segment in html.split('<article class="product-card">')[1:]:
        card = segment.split("</article>", 1)[0]
        (name,) = texts_by_class(card, "product-name")
        (price,) = texts_by_class(card, "price") or [""]
        (stock,) = texts_by_class(card, "stock")
        cards.append((name, price, stock))
    return cards


def shown_names(response):
    return [name for name, _, _ in shown_cards(response)]


def json_ld(response):
    """Return the parsed JSON-LD blocks of the page."""
    html = response.content.decode()
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return [json.loads(block) for block in blocks]


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client) -> dict[str, str | None]:
    """Follow sitemap.xml's index: every address listed, with its lastmod."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert index["Content-Type"] == "application/xml"
    entries = {}
    root = ElementTree.fromstring(index.content)
    for location in root.findall("s:sitemap/s:loc", SITEMAP_NS):
        page = client.get(urlsplit(location.text).path)
        assert page.status_code == 200
        for url in ElementTree.fromstring(page.content).findall("s:url", SITEMAP_NS):
            entries[url.findtext("s:loc", namespaces=SITEMAP_NS)] = url.findtext(
                "s:lastmod", namespaces=SITEMAP_NS
            )
    return entries


def read(url):
    """GET as a new anonymous shopper; return the response."""
    response = Client().get(url)
    assert response.status_code == 200, url
    return response


def cached(url) -> bool:
    return read(url)["X-Cache"] == "hit"


def warm(*urls):
    for url in urls:
        read(url)
        assert cached(url), url
