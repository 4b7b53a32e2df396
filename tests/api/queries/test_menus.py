"""menu and menus queries: trees, links, visibility per channel, translations."""

import pytest

from backend.menu.models import MenuItemTranslation
from tests import factories
from tests.api.mutations.conftest import global_id
from tests.fixtures.catalog import make_published_product

MENU_QUERY = """
query Menu($slug: String, $name: String, $id: ID, $channel: String) {
  menu(slug: $slug, name: $name, id: $id, channel: $channel) {
    name slug
    items {
      name level url
      translation(languageCode: ES) { name }
      category { slug }
      collection { slug }
      page { slug title }
      children { name level category { slug } children { name } }
    }
  }
}
"""


@pytest.fixture
def navbar(channel):
    menu = factories.MenuFactory(name="Navbar", slug="navbar")
    stretching = factories.CategoryFactory(name="Stretching", slug="stretching")
    straps = factories.CategoryFactory(name="Straps", slug="straps", parent=stretching)
    top = factories.MenuItemFactory(
        menu=menu, name="Stretching", category=stretching, sort_order=0
    )
    factories.MenuItemFactory(
        menu=menu, name="Straps", category=straps, parent=top, sort_order=0
    )
    MenuItemTranslation.objects.create(
        menu_item=top, language_code="es", name="Estiramiento"
    )
    factories.MenuItemFactory(
        menu=menu, name="Blog", url="https://example.com/blog", sort_order=1
    )
    return menu


def test_menu_by_slug_returns_its_tree_with_links_and_translations(api, navbar):
    data = api(MENU_QUERY, {"slug": "navbar"})["data"]["menu"]

    assert data == {
        "name": "Navbar",
        "slug": "navbar",
        "items": [
            {
                "name": "Stretching",
                "level": 0,
                "url": None,
                "translation": {"name": "Estiramiento"},
                "category": {"slug": "stretching"},
                "collection": None,
                "page": None,
                "children": [
                    {
                        "name": "Straps",
                        "level": 1,
                        "category": {"slug": "straps"},
                        "children": [],
                    }
                ],
            },
            {
                "name": "Blog",
                "level": 0,
                "url": "https://example.com/blog",
                "translation": None,
                "category": None,
                "collection": None,
                "page": None,
                "children": [],
            },
        ],
    }


def test_menu_by_name_and_by_id_find_the_same_menu(api, navbar):
    by_name = api(MENU_QUERY, {"name": "Navbar"})["data"]["menu"]
    by_id = api(MENU_QUERY, {"id": global_id(navbar)})["data"]["menu"]

    assert by_name["slug"] == by_id["slug"] == "navbar"


def test_unknown_menu_is_null(api, navbar):
    result = api(MENU_QUERY, {"slug": "nowhere"})

    assert result == {"data": {"menu": None}}


def test_menu_for_an_unknown_channel_is_saleor_s_error(api, navbar):
    result = api(MENU_QUERY, {"slug": "navbar", "channel": "nowhere"})

    assert result["data"]["menu"] is None
    assert (
        result["errors"][0]["message"] == "Channel with 'nowhere' slug does not exist."
    )


def _collection_item(channel, *, published):
    menu = factories.MenuFactory(slug="footer")
    collection = factories.CollectionFactory(slug="featured")
    factories.CollectionChannelListingFactory(
        collection=collection, channel=channel, is_published=published
    )
    factories.MenuItemFactory(menu=menu, name="Featured", collection=collection)
    return menu


def test_menu_item_links_a_collection_published_in_the_channel(api, channel):
    _collection_item(channel, published=True)

    data = api(MENU_QUERY, {"slug": "footer", "channel": channel.slug})["data"]

    assert data["menu"]["items"][0]["collection"] == {"slug": "featured"}


def test_menu_item_hides_a_collection_unpublished_in_the_channel(api, channel):
    _collection_item(channel, published=False)

    data = api(MENU_QUERY, {"slug": "footer", "channel": channel.slug})["data"]

    assert data["menu"]["items"][0]["name"] == "Featured"
    assert data["menu"]["items"][0]["collection"] is None


