"""The page queries, types and mutations have Saleor's names and types."""

import pytest

from backend.graphql.api import schema as lumbar_schema
from tests.api.mutations import test_schema_compat as catalog_compat
from tests.shared_assets import saleor_schema

PAGE_MUTATIONS = [
    "pageCreate",
    "pageUpdate",
    "pageDelete",
    "pageTranslate",
    "pageAttributeAssign",
]
PAGE_QUERIES = ["page", "pages", "pageType", "pageTypes"]
PAGE_TYPES = [
    "Page",
    "PageType",
    "PageTranslation",
    "PageTranslatableContent",
    "AttributeTranslatableContent",
    "AttributeValueTranslatableContent",
    "PageCountableConnection",
    "PageTypeCountableConnection",
]
PAGE_INPUTS = [
    "PageFilterInput",
    "PageWhereInput",
    "PageSortingInput",
    "PageTypeFilterInput",
    "PageTypeSortingInput",
    "MetadataFilterInput",
    "MetadataValueFilterInput",
]


@pytest.fixture(scope="module")
def saleor():
    return saleor_schema()


@pytest.mark.parametrize("name", PAGE_MUTATIONS)
def test_page_mutation_matches_saleor(name, saleor):
    catalog_compat.test_mutation_matches_saleor(name, saleor)


@pytest.mark.parametrize("name", PAGE_QUERIES)
def test_page_query_takes_saleors_arguments_and_type(name, saleor):
    ours = lumbar_schema.graphql_schema.query_type.fields[name]
    theirs = saleor.query_type.fields[name]

    assert str(ours.type) == str(theirs.type)
    assert {arg: str(spec.type) for arg, spec in ours.args.items()} == {
        arg: str(spec.type) for arg, spec in theirs.args.items()
    }


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_saleors_fields(name, saleor):
    ours = lumbar_schema.graphql_schema.get_type(name)
    theirs = saleor.get_type(name)

    missing_or_different = {
        field: str(spec.type)
        for field, spec in theirs.fields.items()
        if field not in ours.fields or str(ours.fields[field].type) != str(spec.type)
    }

    assert missing_or_different == {}


@pytest.mark.parametrize("name", PAGE_INPUTS)
def test_page_input_has_saleors_fields(name, saleor):
    ours = lumbar_schema.graphql_schema.get_type(name)
    theirs = saleor.get_type(name)

    assert {field: str(spec.type) for field, spec in ours.fields.items()} == {
        field: str(spec.type) for field, spec in theirs.fields.items()
    }


def test_page_sort_fields_are_saleors(saleor):
    ours = lumbar_schema.graphql_schema.get_type("PageSortField")

    assert set(ours.values) == set(saleor.get_type("PageSortField").values)
