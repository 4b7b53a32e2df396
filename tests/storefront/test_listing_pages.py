"""Category, collection and search pages as a shopper sees them."""

import re
from decimal import Decimal

from backend.storefront.views import listing
from tests import factories
from tests.fixtures.catalog import make_published_product

from .helpers import shown_cards, shown_names, tag, texts_by_class


def _category_with(channel, warehouse, *products):
    category = factories.CategoryFactory(name="Heat Packs", slug="heat-packs")
    for name, price, quantity in products:
        make_published_product(
            channel=channel,
            warehouse=warehouse,
            name=name,
            price=Decimal(price),
            quantity=quantity,
            category=category,
        )
    return category


def test_category_page_shows_names_prices_and_stock(client, channel, warehouse):
    _category_with(
        channel,
        warehouse,
        ("Moist Heat Pack", "24.50", 20),
        ("Gel Hot Cold Pack", "12.00", 3),
        ("Electric Heating Pad", "39.99", 0),
    )

    response = client.get("/categories/heat-packs/")

    assert response.status_code == 200
    assert shown_cards(response) == [
        ("Electric Heating Pad", "$39.99", "Out of stock"),
        ("Gel Hot Cold Pack", "$12.00", "Only 3 left"),
        ("Moist Heat Pack", "$24.50", "In stock"),
    ]


def test_category_page_shows_a_price_range_for_variants(client, channel, warehouse):
    category = factories.CategoryFactory(slug="straps")
    make_published_product(
        channel=channel,
        warehouse=warehouse,
        name="Stretch Strap",
        price=Decimal("14.00"),
        variants=3,
        category=category,
    )

    response = client.get("/categories/straps/")

    assert shown_cards(response) == [("Stretch Strap", "$14.00 – $16.00", "In stock")]


def test_category_page_lists_products_of_subcategories(client, channel, warehouse):
    parent = factories.CategoryFactory(name="Heat & Cold", slug="heat-and-cold")
    child = factories.CategoryFactory(name="Gel Packs", slug="gel", parent=parent)
    other = factories.CategoryFactory(slug="other")
    make_published_product(
        channel=channel, warehouse=warehouse, name="Gel Pack", category=child
    )
    make_published_product(
        channel=channel, warehouse=warehouse, name="Foam Roller", category=other
    )

    response = client.get("/categories/heat-and-cold/")

    assert shown_names(response) == ["Gel Pack"]
    assert "Gel Packs" in texts_by_class(response, "category-list")[0]


def test_unlisted_and_unpublished_products_are_not_listed(client, channel, warehouse):
    category = _category_with(channel, warehouse, ("Visible", "10", 5))
    hidden = make_published_product(
        channel=channel, warehouse=warehouse, name="Hidden", category=category
    )
    hidden.channel_listings.update(visible_in_listings=False)
    draft = make_published_product(
        channel=channel, warehouse=warehouse, name="Draft", category=category
    )
    draft.channel_listings.update(is_published=False)

    response = client.get("/categories/heat-packs/")

    assert shown_names(response) == ["Visible"]


def test_therapy_and_condition_filters_narrow_the_list(client, channel, warehouse):
    category = factories.CategoryFactory(slug="relief")
    heat = make_published_product(
        channel=channel, warehouse=warehouse, name="Heat Pack", category=category
    )
    tens = make_published_product(
        channel=channel, warehouse=warehouse, name="TENS Unit", category=category
    )
    roller = make_published_product(
        channel=channel, warehouse=warehouse, name="Foam Roller", category=category
    )
    tag(heat, attribute_slug="therapy", value_slug="heat")
    tag(tens, attribute_slug="therapy", value_slug="electrotherapy")
    tag(roller, attribute_slug="therapy", value_slug="massage")
    tag(heat, attribute_slug="conditions", value_slug="sciatica")
    tag(roller, attribute_slug="conditions", value_slug="sciatica")

    by_therapy = client.get("/categories/relief/?therapy=heat&therapy=electrotherapy")
    by_both = client.get("/categories/relief/?therapy=massage&conditions=sciatica")

    assert shown_names(by_therapy) == ["Heat Pack", "TENS Unit"]
    assert shown_names(by_both) == ["Foam Roller"]
    assert re.search(
        r'value="heat" id="id_therapy_\d+" checked>', by_therapy.content.decode()
    )


def test_price_and_in_stock_filters_narrow_the_list(client, channel, warehouse):
    _category_with(
        channel,
        warehouse,
        ("Cheap", "5.00", 5),
        ("Middle", "20.00", 5),
        ("Middle sold out", "22.00", 0),
        ("Dear", "80.00", 5),
    )

    response = client.get(
        "/categories/heat-packs/?price_min=10&price_max=50&in_stock=on"
    )

    assert shown_names(response) == ["Middle"]


