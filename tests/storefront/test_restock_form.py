"""A sold-out option offers "Email me when it's back" instead of vanishing."""

import pytest

from backend.warehouse.models import RestockAlert
from backend.warehouse.restock import restock_alerts_send
from tests.fixtures.catalog import make_published_product


@pytest.fixture
def sold_out(channel, warehouse):
    return make_published_product(
        channel=channel, warehouse=warehouse, name="Foam Roller", quantity=0
    )


def test_a_sold_out_product_says_so_and_offers_the_email_form(client, sold_out):
    response = client.get(f"/products/{sold_out.slug}/")

    page = response.content.decode()
    assert "This product is out of stock." in page
    assert 'class="restock-form"' in page
    assert 'class="add-to-cart-form"' not in page


def test_an_in_stock_product_shows_no_email_form(client, channel, warehouse):
    product = make_published_product(channel=channel, warehouse=warehouse)

    response = client.get(f"/products/{product.slug}/")

    assert 'class="restock-form"' not in response.content.decode()


def test_leaving_an_email_confirms_on_the_product_page(client, sold_out, mailoutbox):
    variant = sold_out.default_variant

    response = client.post(
        "/restock-alerts/",
        {"variant": variant.pk, "email": "ann@example.com"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == (
        f"/products/{sold_out.slug}/?variant={variant.pk}"
    )
    assert (
        "We will email ann@example.com once Foam Roller is back in stock."
        in response.content.decode()
    )
    variant.stocks.update(quantity=4)
    assert restock_alerts_send() == 1
    assert mailoutbox[0].to == ["ann@example.com"]


def test_a_bad_email_is_explained_and_nothing_is_kept(client, sold_out):
    response = client.post(
        "/restock-alerts/",
        {"variant": sold_out.default_variant.pk, "email": "ann@"},
        follow=True,
    )

    assert "Enter a valid email address." in response.content.decode()
    assert not RestockAlert.objects.exists()


@pytest.mark.parametrize("variant", ["", "abc", "-1", "99999999999999999999"])
def test_a_forged_variant_goes_home_with_a_message(client, db, variant):
    response = client.post(
        "/restock-alerts/",
        {"variant": variant, "email": "ann@example.com"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Choose the product you want to hear about." in response.content.decode()
    assert not RestockAlert.objects.exists()


def test_the_form_is_refused_to_a_get(client, db):
    assert client.get("/restock-alerts/").status_code == 405
