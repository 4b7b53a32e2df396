"""Saleor's channel rules: what a shopper and what staff can see."""

from tests.api.queries.conftest import errors_of, global_id

PRODUCT = """
query ($slug: String!, $channel: String) {
  product(slug: $slug, channel: $channel) { id name channel }
}
"""
PRODUCTS = """
query ($channel: String) {
  products(first: 10, channel: $channel) { totalCount edges { node { name } } }
}
"""


def test_unpublished_product_does_not_exist_for_a_shopper(api, unpublished_product):
    variables = {"slug": unpublished_product.slug, "channel": "default-channel"}

    result = api(PRODUCT, variables)

    assert result == {"data": {"product": None}}


def test_unpublished_product_is_visible_to_staff_with_manage_products(
    staff_api, unpublished_product
):
    result = staff_api(
        PRODUCT, {"slug": unpublished_product.slug, "channel": "default-channel"}
    )

    assert result["data"]["product"] == {
        "id": global_id(unpublished_product),
        "name": "Hidden Heat Pack",
        "channel": "default-channel",
    }


def test_unpublished_product_is_left_out_of_a_shoppers_list(
    api, make_product, unpublished_product
):
    make_product(name="Stretch Strap")

    result = api(PRODUCTS, {"channel": "default-channel"})

    assert result["data"]["products"] == {
        "totalCount": 1,
        "edges": [{"node": {"name": "Stretch Strap"}}],
    }


def test_staff_list_includes_unpublished_products(
    staff_api, make_product, unpublished_product
):
    make_product(name="Stretch Strap")

    result = staff_api(PRODUCTS, {"channel": "default-channel"})

    names = [edge["node"]["name"] for edge in result["data"]["products"]["edges"]]
    assert sorted(names) == ["Hidden Heat Pack", "Stretch Strap"]


def test_product_hidden_from_listings_is_left_out_of_lists_but_found_by_slug(
    api, make_product
):
    product = make_product(name="Bundle Only Roller")
    product.channel_listings.update(visible_in_listings=False)

    listed = api(PRODUCTS, {"channel": "default-channel"})
    found = api(PRODUCT, {"slug": product.slug, "channel": "default-channel"})

    assert listed["data"]["products"]["edges"] == []
    assert found["data"]["product"]["name"] == "Bundle Only Roller"


def test_shopper_without_channel_reads_the_only_channel(api, make_product):
    make_product(name="Stretch Strap")

    result = api(PRODUCTS)

    assert result["data"]["products"]["edges"] == [{"node": {"name": "Stretch Strap"}}]


def test_unknown_channel_is_a_saleor_error_not_a_crash(api, make_product):
    make_product(name="Stretch Strap")

    result = api(PRODUCTS, {"channel": "no-such-channel"})

    assert result["data"] == {"products": None}
    assert errors_of(result) == ["Channel with 'no-such-channel' slug does not exist."]
    assert result["errors"][0]["extensions"]["exception"]["code"] == "NOT_FOUND"


def test_invalid_product_id_is_a_saleor_error(api, channel):
    result = api(
        'query { product(id: "not-an-id", channel: "default-channel") { id } }'
    )

    assert result["data"] == {"product": None}
    assert errors_of(result) == ["Invalid ID: not-an-id. Expected: Product."]


def test_id_of_another_type_is_a_saleor_error(api, channel, published_product):
    variant_id = global_id(published_product.variants.first())

    result = api(
        'query ($id: ID) { product(id: $id, channel: "default-channel") { id } }',
        {"id": variant_id},
    )

    assert errors_of(result) == [
        f"Invalid ID: {variant_id}. Expected: Product, received: ProductVariant."
    ]


def test_product_needs_one_of_id_slug_or_external_reference(api, channel):
    result = api('query { product(channel: "default-channel") { id } }')

    assert errors_of(result) == [
        "At least one of arguments is required: 'id', 'slug', 'external_reference'."
    ]


def test_unknown_filter_enum_value_is_a_validation_error(api, channel):
    result = api(
        'query { products(first: 5, channel: "default-channel", '
        "filter: {stockAvailability: SOMETIMES}) { totalCount } }"
    )

    assert "data" not in result
    assert errors_of(result) == [
        "Value 'SOMETIMES' does not exist in 'StockAvailability' enum."
    ]


def test_product_is_found_by_its_external_reference(api, make_product):
    product = make_product(name="Stretch Strap")
    product.external_reference = "erp-42"
    product.save(update_fields=["external_reference"])

    result = api(
        """query { product(externalReference: "erp-42", channel: "default-channel")
        { name } }"""
    )

    assert result == {"data": {"product": {"name": "Stretch Strap"}}}
