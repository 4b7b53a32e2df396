"""Our shipping API is a subset of Saleor's, names and types alike."""

import pytest

from backend.graphql.api import schema as lumbar_schema
from tests.api.checkout.saleor_compat import root_field_differences, type_differences
from tests.shared_assets import saleor_schema

# Lumbar extensions on these types, named in Saleor's style.
EXTENSIONS = {"ShippingMethodType.carrier", "ShippingPriceInput.carrier"}

TYPES = (
    "ShippingZone ShippingMethodType ShippingMethodChannelListing "
    "ShippingMethodPostalCodeRule ShippingZoneCountableConnection "
    "ShippingZoneCountableEdge ShippingZoneFilterInput ShippingZoneCreateInput "
    "ShippingZoneUpdateInput ShippingPriceInput "
    "ShippingPostalCodeRulesCreateInputRange ShippingMethodChannelListingInput "
    "ShippingMethodChannelListingAddInput ShippingError ShippingErrorCode "
    "ShippingMethodTypeEnum PostalCodeRuleInclusionTypeEnum ShippingZoneCreate "
    "ShippingZoneUpdate ShippingZoneDelete ShippingPriceCreate ShippingPriceUpdate "
    "ShippingPriceDelete ShippingMethodChannelListingUpdate"
).split()
QUERIES = ("shippingZone", "shippingZones")
MUTATIONS = (
    "shippingZoneCreate",
    "shippingZoneUpdate",
    "shippingZoneDelete",
    "shippingPriceCreate",
    "shippingPriceUpdate",
    "shippingPriceDelete",
    "shippingMethodChannelListingUpdate",
)


@pytest.fixture(scope="module")
def saleor():
    return saleor_schema()


def _without_extensions(differences: list[str]) -> list[str]:
    return [
        difference
        for difference in differences
        if not any(difference.startswith(f"{name} ") for name in EXTENSIONS)
    ]


@pytest.mark.parametrize("type_name", TYPES)
def test_type_matches_saleor(type_name, saleor):
    differences = type_differences(lumbar_schema.graphql_schema, saleor, type_name)

    assert _without_extensions(differences) == []


@pytest.mark.parametrize("name", QUERIES)
def test_query_matches_saleor(name, saleor):
    ours = lumbar_schema.graphql_schema

    assert root_field_differences(ours, saleor, "query", name) == []


@pytest.mark.parametrize("name", MUTATIONS)
def test_mutation_matches_saleor(name, saleor):
    ours = lumbar_schema.graphql_schema

    assert root_field_differences(ours, saleor, "mutation", name) == []


def test_error_codes_are_saleors_exactly(saleor):
    ours = lumbar_schema.graphql_schema.type_map["ShippingErrorCode"]

    assert set(ours.values) == set(saleor.type_map["ShippingErrorCode"].values)
