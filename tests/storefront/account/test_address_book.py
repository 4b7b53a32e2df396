"""The address book pages: list, add, edit, delete, default addresses."""

import pytest

from backend.account.models import Address
from tests import factories

RENO = {
    "first_name": "Ann",
    "last_name": "Lee",
    "street_address_1": "1 Main St",
    "city": "Reno",
    "postal_code": "89501",
    "country": "US",
    "country_area": "NV",
}


def address_of(user, **fields):
    address = factories.AddressFactory(**fields)
    user.addresses.add(address)
    return address


def address_rows(user) -> list[tuple]:
    return list(
        user.addresses.order_by("pk").values_list(
            "pk", "first_name", "street_address_1", "city", "postal_code"
        )
    )


def test_the_address_book_lists_the_customers_addresses_and_defaults(
    client, confirmed_customer
):
    home = address_of(confirmed_customer, street_address_1="1 Main St")
    address_of(confirmed_customer, street_address_1="9 Work Ave")
    confirmed_customer.default_shipping_address = home
    confirmed_customer.save()
    client.force_login(confirmed_customer)

    page = client.get("/account/addresses/").content.decode()

    assert "1 Main St" in page
    assert "9 Work Ave" in page
    assert page.index("Default shipping address") < page.index("9 Work Ave")
    assert "Default billing address" not in page
    assert "<title>Your addresses | Lumbar</title>" in page


def test_the_address_book_shows_no_one_elses_addresses(
    client, confirmed_customer, other_customer
):
    address_of(other_customer, street_address_1="77 Secret Rd")
    client.force_login(confirmed_customer)

    page = client.get("/account/addresses/").content.decode()

    assert "77 Secret Rd" not in page
    assert "Your address book is empty." in page


def test_adding_an_address_saves_it_normalised_and_makes_it_the_default(
    client, confirmed_customer
):
    client.force_login(confirmed_customer)

    response = client.post("/account/addresses/add/", RENO, follow=True)

    (address,) = confirmed_customer.addresses.all()
    assert address.city == "RENO"
    assert response.redirect_chain == [("/account/addresses/", 302)]
    assert "The address is saved." in response.content.decode()
    confirmed_customer.refresh_from_db()
    assert confirmed_customer.default_shipping_address == address
    assert confirmed_customer.default_billing_address == address


def test_an_invalid_postal_code_for_the_country_is_shown_on_its_field(
    client, confirmed_customer
):
    client.force_login(confirmed_customer)

    response = client.post("/account/addresses/add/", {**RENO, "postal_code": "ABCDE"})

    assert response.status_code == 400
    page = response.content.decode()
    postal_field = page[page.index('for="id_postal_code"') :]
    assert postal_field.index(
        "Enter a 5-digit ZIP code, e.g. 95014."
    ) < postal_field.index('for="id_country_area"')
    assert not Address.objects.exists()


def test_a_zip_code_of_another_state_names_the_state_it_is_in(
    client, confirmed_customer
):
    client.force_login(confirmed_customer)

    response = client.post("/account/addresses/add/", {**RENO, "postal_code": "10001"})

    assert response.status_code == 400
    assert "ZIP 10001 is in New York, not Nevada." in response.content.decode()
    assert not Address.objects.exists()


def test_an_unknown_country_is_refused_and_nothing_saved(client, confirmed_customer):
    client.force_login(confirmed_customer)

    response = client.post("/account/addresses/add/", {**RENO, "country": "XX"})

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not Address.objects.exists()


def test_the_edit_page_shows_the_address_in_its_fields(client, confirmed_customer):
    address = address_of(confirmed_customer, street_address_1="1 Main St")
    client.force_login(confirmed_customer)

    page = client.get(f"/account/addresses/{address.pk}/edit/").content.decode()

    assert 'value="1 Main St"' in page
    assert "<title>Edit address | Lumbar</title>" in page


def test_editing_an_address_saves_the_new_values(client, confirmed_customer):
    address = address_of(confirmed_customer)
    client.force_login(confirmed_customer)

    response = client.post(
        f"/account/addresses/{address.pk}/edit/",
        {**RENO, "street_address_1": "2 Side St"},
    )

    assert response.status_code == 302
    address.refresh_from_db()
    assert address.street_address_1 == "2 Side St"