def test_sort_orders_the_list(client, channel, warehouse):
    _category_with(
        channel, warehouse, ("B", "30.00", 5), ("A", "20.00", 5), ("C", "10.00", 5)
    )

    by_name = client.get("/categories/heat-packs/")
    cheapest = client.get("/categories/heat-packs/?sort=price")
    dearest = client.get("/categories/heat-packs/?sort=-price")
    newest = client.get("/categories/heat-packs/?sort=newest")

    assert shown_names(by_name) == ["A", "B", "C"]
    assert shown_names(cheapest) == ["C", "A", "B"]
    assert shown_names(dearest) == ["B", "A", "C"]
    assert shown_names(newest) == ["C", "A", "B"]


def test_pagination_keeps_filters_and_clamps_the_page(
    client, channel, warehouse, monkeypatch
):
    monkeypatch.setattr(listing, "CATALOG_PAGE_SIZE", 2)
    _category_with(
        channel,
        warehouse,
        ("A", "10", 5),
        ("B", "11", 5),
        ("C", "12", 5),
        ("D", "13", 0),
    )

    first = client.get("/categories/heat-packs/?in_stock=on")
    past_the_end = client.get("/categories/heat-packs/?in_stock=on&page=999")
    not_a_number = client.get("/categories/heat-packs/?page=abc")

    assert shown_names(first) == ["A", "B"]
    assert texts_by_class(first, "pagination") == ["Page 1 of 2 Next"]
    assert 'href="?in_stock=on&amp;page=2"' in first.content.decode()
    assert past_the_end.status_code == 200
    assert shown_names(past_the_end) == ["C"]
    assert shown_names(not_a_number) == ["A", "B"]


def test_bad_filter_input_is_a_form_error_not_a_failure(client, channel, warehouse):
    _category_with(channel, warehouse, ("A", "10", 5), ("B", "90", 5))

    response = client.get(
        "/categories/heat-packs/?price_min=abc&price_max=50&sort=cheapest&therapy=nope"
    )

    assert response.status_code == 200
    assert texts_by_class(response, "field-error") == [
        "Enter a number.",
        "Select a valid choice. cheapest is not one of the available choices.",
    ]
    assert shown_names(response) == ["A"]


def test_min_price_above_max_price_is_a_form_error(client, channel, warehouse):
    _category_with(channel, warehouse, ("A", "10", 5))

    response = client.get("/categories/heat-packs/?price_min=50&price_max=10")

    assert texts_by_class(response, "field-error") == [
        "Max price must not be below the min price."
    ]


def test_unknown_category_is_the_404_page(client, db):
    response = client.get("/categories/no-such-thing/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_collection_page_lists_its_products(client, channel, warehouse):
    collection = factories.CollectionFactory(
        name="Sciatica Essentials", slug="sciatica"
    )
    factories.CollectionChannelListingFactory(collection=collection, channel=channel)
    strap = make_published_product(
        channel=channel, warehouse=warehouse, name="Strap", price=Decimal("14.95")
    )
    make_published_product(channel=channel, warehouse=warehouse, name="Not in it")
    factories.CollectionProductFactory(collection=collection, product=strap)

    response = client.get("/collections/sciatica/")

    assert texts_by_class(response, "result-count") == ["1 product"]
    assert shown_cards(response) == [("Strap", "$14.95", "In stock")]


def test_unpublished_collection_is_not_found(client, channel):
    collection = factories.CollectionFactory(slug="draft")
    factories.CollectionChannelListingFactory(
        collection=collection, channel=channel, is_published=False
    )

    assert client.get("/collections/draft/").status_code == 404


def test_search_page_finds_products_by_name_and_sku(client, channel, warehouse):
    roller = make_published_product(
        channel=channel, warehouse=warehouse, name="Foam Roller", price=Decimal("29")
    )
    make_published_product(channel=channel, warehouse=warehouse, name="Heat Pack")
    roller.variants.update(sku="ROLL-45")

    by_name = client.get("/search/?q=roller")
    by_sku = client.get("/search/?q=roll-45")

    assert shown_cards(by_name) == [("Foam Roller", "$29.00", "In stock")]
    assert shown_names(by_sku) == ["Foam Roller"]


def test_search_page_without_text_lists_nothing(client, channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Foam Roller")

    response = client.get("/search/")

    assert response.status_code == 200
    assert shown_names(response) == []


def test_search_page_asks_search_engines_not_to_index_it(client, db):
    html = client.get("/search/?q=strap").content.decode()

    assert '<meta name="robots" content="noindex">' in html


def test_category_page_is_indexable_with_a_canonical_link(client, channel, warehouse):
    _category_with(channel, warehouse, ("A", "10", 5))

    html = client.get("/categories/heat-packs/?sort=price&page=1").content.decode()

    assert '<meta name="robots"' not in html
    assert (
        '<link rel="canonical" href="https://shop.example.com/categories/heat-packs/">'
        in html
    )
