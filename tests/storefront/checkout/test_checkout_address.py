"""The checkout's address step: its country, its errors, what review shows."""

import re

import pytest

from backend.storefront.views.product import COUNTRY_KEY
from tests import factories
from tests.storefront.helpers import texts_by_class

from .conftest import US_ADDRESS, add_to_cart, session_checkout


@pytest.fixture
def cart(client, strap):
    add_to_cart(client, strap.default_variant)
    client.post("/checkout/contact/", {"email": "ada@example.com"})
    return session_checkout(client)


@pytest.fixture
def ships_to_us_and_canada(channel, ships_to_us):
    """Ground to the US (the channel's country), Tracked to Canada."""
    zone = factories.ShippingZoneFactory(countries=["CA"], channels=[channel])
    method = factories.ShippingMethodFactory(
        shipping_zone=zone,
        name="Tracked",
        minimum_delivery_days=4,
        maximum_delivery_days=8,
    )
    factories.ShippingMethodChannelListingFactory(
        shipping_method=method, channel=channel, price_amount="19.99"
    )


def selected_country(response) -> str:
    page = response.content.decode()
    select = re.search(r'<select name="country".*?</select>', page, re.S).group(0)
    return re.search(r'<option value="(\w+)" selected>', select).group(1)


def field_errors(response) -> list[str]:
    return texts_by_class(response, "field-error")


def test_the_country_defaults_to_the_channels_not_the_first_in_the_list(
    client, cart, ships_to_us_and_canada
):
    response = client.get("/checkout/address/")

    assert selected_country(response) == "US"


def test_the_country_defaults_to_the_shoppers_when_the_store_knows_it(
    client, cart, ships_to_us_and_canada
):
    session = client.session
    session[COUNTRY_KEY] = "CA"
    session.save()

    response = client.get("/checkout/address/")

    assert selected_country(response) == "CA"


def test_a_zip_code_of_the_wrong_shape_says_what_shape_to_use(
    client, cart, ships_to_us
):
    response = client.post("/checkout/address/", {**US_ADDRESS, "postal_code": "894"})

    assert response.status_code == 400
    assert field_errors(response) == ["Enter a 5-digit ZIP code, e.g. 95014."]


def test_a_zip_code_of_another_state_names_the_state_it_is_in(
    client, cart, ships_to_us
):
    response = client.post(
        "/checkout/address/",
        {**US_ADDRESS, "country_area": "CA", "postal_code": "10001"},
    )

    assert response.status_code == 400
    assert field_errors(response) == ["ZIP 10001 is in New York, not California."]
    cart.refresh_from_db()
    assert cart.shipping_address is None


def test_an_unknown_state_is_named_with_an_example(client, cart, ships_to_us):
    response = client.post("/checkout/address/", {**US_ADDRESS, "country_area": "XX"})

    assert field_errors(response) == [
        '"XX" is not a state of the US; enter its name or code, e.g. AL or Alabama.'
    ]


def test_a_missing_state_asks_for_a_state(client, cart, ships_to_us):
    response = client.post("/checkout/address/", {**US_ADDRESS, "country_area": ""})

    assert field_errors(response) == ["Enter a state."]


def test_a_canadian_postal_code_of_another_province_names_the_province(
    client, cart, ships_to_us_and_canada
):
    response = client.post(
        "/checkout/address/",
        {
            **US_ADDRESS,
            "country": "CA",
            "country_area": "BC",
            "city": "Toronto",
            "postal_code": "M5V 2T6",
        },
    )

    assert field_errors(response) == [
        "Postal code M5V 2T6 is in Ontario, not British Columbia."
    ]


def test_a_canadian_address_is_accepted(client, cart, ships_to_us_and_canada):
    response = client.post(
        "/checkout/address/",
        {
            **US_ADDRESS,
            "country": "CA",
            "country_area": "ON",
            "city": "Toronto",
            "postal_code": "M5V 2T6",
        },
    )

    assert response["Location"] == "/checkout/delivery/"


def test_review_shows_the_state(client, cart, ships_to_us):
    client.post("/checkout/address/", {**US_ADDRESS, "street_address_2": "Apt 4"})
    client.post("/checkout/delivery/", {"shipping_method": ships_to_us.pk})

    response = client.get("/checkout/review/")

    shown = texts_by_class(response, "review-details")[0]
    assert "Ada Lovelace, 1 Main St, Apt 4, RENO, NV 89501" in shown


@pytest.mark.parametrize(
    ("field", "token"),
    [
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("street_address_1", "address-line1"),
        ("street_address_2", "address-line2"),
        ("city", "address-level2"),
        ("country_area", "address-level1"),
        ("postal_code", "postal-code"),
        ("country", "country"),
        ("phone", "tel"),
    ],
)
def test_address_fields_tell_the_browser_what_to_fill(
    client, cart, ships_to_us, field, token
):
    page = client.get("/checkout/address/").content.decode()

    tag = re.search(rf'<(?:input|select)[^>]*name="{field}"[^>]*>', page).group(0)
    assert f'autocomplete="{token}"' in tag


def test_the_email_field_tells_the_browser_to_fill_the_email(client, cart):
    page = client.get("/checkout/contact/").content.decode()

    tag = re.search(r'<input[^>]*name="email"[^>]*>', page).group(0)
    assert 'autocomplete="email"' in tag