def test_menu_item_hides_an_unpublished_page_from_a_shopper(api, channel):
    menu = factories.MenuFactory(slug="info")
    draft = factories.PageFactory(slug="draft", is_published=False)
    published = factories.PageFactory(slug="about", title="About us")
    factories.MenuItemFactory(menu=menu, name="Draft", page=draft, sort_order=0)
    factories.MenuItemFactory(menu=menu, name="About", page=published, sort_order=1)

    data = api(MENU_QUERY, {"slug": "info"})["data"]["menu"]

    assert [item["page"] for item in data["items"]] == [
        None,
        {"slug": "about", "title": "About us"},
    ]


MENUS_QUERY = """
query Menus($filter: MenuFilterInput, $sortBy: MenuSortingInput) {
  menus(first: 20, filter: $filter, sortBy: $sortBy) {
    totalCount
    edges { node { slug items { name children { name } } } }
  }
}
"""


def _menu_slugs(result):
    return [edge["node"]["slug"] for edge in result["data"]["menus"]["edges"]]


def test_menus_filter_by_slugs(api, channel):
    for slug in ("navbar", "footer", "legal"):
        factories.MenuFactory(slug=slug, name=slug.title())

    result = api(MENUS_QUERY, {"filter": {"slugs": ["navbar", "legal"]}})

    assert sorted(_menu_slugs(result)) == ["legal", "navbar"]
    assert result["data"]["menus"]["totalCount"] == 2


def test_menus_sort_by_items_count_descending(api, channel):
    small = factories.MenuFactory(slug="small")
    big = factories.MenuFactory(slug="big")
    factories.MenuItemFactory(menu=small)
    for _ in range(3):
        factories.MenuItemFactory(menu=big)

    result = api(MENUS_QUERY, {"sortBy": {"field": "ITEMS_COUNT", "direction": "DESC"}})

    assert _menu_slugs(result) == ["big", "small"]


@pytest.mark.parametrize("count", [2, 12])
def test_menus_with_items_run_fixed_queries_for_any_count(
    api, channel, count, django_assert_num_queries, settings
):
    settings.GRAPHQL_RESPONSE_CACHE = False  # count the resolvers' own queries
    category = factories.CategoryFactory()
    for index in range(count):
        menu = factories.MenuFactory()
        top = factories.MenuItemFactory(menu=menu, category=category)
        factories.MenuItemFactory(menu=menu, parent=top, name=f"Child {index}")
    query = """
    query { menus(first: 100) { totalCount edges { node { slug items {
      name category { slug } translation(languageCode: ES) { name }
      children { name category { slug } }
    } } } } }
    """

    # Channels, menus, count, items, categories, translations.
    with django_assert_num_queries(6):
        result = api(query)

    assert result["data"]["menus"]["totalCount"] == count


PAGE_LINK_QUERY = """
query { menu(slug: "articles") { items { page {
  title pageType { slug }
  assignedAttributes {
    attribute { slug }
    ... on AssignedMultiProductReferenceAttribute { value { slug } }
  }
  attributes { attribute { slug } values { reference } }
} } } }
"""


def test_menu_item_page_carries_its_type_and_product_references(
    api, channel, warehouse
):
    from backend.attribute.models import (
        AssignedPageAttributeValue,
        AttributePage,
        AttributeValue,
    )

    visible = make_published_product(channel=channel, warehouse=warehouse, name="Strap")
    hidden = factories.ProductFactory(slug="unlisted")
    page = factories.PageFactory(title="Sciatica stretches", slug="stretches")
    featured = factories.AttributeFactory(
        slug="featured-products",
        type="page-type",
        input_type="reference",
        entity_type="Product",
    )
    AttributePage.objects.create(attribute=featured, page_type=page.page_type)
    for index, product in enumerate([visible, hidden]):
        value = AttributeValue.objects.create(
            attribute=featured,
            name=product.name,
            slug=f"ref-{index}",
            reference_product=product,
        )
        AssignedPageAttributeValue.objects.create(page=page, value=value)
    menu = factories.MenuFactory(slug="articles")
    factories.MenuItemFactory(menu=menu, name="Stretches", page=page)

    data = api(PAGE_LINK_QUERY)["data"]["menu"]["items"][0]["page"]

    assert data["title"] == "Sciatica stretches"
    assert data["pageType"] == {"slug": page.page_type.slug}
    assert data["assignedAttributes"] == [
        {"attribute": {"slug": "featured-products"}, "value": [{"slug": visible.slug}]}
    ]
    assert data["attributes"][0]["values"][0]["reference"] == global_id(visible)