def test_an_invalid_edit_changes_nothing(client, confirmed_customer):
    address = address_of(confirmed_customer)
    before = address_rows(confirmed_customer)
    client.force_login(confirmed_customer)

    response = client.post(
        f"/account/addresses/{address.pk}/edit/", {**RENO, "postal_code": "ABCDE"}
    )

    assert response.status_code == 400
    assert address_rows(confirmed_customer) == before


def test_deleting_an_address_removes_it_and_its_default(client, confirmed_customer):
    address = address_of(confirmed_customer)
    confirmed_customer.default_billing_address = address
    confirmed_customer.save()
    client.force_login(confirmed_customer)

    response = client.post(f"/account/addresses/{address.pk}/delete/")

    assert response.status_code == 302
    assert not Address.objects.filter(pk=address.pk).exists()
    confirmed_customer.refresh_from_db()
    assert confirmed_customer.default_billing_address is None


def test_deleting_by_get_is_refused(client, confirmed_customer):
    address = address_of(confirmed_customer)
    client.force_login(confirmed_customer)

    response = client.get(f"/account/addresses/{address.pk}/delete/")

    assert response.status_code == 405
    assert Address.objects.filter(pk=address.pk).exists()


@pytest.mark.parametrize("kind", ["shipping", "billing"])
def test_choosing_a_default_address(client, confirmed_customer, kind):
    first = address_of(confirmed_customer)
    second = address_of(confirmed_customer, street_address_1="9 Work Ave")
    confirmed_customer.default_shipping_address = first
    confirmed_customer.default_billing_address = first
    confirmed_customer.save()
    client.force_login(confirmed_customer)

    response = client.post(f"/account/addresses/{second.pk}/default/{kind}/")

    assert response.status_code == 302
    confirmed_customer.refresh_from_db()
    assert getattr(confirmed_customer, f"default_{kind}_address") == second


def test_an_unknown_kind_of_default_is_a_404(client, confirmed_customer):
    address = address_of(confirmed_customer)
    client.force_login(confirmed_customer)

    response = client.post(f"/account/addresses/{address.pk}/default/gift/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "/account/addresses/{pk}/edit/", {}),
        ("post", "/account/addresses/{pk}/edit/", {**RENO, "first_name": "Eve"}),
        ("post", "/account/addresses/{pk}/delete/", {}),
        ("post", "/account/addresses/{pk}/default/shipping/", {}),
        ("post", "/account/addresses/{pk}/default/billing/", {}),
    ],
)
def test_another_customers_address_is_a_404_and_unchanged(
    client, confirmed_customer, other_customer, method, path, data
):
    theirs = address_of(other_customer, first_name="Olga")
    other_customer.default_shipping_address = theirs
    other_customer.save()
    before = address_rows(other_customer)
    client.force_login(confirmed_customer)

    response = getattr(client, method)(path.format(pk=theirs.pk), data)

    assert response.status_code == 404
    assert address_rows(other_customer) == before
    confirmed_customer.refresh_from_db()
    assert confirmed_customer.default_shipping_address is None
    assert confirmed_customer.default_billing_address is None
    other_customer.refresh_from_db()
    assert other_customer.default_shipping_address == theirs


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/account/addresses/"),
        ("get", "/account/addresses/add/"),
        ("post", "/account/addresses/add/"),
        ("get", "/account/addresses/{pk}/edit/"),
        ("post", "/account/addresses/{pk}/delete/"),
        ("post", "/account/addresses/{pk}/default/shipping/"),
    ],
)
def test_the_address_pages_send_an_anonymous_visitor_to_log_in(
    client, confirmed_customer, method, path
):
    address = address_of(confirmed_customer)
    before = address_rows(confirmed_customer)

    response = getattr(client, method)(path.format(pk=address.pk), RENO)

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=")
    assert address_rows(confirmed_customer) == before


@pytest.mark.parametrize("count", [1, 6])
def test_the_address_book_takes_the_same_queries_for_any_number_of_addresses(
    count, client, confirmed_customer, django_assert_max_num_queries
):
    for _ in range(count):
        address_of(confirmed_customer)
    client.force_login(confirmed_customer)

    # Session, user, addresses; the layout: channel banner, menus.
    with django_assert_max_num_queries(5):
        response = client.get("/account/addresses/")

    assert response.status_code == 200
