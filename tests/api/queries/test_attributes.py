"""attribute and attributes queries, and the attribute assignment loaders."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.attribute.models import (
    AttributeInputType,
    AttributeTranslation,
    AttributeValueTranslation,
)
from backend.core.permissions import PermissionEnum
from backend.graphql.attribute.dataloaders import (
    ProductAttributesByProductLoader,
    VariantAttributesByVariantIdLoader,
)
from backend.graphql.core.dataloaders import register_siblings
from tests import factories
from tests.api.mutations.conftest import global_id, grant
from tests.fixtures.catalog import make_published_product

ATTRIBUTE_QUERY = """
query Attribute($slug: String, $id: ID) {
  attribute(slug: $slug, id: $id) {
    id name slug inputType type unit withChoices
    translation(languageCode: PL) { name language { code language } }
    choices(first: 10) {
      totalCount
      edges { node { name slug inputType value } }
    }
    metadata { key value }
    metafield(key: "source")
  }
}
"""

ATTRIBUTES_QUERY = """
query Attributes(
  $filter: AttributeFilterInput, $where: AttributeWhereInput, $search: String,
  $sortBy: AttributeSortingInput, $first: Int
) {
  attributes(
    filter: $filter, where: $where, search: $search, sortBy: $sortBy,
    first: $first
  ) {
    totalCount
    edges { node { slug translation(languageCode: PL) { name } } }
  }
}
"""


@pytest.fixture
def therapy(db):
    attribute = factories.AttributeFactory(
        name="Therapy", slug="therapy", metadata={"source": "catalog"}
    )
    factories.AttributeValueFactory(attribute=attribute, name="Heat", slug="heat")
    factories.AttributeValueFactory(attribute=attribute, name="Cold", slug="cold")
    AttributeTranslation.objects.create(
        attribute=attribute, language_code="pl", name="Terapia"
    )
    return attribute


def test_attribute_by_slug_returns_its_fields_choices_and_translation(api, therapy):
    data = api(ATTRIBUTE_QUERY, {"slug": "therapy"})["data"]["attribute"]

    assert data == {
        "id": global_id(therapy),
        "name": "Therapy",
        "slug": "therapy",
        "inputType": "DROPDOWN",
        "type": "PRODUCT_TYPE",
        "unit": None,
        "withChoices": True,
        "translation": {
            "name": "Terapia",
            "language": {"code": "PL", "language": "Polish"},
        },
        "choices": {
            "totalCount": 2,
            "edges": [
                {
                    "node": {
                        "name": "Heat",
                        "slug": "heat",
                        "inputType": "DROPDOWN",
                        "value": "",
                    }
                },
                {
                    "node": {
                        "name": "Cold",
                        "slug": "cold",
                        "inputType": "DROPDOWN",
                        "value": "",
                    }
                },
            ],
        },
        "metadata": [{"key": "source", "value": "catalog"}],
        "metafield": "catalog",
    }


def test_attribute_by_id_finds_the_same_attribute(api, therapy):
    data = api(ATTRIBUTE_QUERY, {"id": global_id(therapy)})["data"]["attribute"]

    assert data["slug"] == "therapy"


def test_attribute_with_an_id_of_another_type_is_a_clear_error(api, therapy):
    product_id = global_id(factories.ProductFactory())

    result = api(ATTRIBUTE_QUERY, {"id": product_id})

    assert result["data"]["attribute"] is None
    assert result["errors"][0]["message"] == (
        f"Invalid ID: {product_id}. Expected: Attribute, received: Product."
    )


def test_attribute_without_id_or_slug_is_refused(api, therapy):
    result = api(ATTRIBUTE_QUERY, {})

    assert result["errors"][0]["message"] == (
        "At least one of arguments is required: 'id', 'slug', 'externalReference'."
    )


def test_attribute_hidden_from_storefront_does_not_exist_for_a_shopper(api, therapy):
    therapy.visible_in_storefront = False
    therapy.save(update_fields=["visible_in_storefront"])

    result = api(ATTRIBUTE_QUERY, {"slug": "therapy"})

    assert result["data"]["attribute"] is None


def test_attribute_hidden_from_storefront_is_seen_by_staff(api, therapy, staff_user):
    therapy.visible_in_storefront = False
    therapy.save(update_fields=["visible_in_storefront"])
    api.login(grant(staff_user, PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES))

    result = api(SETTINGS_QUERY)

    assert result["data"]["attribute"] == {
        "valueRequired": False,
        "visibleInStorefront": False,
    }


SETTINGS_QUERY = """
query { attribute(slug: "therapy") { valueRequired visibleInStorefront } }
"""


def test_a_shopper_is_refused_an_attributes_settings(api, therapy):
    result = api(SETTINGS_QUERY)

    assert result["data"] == {"attribute": None}
    assert result["errors"][0]["extensions"]["exception"]["code"] == (
        "PermissionDenied"
    )


PRIVATE_QUERY = """
query { attribute(slug: "therapy") { privateMetadata { key value } } }
"""


def test_private_metadata_is_refused_to_a_shopper(api, therapy):
    therapy.private_metadata = {"supplier": "acme"}
    therapy.save(update_fields=["private_metadata"])

    result = api(PRIVATE_QUERY)

    assert result["data"]["attribute"] is None
    error = result["errors"][0]
    assert error["message"] == (
        "To access this path, you need one of the following permissions: "
        "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES, MANAGE_PAGE_TYPES_AND_ATTRIBUTES"
    )
    assert error["extensions"]["exception"]["code"] == "PermissionDenied"


def test_private_metadata_is_read_by_staff_managing_attributes(
    api, therapy, staff_user
):
    therapy.private_metadata = {"supplier": "acme"}
    therapy.save(update_fields=["private_metadata"])
    api.login(grant(staff_user, PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES))

    result = api(PRIVATE_QUERY)

    assert result["data"]["attribute"]["privateMetadata"] == [
        {"key": "supplier", "value": "acme"}
    ]


def _slugs(result):
    return [edge["node"]["slug"] for edge in result["data"]["attributes"]["edges"]]


@pytest.fixture
def three_attributes(db):
    factories.AttributeFactory(
        name="Length", slug="length", input_type="numeric", unit="cm"
    )
    factories.AttributeFactory(
        name="Conditions", slug="conditions", input_type="multiselect"
    )
    factories.AttributeFactory(
        name="Bestseller", slug="bestseller", input_type="boolean"
    )


def test_attributes_filter_by_slugs(api, three_attributes):
    result = api(
        ATTRIBUTES_QUERY, {"filter": {"slugs": ["length", "bestseller"]}, "first": 10}
    )

    assert sorted(_slugs(result)) == ["bestseller", "length"]
    assert result["data"]["attributes"]["totalCount"] == 2


def test_attributes_where_input_type_one_of(api, three_attributes):
    where = {"inputType": {"oneOf": ["NUMERIC", "BOOLEAN"]}}

    result = api(ATTRIBUTES_QUERY, {"where": where, "first": 10})

    assert sorted(_slugs(result)) == ["bestseller", "length"]


def test_attributes_where_or_of_slugs(api, three_attributes):
    where = {"OR": [{"slug": {"eq": "length"}}, {"name": {"eq": "Conditions"}}]}

    result = api(ATTRIBUTES_QUERY, {"where": where, "first": 10})

    assert sorted(_slugs(result)) == ["conditions", "length"]


def test_attributes_search_matches_names(api, three_attributes):
    result = api(ATTRIBUTES_QUERY, {"search": "cond", "first": 10})

    assert _slugs(result) == ["conditions"]


def test_attributes_sort_by_name_descending(api, three_attributes):
    sort_by = {"field": "NAME", "direction": "DESC"}

    result = api(ATTRIBUTES_QUERY, {"sortBy": sort_by, "first": 10})

    assert _slugs(result) == ["length", "conditions", "bestseller"]


def test_attributes_with_filter_and_where_is_refused(api, three_attributes):
    result = api(
        ATTRIBUTES_QUERY,
        {"filter": {"search": "x"}, "where": {"slug": {"eq": "x"}}, "first": 10},
    )

    assert result["errors"][0]["message"] == (
        "Only one filtering argument (filter or where) can be used."
    )


def test_attributes_without_first_or_last_is_refused(api, three_attributes):
    result = api(ATTRIBUTES_QUERY, {})

    assert result["errors"][0]["message"] == (
        "You must provide a `first` or `last` value to properly paginate the "
        "`attributes` connection."
    )


def _make_attributes(count):
    for index in range(count):
        attribute = factories.AttributeFactory()
        factories.AttributeValueFactory(attribute=attribute)
        AttributeTranslation.objects.create(
            attribute=attribute, language_code="pl", name=f"PL {index}"
        )


LIST_WITH_CHOICES = """
query { attributes(first: 100) {
  edges { node { slug translation(languageCode: PL) { name }
    choices(first: 5) { edges { node { slug translation(languageCode: PL) { name } } } }
  } }
} }
"""


@pytest.mark.parametrize("count", [2, 12])
def test_attributes_list_runs_fixed_queries_for_any_page_size(
    api, db, count, django_assert_num_queries, settings
):
    settings.GRAPHQL_RESPONSE_CACHE = False  # count the resolvers' own queries
    _make_attributes(count)

    # Page, translations, choices (values and their attributes), value
    # translations.
    with django_assert_num_queries(5):
        result = api(LIST_WITH_CHOICES)

    assert len(result["data"]["attributes"]["edges"]) == count


def _product_with_attributes():
    product_type = factories.ProductTypeFactory()
    conditions = factories.AttributeFactory(slug="conditions", input_type="multiselect")
    length = factories.AttributeFactory(slug="length", input_type="numeric")
    factories.AttributeProductFactory(
        attribute=length, product_type=product_type, sort_order=1
    )
    factories.AttributeProductFactory(
        attribute=conditions, product_type=product_type, sort_order=0
    )
    sciatica = factories.AttributeValueFactory(attribute=conditions, slug="sciatica")
    return product_type, conditions, length, sciatica


def _context():
    return SimpleNamespace(user=None)


def test_product_loader_returns_type_attributes_in_order_with_values(db):
    product_type, conditions, length, sciatica = _product_with_attributes()
    product = factories.ProductFactory(product_type=product_type)
    factories.AssignedProductAttributeValueFactory(product=product, value=sciatica)

    (assignments,) = ProductAttributesByProductLoader(_context()).load_many(
        [(product.pk, product_type.pk)]
    )

    assert [(a.attribute.slug, [v.slug for v in a.values]) for a in assignments] == [
        ("conditions", ["sciatica"]),
        ("length", []),
    ]


@pytest.mark.parametrize("count", [2, 12])
def test_product_loader_runs_two_queries_for_any_batch(db, count):
    product_type, _, _, sciatica = _product_with_attributes()
    products = [
        factories.ProductFactory(product_type=product_type) for _ in range(count)
    ]
    for product in products:
        factories.AssignedProductAttributeValueFactory(product=product, value=sciatica)
    keys = [(product.pk, product_type.pk) for product in products]

    with CaptureQueriesContext(connection) as queries:
        found = ProductAttributesByProductLoader(_context()).load_many(keys)

    assert len(queries) == 2
    assert all(a[0].values[0].slug == "sciatica" for a in found)


def test_variant_loader_marks_selection_attributes(db):
    product_type = factories.ProductTypeFactory()
    size = factories.AttributeFactory(slug="size")
    factories.AttributeVariantFactory(attribute=size, product_type=product_type)
    large = factories.AttributeValueFactory(attribute=size, slug="large")
    variant = factories.ProductVariantFactory(
        product=factories.ProductFactory(product_type=product_type)
    )
    factories.AssignedVariantAttributeValueFactory(variant=variant, value=large)

    (assignments,) = VariantAttributesByVariantIdLoader(_context()).load_many(
        [variant.pk]
    )

    assert [(a.attribute.slug, a.variant_selection) for a in assignments] == [
        ("size", True)
    ]
    assert [v.slug for v in assignments[0].values] == ["large"]


def test_variant_loader_loads_expected_variants_in_the_first_batch(db):
    product_type = factories.ProductTypeFactory()
    factories.AttributeVariantFactory(product_type=product_type)
    variants = [
        factories.ProductVariantFactory(
            product=factories.ProductFactory(product_type=product_type)
        )
        for _ in range(4)
    ]
    loader = VariantAttributesByVariantIdLoader(_context())
    loader.expect([variant.pk for variant in variants])

    with CaptureQueriesContext(connection) as queries:
        for variant in variants:
            loader.load(variant.pk)

    assert len(queries) == 3


def test_input_type_enum_covers_every_stored_input_type(api, db):
    for input_type in AttributeInputType:
        factories.AttributeFactory(slug=f"a-{input_type.value}", input_type=input_type)

    result = api("query { attributes(first: 20) { edges { node { inputType } } } }")

    assert sorted(
        edge["node"]["inputType"] for edge in result["data"]["attributes"]["edges"]
    ) == sorted(input_type.name for input_type in AttributeInputType)


def test_variant_loader_loads_variants_of_every_listed_product_at_once(db):
    product_type = factories.ProductTypeFactory()
    factories.AttributeVariantFactory(product_type=product_type)
    products = [factories.ProductFactory(product_type=product_type) for _ in range(3)]
    variants = [factories.ProductVariantFactory(product=p) for p in products]
    context = _context()
    register_siblings(context, products)
    loader = VariantAttributesByVariantIdLoader(context)

    with CaptureQueriesContext(connection) as queries:
        for variant in variants:
            loader.load(variant.pk)

    assert len(queries) == 3


def test_metafields_pick_the_keys_asked(api, therapy):
    therapy.metadata = {"source": "catalog", "owner": "merch", "icon": "flame"}
    therapy.save(update_fields=["metadata"])

    result = api(
        'query { attribute(slug: "therapy") { '
        'metafields(keys: ["owner", "icon", "missing"]) all: metafields '
        'metafield(key: "missing") } }'
    )

    assert result["data"]["attribute"] == {
        "metafields": {"owner": "merch", "icon": "flame"},
        "all": {"source": "catalog", "owner": "merch", "icon": "flame"},
        "metafield": None,
    }


def test_private_metafield_is_read_by_staff_managing_attributes(
    api, therapy, staff_user
):
    therapy.private_metadata = {"supplier": "acme", "cost": "3"}
    therapy.save(update_fields=["private_metadata"])
    api.login(grant(staff_user, PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES))

    result = api(
        'query { attribute(slug: "therapy") { privateMetafield(key: "supplier") '
        'privateMetafields(keys: ["cost"]) } }'
    )

    assert result["data"]["attribute"] == {
        "privateMetafield": "acme",
        "privateMetafields": {"cost": "3"},
    }


def test_private_metafield_is_refused_to_a_customer(api, therapy, customer_user):
    api.login(customer_user)

    result = api('query { attribute(slug: "therapy") { privateMetafield(key: "x") } }')

    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_choices_are_searched_and_sorted(api, therapy):
    factories.AttributeValueFactory(attribute=therapy, name="Cold laser", slug="laser")

    result = api(
        'query { attribute(slug: "therapy") { choices(first: 10, search: "col", '
        "sortBy: {field: NAME, direction: DESC}) "
        "{ totalCount edges { node { slug } } } } }"
    )

    assert result["data"]["attribute"]["choices"] == {
        "totalCount": 2,
        "edges": [{"node": {"slug": "laser"}}, {"node": {"slug": "cold"}}],
    }


def test_choices_where_slug_one_of(api, therapy):
    result = api(
        'query { attribute(slug: "therapy") { choices(first: 10, '
        'where: {slug: {oneOf: ["heat"]}}) { edges { node { name } } } } }'
    )

    assert result["data"]["attribute"]["choices"]["edges"] == [
        {"node": {"name": "Heat"}}
    ]


def test_attribute_lists_the_product_types_using_it(api, therapy):
    straps = factories.ProductTypeFactory(name="Straps", slug="straps")
    rollers = factories.ProductTypeFactory(name="Rollers", slug="rollers")
    factories.AttributeProductFactory(attribute=therapy, product_type=straps)
    factories.AttributeVariantFactory(attribute=therapy, product_type=rollers)

    result = api(
        'query { attribute(slug: "therapy") { '
        "productTypes(first: 10) { totalCount edges { node { slug } } } "
        "productVariantTypes(first: 10) { edges { node { slug } } } } }"
    )

    assert result["data"]["attribute"] == {
        "productTypes": {"totalCount": 1, "edges": [{"node": {"slug": "straps"}}]},
        "productVariantTypes": {"edges": [{"node": {"slug": "rollers"}}]},
    }


def test_attributes_in_an_unknown_channel_is_saleor_s_error(api, three_attributes):
    result = api('query { attributes(first: 5, channel: "nowhere") { totalCount } }')

    assert result["data"] == {"attributes": None}
    assert result["errors"][0]["message"] == (
        "Channel with 'nowhere' slug does not exist."
    )


def test_attributes_over_the_page_limit_is_refused(api, three_attributes):
    result = api("query { attributes(first: 101) { totalCount } }")

    assert result["errors"][0]["message"] == (
        "Requesting 101 records on the `attributes` connection exceeds the "
        "`first` limit of 100 records."
    )


def test_attributes_with_an_unknown_filter_value_is_a_clear_error(client, db):
    response = client.post(
        "/graphql/",
        data={
            "query": "{ attributes(first: 5, filter: {type: BOGUS}) { totalCount } }"
        },
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        "Value 'BOGUS' does not exist in 'AttributeTypeEnum' enum."
    )


def test_attribute_by_external_reference(api, therapy):
    therapy.external_reference = "erp-therapy"
    therapy.save(update_fields=["external_reference"])

    result = api(
        'query { attribute(externalReference: "erp-therapy") '
        "{ slug externalReference } }"
    )

    assert result == {
        "data": {"attribute": {"slug": "therapy", "externalReference": "erp-therapy"}}
    }


ASSIGNED_QUERY = """
query Product($slug: String!) {
  product(slug: $slug, channel: "default-channel") {
    assignedAttributes {
      attribute { slug }
      ... on AssignedSwatchAttribute { swatch: value { name hexColor file { url } } }
      ... on AssignedFileAttribute { file: value { url contentType } }
      ... on AssignedDateAttribute { date: value }
      ... on AssignedDateTimeAttribute { dateTime: value }
      ... on AssignedTextAttribute { text: value es: translation(languageCode: ES) }
      ... on AssignedSingleProductReferenceAttribute { product: value { slug } }
    }
  }
}
"""


def test_assigned_attributes_resolve_each_input_type(api, channel, warehouse):
    product = make_published_product(channel=channel, warehouse=warehouse)
    related = make_published_product(channel=channel, warehouse=warehouse)
    when = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    text = {"blocks": [{"type": "paragraph", "data": {"text": "Wash cold."}}]}
    rows = [
        ("swatch", {}, {"name": "Sand", "value": "#d8c3a5"}),
        (
            "file",
            {},
            {
                "name": "Manual",
                "file_url": "https://x.test/m.pdf",
                "content_type": "application/pdf",
            },
        ),
        ("date", {}, {"name": "Launch", "date_time": when}),
        ("date-time", {}, {"name": "Recall", "date_time": when}),
        ("rich-text", {}, {"name": "Care", "rich_text": text}),
        (
            "single-reference",
            {"entity_type": "Product"},
            {"name": "Pair", "reference_product": related},
        ),
    ]
    for input_type, extra, value_fields in rows:
        attribute = factories.AttributeFactory(
            slug=f"a-{input_type}", input_type=input_type, **extra
        )
        factories.AttributeProductFactory(
            attribute=attribute, product_type=product.product_type
        )
        value = factories.AttributeValueFactory(attribute=attribute, **value_fields)
        factories.AssignedProductAttributeValueFactory(product=product, value=value)
        if input_type == "rich-text":
            AttributeValueTranslation.objects.create(
                attribute_value=value,
                language_code="es",
                name="Cuidado",
                rich_text={"blocks": []},
            )

    result = api(ASSIGNED_QUERY, {"slug": product.slug})

    assert result["data"]["product"]["assignedAttributes"] == [
        {
            "attribute": {"slug": "a-swatch"},
            "swatch": {"name": "Sand", "hexColor": "#d8c3a5", "file": None},
        },
        {
            "attribute": {"slug": "a-file"},
            "file": {"url": "https://x.test/m.pdf", "contentType": "application/pdf"},
        },
        {"attribute": {"slug": "a-date"}, "date": "2026-03-01"},
        {"attribute": {"slug": "a-date-time"}, "dateTime": "2026-03-01T09:30:00+00:00"},
        {"attribute": {"slug": "a-rich-text"}, "text": text, "es": {"blocks": []}},
        {
            "attribute": {"slug": "a-single-reference"},
            "product": {"slug": related.slug},
        },
    ]


HIDDEN_QUERY = """
query Product($slug: String!) {
  product(slug: $slug, channel: "default-channel") {
    assignedAttributes { attribute { slug } }
    attributes { attribute { slug } }
  }
}
"""


def _product_with_hidden_attribute(channel, warehouse):
    product = make_published_product(channel=channel, warehouse=warehouse)
    for slug, visible in (("shown", True), ("internal", False)):
        attribute = factories.AttributeFactory(
            slug=slug, input_type="boolean", visible_in_storefront=visible
        )
        factories.AttributeProductFactory(
            attribute=attribute, product_type=product.product_type
        )
    return product


def test_attribute_hidden_from_storefront_is_not_shown_on_a_product(
    api, channel, warehouse
):
    product = _product_with_hidden_attribute(channel, warehouse)

    data = api(HIDDEN_QUERY, {"slug": product.slug})["data"]["product"]

    assert data == {
        "assignedAttributes": [{"attribute": {"slug": "shown"}}],
        "attributes": [{"attribute": {"slug": "shown"}}],
    }


def test_attribute_hidden_from_storefront_is_shown_to_product_staff(
    api, channel, warehouse, staff_user
):
    product = _product_with_hidden_attribute(channel, warehouse)
    api.login(grant(staff_user, PermissionEnum.MANAGE_PRODUCTS))

    data = api(HIDDEN_QUERY, {"slug": product.slug})["data"]["product"]

    assert [a["attribute"]["slug"] for a in data["assignedAttributes"]] == [
        "shown",
        "internal",
    ]
