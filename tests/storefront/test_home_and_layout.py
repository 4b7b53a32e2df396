"""Home page, header and footer menus, and the error pages."""

from decimal import Decimal

from django.test import Client

from backend.storefront.views import catalog
from tests import factories
from tests.fixtures.catalog import make_published_product

from .helpers import shown_cards, texts_by_class


def _collection(channel, slug, name, *products, published=True):
    collection = factories.CollectionFactory(slug=slug, name=name)
    factories.CollectionChannelListingFactory(
        collection=collection, channel=channel, is_published=published
    )
    for index, product in enumerate(products):
        factories.CollectionProductFactory(
            collection=collection, product=product, sort_order=index
        )
    return collection


def test_home_shows_the_featured_collection_in_its_order(client, channel, warehouse):
    roller = make_published_product(
        channel=channel, warehouse=warehouse, name="Foam Roller", price=Decimal("29")
    )
    strap = make_published_product(
        channel=channel, warehouse=warehouse, name="Stretch Strap", price=Decimal("15")
    )
    _collection(channel, "featured-products", "Featured Products", roller, strap)

    response = client.get("/")

    assert response.status_code == 200
    assert texts_by_class(response, "hero")[0].startswith("Relief for sciatica")
    assert shown_cards(response) == [
        ("Foam Roller", "$29.00", "In stock"),
        ("Stretch Strap", "$15.00", "In stock"),
    ]


def test_home_features_the_collection_named_in_settings(
    client, channel, warehouse, settings
):
    strap = make_published_product(channel=channel, warehouse=warehouse, name="Strap")
    pad = make_published_product(channel=channel, warehouse=warehouse, name="Pad")
    _collection(channel, "featured-products", "Featured Products", strap)
    _collection(channel, "winter", "Winter Warmers", pad)
    settings.FEATURED_COLLECTION_SLUG = "winter"

    response = client.get("/")

    assert "Winter Warmers" in response.content.decode()
    assert [name for name, _, _ in shown_cards(response)] == ["Pad"]


def test_home_falls_back_to_the_first_published_collection(client, channel, warehouse):
    strap = make_published_product(channel=channel, warehouse=warehouse, name="Strap")
    pad = make_published_product(channel=channel, warehouse=warehouse, name="Pad")
    _collection(channel, "drafts", "Drafts", pad, published=False)
    _collection(channel, "sciatica", "Sciatica Essentials", strap)

    response = client.get("/")

    assert [name for name, _, _ in shown_cards(response)] == ["Strap"]


def test_home_lists_top_level_categories(client, db):
    parent = factories.CategoryFactory(name="Heat & Cold", slug="heat-and-cold")
    factories.CategoryFactory(name="Gel Packs", slug="gel", parent=parent)
    factories.CategoryFactory(name="Bundles", slug="bundles")

    response = client.get("/")

    assert texts_by_class(response, "category-list") == ["Bundles Heat & Cold"]


def test_header_and_footer_come_from_the_navbar_and_footer_menus(client, channel):
    category = factories.CategoryFactory(name="Stretch Straps", slug="stretch-straps")
    collection = factories.CollectionFactory(name="Sciatica", slug="sciatica")
    navbar = factories.MenuFactory(slug="navbar", name="Navbar")
    footer = factories.MenuFactory(slug="footer", name="Footer")
    stretching = factories.MenuItemFactory(menu=navbar, name="Stretching", sort_order=0)
    factories.MenuItemFactory(
        menu=navbar, name="Straps", category=category, parent=stretching, sort_order=0
    )
    factories.MenuItemFactory(menu=navbar, name="Bundles", sort_order=1)
    shop = factories.MenuItemFactory(menu=footer, name="Shop", sort_order=0)
    factories.MenuItemFactory(
        menu=footer, name="Sciatica kit", collection=collection, parent=shop
    )
    factories.MenuItemFactory(
        menu=footer, name="Blog", url="https://blog.example.com/", sort_order=1
    )

    response = client.get("/")
    html = response.content.decode()

    assert texts_by_class(response, "main-nav") == ["Stretching Straps Bundles Guides"]
    assert texts_by_class(response, "footer-nav") == ["Shop Sciatica kit Blog"]
    assert '<a href="/categories/stretch-straps/">Straps</a>' in html
    assert '<a href="/collections/sciatica/">Sciatica kit</a>' in html
    assert '<a href="https://blog.example.com/">Blog</a>' in html


def test_layout_has_landmarks_skip_link_and_labelled_search(client, db):
    html = client.get("/").content.decode()

    assert '<a class="skip-link" href="#main">Skip to content</a>' in html
    assert '<main id="main"' in html
    assert '<label for="site-search" class="visually-hidden">' in html
    assert '<form class="search-form" role="search"' in html
    assert '<link rel="canonical" href="https://shop.example.com/">' in html


def test_unknown_page_is_the_404_page_with_the_menus(client, db):
    factories.MenuItemFactory(
        menu=factories.MenuFactory(slug="navbar"), name="Bundles", url="/b/"
    )

    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert texts_by_class(response, "main-nav") == ["Bundles Guides"]
    assert "<h1>Page not found</h1>" in response.content.decode()


def test_server_error_renders_the_500_page(db, monkeypatch):
    def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr(catalog, "_featured_collection", broken)
    client = Client(raise_request_exception=False)

    response = client.get("/")

    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()
