"""The account overview page and the account pages' titles."""

import pytest


def test_the_overview_links_orders_addresses_and_password(client, confirmed_customer):
    client.force_login(confirmed_customer)

    page = client.get("/account/").content.decode()

    assert "Logged in as ann@example.com." in page
    assert '<a href="/account/orders/">Your orders</a>' in page
    assert '<a href="/account/addresses/">Your addresses</a>' in page
    assert '<a href="/account/password/">Change your password</a>' in page


def test_the_overview_sends_an_anonymous_visitor_to_log_in(client, db):
    response = client.get("/account/")

    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/account/"


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/account/", "Your account | Lumbar"),
        ("/account/orders/", "Your orders | Lumbar"),
        ("/account/addresses/", "Your addresses | Lumbar"),
        ("/account/addresses/add/", "Add an address | Lumbar"),
        ("/account/password/", "Change your password | Lumbar"),
    ],
)
def test_each_account_page_has_its_title_and_is_not_indexed(
    client, confirmed_customer, path, title
):
    client.force_login(confirmed_customer)

    page = client.get(path).content.decode()

    assert f"<title>{title}</title>" in page
    assert '<meta name="robots" content="noindex">' in page


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/account/login/", "Log in | Lumbar"),
        ("/account/signup/", "Create an account | Lumbar"),
        ("/account/password/forgot/", "Reset your password | Lumbar"),
    ],
)
def test_each_public_account_page_has_its_title(client, db, path, title):
    page = client.get(path).content.decode()

    assert f"<title>{title}</title>" in page
