"""products, categories and collections lists: filters, sorting, pages."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.api.queries.conftest import errors_of, global_id

PRODUCTS = """
query ($filter: ProductFilterInput, $where: ProductWhereInput, $sortBy: ProductOrder,
       $search: String, $first: Int, $after: String, $last: Int, $before: String) {
  products(channel: "default-channel", filter: $filter, where: $where,
           sortBy: $sortBy, search: $search, first: $first, after: $after,
           last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { name } }
  }
}
"""


def names(result) -> list[str]:
    return [edge["node"]["name"] for edge in result["data"]["products"]["edges"]]


def test_sort_by_price_ascending_and_descending(api, make_product):
    make_product(name="Mid", price=Decimal("20"))
    make_product(name="Cheap", price=Decimal("5"))
    make_product(name="Dear", price=Decimal("90"))

    ascending = api(
        PRODUCTS, {"first": 10, "sortBy": {"field": "PRICE", "direction": "ASC"}}
    )
    descending = api(
        PRODUCTS, {"first": 10, "sortBy": {"field": "PRICE", "direction": "DESC"}}
    )

    assert names(ascending) == ["Cheap", "Mid", "Dear"]
    assert names(descending) == ["Dear", "Mid", "Cheap"]


def test_sort_by_price_orders_by_the_joined_listing_price(api, make_product):
    # A price read per product by a subquery sorts every product of the
    # channel before the first page (4-7 s at 50,000 products); the joined
    # listing's column lets PostgreSQL walk product_listing_price.
    make_product(name="Cheap", price=Decimal("5"))

    with CaptureQueriesContext(connection) as captured:
        api(PRODUCTS, {"first": 10, "sortBy": {"field": "PRICE", "direction": "ASC"}})

    (page,) = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith('SELECT "product_product"."id"')
    ]
    order_by = page.rsplit(" ORDER BY ", 1)[1]
    assert order_by.startswith(
        '"product_productchannellisting"."discounted_price_amount" ASC'
    )


def test_product_lists_leave_out_the_search_columns(api, make_product):
    # A price tie's rows pass whole through the sort: the vectors (about
    # 1 kB a product) stay in the database.
    make_product(name="Cheap", price=Decimal("5"))

    with CaptureQueriesContext(connection) as captured:
        result = api(
            PRODUCTS, {"first": 10, "sortBy": {"field": "PRICE", "direction": "ASC"}}
        )

    assert names(result) == ["Cheap"]
    (page,) = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith('SELECT "product_product"."id"')
    ]
    select = page.split(" FROM ", 1)[0]
    assert "search_vector" not in select
    assert "name_vector" not in select
    assert "search_document" not in select


def test_sort_by_name_and_created_at(api, make_product):
    for name in ("Roller", "Ball", "Strap"):
        make_product(name=name)

    by_name = api(
        PRODUCTS, {"first": 10, "sortBy": {"field": "NAME", "direction": "ASC"}}
    )
    newest = api(
        PRODUCTS, {"first": 10, "sortBy": {"field": "CREATED_AT", "direction": "DESC"}}
    )

    assert names(by_name) == ["Ball", "Roller", "Strap"]
    assert names(newest) == ["Strap", "Ball", "Roller"]


def test_sorting_by_rank_needs_a_search(api, make_product):
    make_product(name="Roller")

    result = api(
        PRODUCTS, {"first": 5, "sortBy": {"field": "RANK", "direction": "DESC"}}
    )

    assert errors_of(result) == [
        "Sorting by RANK is available only when using a search filter."
    ]


def test_search_matches_every_word(api, make_product):
    make_product(name="Foam Roller Firm")
    make_product(name="Foam Block")
    make_product(name="Massage Ball")

    result = api(PRODUCTS, {"first": 10, "search": "foam roller"})
    legacy = api(PRODUCTS, {"first": 10, "filter": {"search": "foam"}})

    assert names(result) == ["Foam Roller Firm"]
    assert sorted(names(legacy)) == ["Foam Block", "Foam Roller Firm"]


@pytest.mark.parametrize("text", ["%", "_", "  ", "!?"])
@pytest.mark.parametrize("argument", ["search", "filter"])
def test_a_search_without_a_word_answers_without_an_error(
    api, make_product, text, argument
):
    make_product(name="Foam Roller")
    variables = {"first": 10, "sortBy": {"field": "RANK", "direction": "DESC"}}
    if argument == "search":
        variables["search"] = text
    else:
        variables["filter"] = {"search": text}

    result = api(PRODUCTS, variables)
    unsorted = api(PRODUCTS, {"first": 10, argument: variables.get(argument)})

    assert errors_of(result) == errors_of(unsorted) == []
    # Blank text searches nothing away; punctuation alone matches nothing.
    assert (
        names(result)
        == names(unsorted)
        == (["Foam Roller"] if not text.strip() else [])
    )


def test_filter_by_category_includes_subcategories(api, make_product):
    heat = factories.CategoryFactory(name="Heat")
    gel = factories.CategoryFactory(name="Gel", parent=heat)
    make_product(name="Hot Pack", category=heat)
    make_product(name="Gel Pack", category=gel)
    make_product(name="Strap")

    result = api(PRODUCTS, {"first": 10, "filter": {"categories": [global_id(heat)]}})

    assert sorted(names(result)) == ["Gel Pack", "Hot Pack"]


def test_filter_by_attribute_value_slugs(api, make_product):
    conditions = factories.AttributeFactory(slug="conditions")
    sciatica = factories.AttributeValueFactory(attribute=conditions, slug="sciatica")
    neck = factories.AttributeValueFactory(attribute=conditions, slug="neck-pain")
    strap = make_product(name="Strap")
    collar = make_product(name="Collar")
    factories.AssignedProductAttributeValueFactory(product=strap, value=sciatica)
    factories.AssignedProductAttributeValueFactory(product=collar, value=neck)

    result = api(
        PRODUCTS,
        {
            "first": 10,
            "filter": {"attributes": [{"slug": "conditions", "values": ["sciatica"]}]},
        },
    )

    assert names(result) == ["Strap"]


def test_filter_by_price_range_and_stock(api, make_product):
    make_product(name="Cheap", price=Decimal("5"))
    make_product(name="Mid", price=Decimal("20"))
    make_product(name="Mid Sold Out", price=Decimal("25"), quantity=0)

    in_range = api(PRODUCTS, {"first": 10, "filter": {"price": {"gte": 10, "lte": 30}}})
    in_stock = api(
        PRODUCTS,
        {
            "first": 10,
            "filter": {"price": {"gte": 10}, "stockAvailability": "IN_STOCK"},
        },
    )
    sold_out = api(
        PRODUCTS, {"first": 10, "filter": {"stockAvailability": "OUT_OF_STOCK"}}
    )

    assert sorted(names(in_range)) == ["Mid", "Mid Sold Out"]
    assert names(in_stock) == ["Mid"]
    assert names(sold_out) == ["Mid Sold Out"]


def test_where_name_and_or(api, make_product):
    for name in ("Roller", "Ball", "Strap"):
        make_product(name=name)

    result = api(
        PRODUCTS,
        {
            "first": 10,
            "where": {"OR": [{"name": {"eq": "Ball"}}, {"name": {"oneOf": ["Strap"]}}]},
            "sortBy": {"field": "NAME", "direction": "ASC"},
        },
    )

    assert names(result) == ["Ball", "Strap"]


def test_cursor_pagination_forward_and_backward(api, make_product):
    for index in range(5):
        make_product(name=f"Product {index}")
    order = {"field": "NAME", "direction": "ASC"}

    first_page = api(PRODUCTS, {"first": 2, "sortBy": order})
    cursor = first_page["data"]["products"]["pageInfo"]["endCursor"]
    second_page = api(PRODUCTS, {"first": 2, "after": cursor, "sortBy": order})
    before = second_page["data"]["products"]["pageInfo"]["startCursor"]
    back = api(PRODUCTS, {"last": 2, "before": before, "sortBy": order})

    assert names(first_page) == ["Product 0", "Product 1"]
    assert first_page["data"]["products"]["totalCount"] == 5
    assert first_page["data"]["products"]["pageInfo"]["hasNextPage"] is True
    assert names(second_page) == ["Product 2", "Product 3"]
    assert second_page["data"]["products"]["pageInfo"]["hasPreviousPage"] is True
    assert names(back) == ["Product 0", "Product 1"]


def test_page_size_over_100_is_refused(api, channel):
    result = api(PRODUCTS, {"first": 101})

    assert errors_of(result) == [
        "Requesting 101 records on the `products` connection exceeds the `first` "
        "limit of 100 records."
    ]


def test_first_and_last_together_are_refused(api, channel):
    result = api(PRODUCTS, {"first": 2, "last": 2})

    assert errors_of(result) == ["Argument `last` cannot be combined with `first`."]


def test_categories_by_slugs_and_level(api, channel):
    heat = factories.CategoryFactory(name="Heat", slug="heat")
    factories.CategoryFactory(name="Gel", slug="gel", parent=heat)
    factories.CategoryFactory(name="Straps", slug="straps")

    by_slug = api(
        """{ categories(first: 5, filter: {slugs: ["heat", "gel"]}) {
          edges { node { slug level parent { slug } } } } }"""
    )
    top = api(
        """{ categories(first: 5, level: 0, sortBy: {field: NAME, direction: DESC}) {
          edges { node { slug } } } }"""
    )

    assert sorted(
        (edge["node"]["slug"], edge["node"]["level"], edge["node"]["parent"])
        for edge in by_slug["data"]["categories"]["edges"]
    ) == [("gel", 1, {"slug": "heat"}), ("heat", 0, None)]
    assert [e["node"]["slug"] for e in top["data"]["categories"]["edges"]] == [
        "straps",
        "heat",
    ]


def test_category_products_are_the_published_ones(
    api, make_product, unpublished_product
):
    category = factories.CategoryFactory(slug="heat")
    make_product(name="Hot Pack", category=category)
    unpublished_product.category = category
    unpublished_product.save()

    result = api(
        """{ category(slug: "heat") { products(first: 5, channel: "default-channel") {
          totalCount edges { node { name } } } } }"""
    )

    assert result["data"]["category"]["products"] == {
        "totalCount": 1,
        "edges": [{"node": {"name": "Hot Pack"}}],
    }


def test_collections_hide_unpublished_ones_from_shoppers(api, channel, make_product):
    featured = factories.CollectionFactory(name="Featured", slug="featured")
    factories.CollectionChannelListingFactory(collection=featured, channel=channel)
    draft = factories.CollectionFactory(name="Draft", slug="draft")
    factories.CollectionChannelListingFactory(
        collection=draft, channel=channel, is_published=False
    )
    factories.CollectionProductFactory(
        collection=featured, product=make_product(name="Roller")
    )

    listed = api(
        """{ collections(first: 5, channel: "default-channel") {
          edges { node { slug channel products(first: 5) { edges { node { name } } } } }
        } }"""
    )
    draft_result = api(
        '{ collection(slug: "draft", channel: "default-channel") { id } }'
    )

    assert listed["data"]["collections"]["edges"] == [
        {
            "node": {
                "slug": "featured",
                "channel": "default-channel",
                "products": {"edges": [{"node": {"name": "Roller"}}]},
            }
        }
    ]
    assert draft_result["data"]["collection"] is None


def test_filter_with_an_id_of_another_type_is_a_saleor_error(api, make_product):
    product = make_product(name="Strap")

    result = api(PRODUCTS, {"first": 5, "filter": {"categories": [global_id(product)]}})

    assert result["data"] == {"products": None}
    assert errors_of(result) == [
        f"Invalid ID: {global_id(product)}. Expected: Category, received: Product."
    ]


def test_product_variants_query_hides_unpriced_variants_from_shoppers(
    api, make_product
):
    product = make_product(name="Strap", variants=2)
    priced, unpriced = product.variants.order_by("sku")
    unpriced.channel_listings.update(price_amount=None)
    query = """{ productVariants(first: 10, channel: "default-channel") {
      totalCount edges { node { sku } } } }"""

    shopper = api(query)

    assert shopper["data"]["productVariants"] == {
        "totalCount": 1,
        "edges": [{"node": {"sku": priced.sku}}],
    }


def test_where_attribute_value_slug_and_numeric_filters(api, make_product):
    therapy = factories.AttributeFactory(slug="therapy")
    heat = factories.AttributeValueFactory(attribute=therapy, slug="heat")
    cold = factories.AttributeValueFactory(attribute=therapy, slug="cold")
    density = factories.AttributeFactory(slug="density", input_type="numeric")
    firm = factories.AttributeValueFactory(
        attribute=density, slug="firm", numeric=Decimal("45")
    )
    hot_pack = make_product(name="Hot Pack")
    ice_pack = make_product(name="Ice Pack")
    roller = make_product(name="Roller")
    factories.AssignedProductAttributeValueFactory(product=hot_pack, value=heat)
    factories.AssignedProductAttributeValueFactory(product=ice_pack, value=cold)
    factories.AssignedProductAttributeValueFactory(product=roller, value=firm)

    by_slug = api(
        PRODUCTS,
        {
            "first": 10,
            "where": {
                "attributes": [
                    {"slug": "therapy", "value": {"slug": {"oneOf": ["heat"]}}}
                ]
            },
        },
    )
    by_number = api(
        PRODUCTS,
        {
            "first": 10,
            "where": {
                "attributes": [
                    {"slug": "density", "value": {"numeric": {"range": {"gte": 40}}}}
                ]
            },
        },
    )

    assert names(by_slug) == ["Hot Pack"]
    assert names(by_number) == ["Roller"]


def test_where_attribute_reference_to_a_product_slug(api, make_product):
    pairs_with = factories.AttributeFactory(
        slug="pairs-with", input_type="reference", entity_type="Product"
    )
    pads = make_product(name="Electrode Pads")
    unit = make_product(name="TENS Unit")
    make_product(name="Roller")
    reference = factories.AttributeValueFactory(
        attribute=pairs_with, slug="pads-ref", reference_product=pads
    )
    factories.AssignedProductAttributeValueFactory(product=unit, value=reference)

    result = api(
        PRODUCTS,
        {
            "first": 10,
            "where": {
                "attributes": [
                    {
                        "slug": "pairs-with",
                        "value": {
                            "reference": {"productSlugs": {"containsAny": [pads.slug]}}
                        },
                    }
                ]
            },
        },
    )

    assert names(result) == ["TENS Unit"]


def test_product_variants_where_attribute_value(api, make_product):
    size = factories.AttributeFactory(slug="size")
    large = factories.AttributeValueFactory(attribute=size, slug="large")
    product = make_product(name="Strap", variants=2)
    chosen, _ = product.variants.order_by("sku")
    factories.AssignedVariantAttributeValueFactory(variant=chosen, value=large)
    where = {"attributes": [{"slug": "size", "value": {"slug": {"eq": "large"}}}]}

    top_level = api(
        """query ($where: ProductVariantWhereInput) {
          productVariants(first: 5, channel: "default-channel", where: $where) {
            edges { node { sku } } } }""",
        {"where": where},
    )
    nested = api(
        """query ($slug: String!, $where: ProductVariantWhereInput) {
          product(slug: $slug, channel: "default-channel") {
            productVariants(first: 5, where: $where) { edges { node { sku } } } } }""",
        {"slug": product.slug, "where": where},
    )

    expected = {"edges": [{"node": {"sku": chosen.sku}}]}
    assert top_level["data"]["productVariants"] == expected
    assert nested["data"]["product"]["productVariants"] == expected
