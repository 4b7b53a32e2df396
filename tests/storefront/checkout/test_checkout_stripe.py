"""The review step paying through Stripe (localstripe) when it is configured."""

import urllib.request

import pytest

from backend.checkout.models import Checkout
from backend.order.models import Order, OrderChargeStatus
from backend.payment.gateways.stripe import stripe_client
from tests.payment.stripe.helpers import CARD_3DS, CARD_DECLINED, CARD_OK, intent

from .conftest import add_to_cart, session_checkout
from .test_checkout import _fill_to_review


def card_from_browser(number: str) -> str:
    """What Stripe.js's createToken gives the page: the token's card id."""
    token = stripe_client().v1.tokens.create(
        {"card": {"number": number, "exp_month": 12, "exp_year": 2030, "cvc": "123"}}
    )
    return token.card.id


@pytest.fixture
def at_review(client, strap, ships_to_us, stripe_settings):
    add_to_cart(client, strap.default_variant, quantity=2)
    _fill_to_review(client, ships_to_us)
    return session_checkout(client)


def test_the_review_page_offers_stripes_card_form(client, at_review, stripe_settings):
    response = client.get("/checkout/review/")

    base = stripe_settings.STRIPE_API_BASE
    assert f'src="{base}/js.stripe.com/v3/"'.encode() in response.content
    assert b'data-publishable-key="pk_test_lumbar"' in response.content
    assert b"Test card token" not in response.content
    assert f"script-src 'self' {base}" in response["Content-Security-Policy"]


def test_a_card_pays_at_stripe_and_places_the_order(client, at_review):
    response = client.post(
        "/checkout/review/", {"payment_method": card_from_browser(CARD_OK)}
    )

    order = Order.objects.get()
    item = order.payment_transactions.get()
    assert response["Location"] == f"/checkout/confirmation/{order.token}/"
    assert order.charge_status == OrderChargeStatus.FULL
    assert intent(item.psp_reference).status == "succeeded"
    assert intent(item.psp_reference).amount == int(order.total_amount * 100)


def test_a_declined_card_keeps_the_cart_and_says_why(client, at_review):
    response = client.post(
        "/checkout/review/", {"payment_method": card_from_browser(CARD_DECLINED)}
    )

    assert response.status_code == 400
    assert b"Your card was declined." in response.content
    assert not Order.objects.exists()
    assert Checkout.objects.filter(pk=at_review.pk).exists()


def test_a_3d_secure_card_is_confirmed_in_the_browser_then_completes(
    client, at_review, localstripe_server
):
    asked = client.post(
        "/checkout/review/", {"payment_method": card_from_browser(CARD_3DS)}
    )
    item = at_review.payment_transactions.get()
    # Stripe.js's 3-D Secure step, as localstripe's fake Stripe.js does it.
    urllib.request.urlopen(
        urllib.request.Request(
            f"{localstripe_server.url}/v1/payment_intents/{item.psp_reference}"
            "/_authenticate?success=true",
            data=(
                b'{"key": "pk_test_lumbar", "client_secret": "'
                + intent(item.psp_reference).client_secret.encode()
                + b'"}'
            ),
        ),
        timeout=10,
    ).read()

    done = client.post("/checkout/stripe/return/", {"transaction": str(item.token)})

    order = Order.objects.get()
    assert asked.status_code == 200
    assert b"3-D Secure" in asked.content
    assert done["Location"] == f"/checkout/confirmation/{order.token}/"
    assert order.charge_status == OrderChargeStatus.FULL


def test_without_stripe_the_review_page_keeps_the_test_gateway(
    client, strap, ships_to_us
):
    add_to_cart(client, strap.default_variant, quantity=2)
    _fill_to_review(client, ships_to_us)

    response = client.get("/checkout/review/")

    assert b"Test card token" in response.content
    assert b"js.stripe.com" not in response.content
