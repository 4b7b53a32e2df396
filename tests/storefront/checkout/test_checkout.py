"""Checkout steps: contact, address, delivery, review and pay, confirmation."""

import pytest

from backend.checkout.models import Checkout
from backend.order.models import Order
from backend.storefront.cart import CART_SESSION_KEY
from backend.warehouse.models import Stock
from tests.storefront.helpers import texts_by_class

from .conftest import US_ADDRESS, add_to_cart, session_checkout


@pytest.fixture
def cart(client, strap):
    add_to_cart(client, strap.default_variant, quantity=2)
    return session_checkout(client)


def _fill_to_review(client, ships_to_us):
    client.post("/checkout/contact/", {"email": "Ada@Example.com"})
    client.post("/checkout/address/", US_ADDRESS)
    client.post("/checkout/delivery/", {"shipping_method": ships_to_us.pk})


def test_checkout_without_a_cart_goes_to_the_cart(client, db):
    assert client.get("/checkout/")["Location"] == "/cart/"


def test_contact_step_saves_the_email(client, cart):
    response = client.post("/checkout/contact/", {"email": "Ada@Example.com"})

    assert response["Location"] == "/checkout/address/"
    cart.refresh_from_db()
    assert cart.email == "ada@example.com"


def test_invalid_email_is_shown_on_the_field_and_not_saved(client, cart):
    response = client.post("/checkout/contact/", {"email": "not-an-email"})

    assert response.status_code == 400
    assert texts_by_class(response, "field-error") == ["Enter a valid email address."]
    cart.refresh_from_db()
    assert cart.email is None


def test_address_step_saves_shipping_and_billing(client, cart, ships_to_us):
    response = client.post("/checkout/address/", US_ADDRESS)

    assert response["Location"] == "/checkout/delivery/"
    cart.refresh_from_db()
    assert cart.shipping_address.postal_code == "89501"
    assert cart.billing_address.city == "RENO"


def test_invalid_postal_code_is_shown_on_its_field_and_nothing_saved(
    client, cart, ships_to_us
):
    response = client.post("/checkout/address/", {**US_ADDRESS, "postal_code": "ABC"})

    assert response.status_code == 400
    assert texts_by_class(response, "field-error") == [
        "Enter a 5-digit ZIP code, e.g. 95014."
    ]
    assert 'data-testid="error-postal_code"' in response.content.decode()
    cart.refresh_from_db()
    assert cart.shipping_address is None
    assert cart.billing_address is None


def test_a_country_the_store_does_not_ship_to_is_refused(client, cart, ships_to_us):
    response = client.post("/checkout/address/", {**US_ADDRESS, "country": "FR"})

    assert response.status_code == 400
    cart.refresh_from_db()
    assert cart.shipping_address is None


def test_delivery_step_lists_methods_with_price_and_days(client, cart, ships_to_us):
    client.post("/checkout/address/", US_ADDRESS)

    response = client.get("/checkout/delivery/")

    option = texts_by_class(response, "delivery-options")[0]
    assert option.startswith("Ground $5.00 Delivered in 2-4 business days")


def test_delivery_step_saves_the_method(client, cart, ships_to_us):
    client.post("/checkout/address/", US_ADDRESS)

    response = client.post("/checkout/delivery/", {"shipping_method": ships_to_us.pk})

    assert response["Location"] == "/checkout/review/"
    cart.refresh_from_db()
    assert cart.shipping_method_id == ships_to_us.pk


def test_a_method_not_offered_is_refused(client, cart, ships_to_us):
    client.post("/checkout/address/", US_ADDRESS)

    response = client.post("/checkout/delivery/", {"shipping_method": 999999})

    assert response.status_code == 400
    cart.refresh_from_db()
    assert cart.shipping_method_id is None


def test_review_shows_lines_totals_and_test_payment_label(client, cart, ships_to_us):
    _fill_to_review(client, ships_to_us)

    response = client.get("/checkout/review/")

    assert texts_by_class(response, "totals") == [
        "Subtotal $39.98 Shipping $5.00 Total $44.98"
    ]
    assert "tok_success pays, tok_decline is declined" in response.content.decode()
    assert texts_by_class(response, "test-payments")[0].startswith("Test payments:")


def test_review_before_the_address_goes_to_the_missing_step(client, cart):
    client.post("/checkout/contact/", {"email": "ada@example.com"})

    assert client.get("/checkout/review/")["Location"] == "/checkout/address/"


def test_paying_places_the_order_and_clears_the_cart(client, cart, ships_to_us):
    _fill_to_review(client, ships_to_us)

    response = client.post("/checkout/review/", {"card_token": "tok_success"})

    order = Order.objects.get()
    assert response["Location"] == f"/checkout/confirmation/{order.token}/"
    assert CART_SESSION_KEY not in client.session
    assert not Checkout.objects.exists()
    page = client.get(response["Location"])
    assert texts_by_class(page, "order-lines")[0].endswith("$19.99 2 $39.98")
    assert f"#{order.number}" in page.content.decode()
    assert "1 Main St" in " ".join(texts_by_class(page, "order-address"))
    assert texts_by_class(client.get("/cart/"), "cart-link") == ["Cart (0)"]


def test_a_declined_card_shows_the_error_and_keeps_the_cart(
    client, cart, ships_to_us, strap
):
    _fill_to_review(client, ships_to_us)

    response = client.post("/checkout/review/", {"card_token": "tok_decline"})

    assert response.status_code == 400
    assert texts_by_class(response, "form-errors") == ["The card was declined."]
    assert not Order.objects.exists()
    assert session_checkout(client).lines.get().quantity == 2
    stock = Stock.objects.get(product_variant=strap.default_variant)
    assert stock.quantity_allocated == 0


def test_a_3ds_card_places_no_order_and_says_why(client, cart, ships_to_us):
    _fill_to_review(client, ships_to_us)

    response = client.post("/checkout/review/", {"card_token": "tok_3ds"})

    assert response.status_code == 400
    assert "3-D Secure" in texts_by_class(response, "form-errors")[0]
    assert not Order.objects.exists()
    assert session_checkout(client) is not None


def test_stock_sold_out_meanwhile_is_refused_on_review(
    client, cart, ships_to_us, strap
):
    _fill_to_review(client, ships_to_us)
    Stock.objects.filter(product_variant=strap.default_variant).update(quantity=1)

    response = client.post("/checkout/review/", {"card_token": "tok_success"})

    assert response.status_code == 400
    assert "Insufficient product stock" in texts_by_class(response, "form-errors")[0]
    assert not Order.objects.exists()
