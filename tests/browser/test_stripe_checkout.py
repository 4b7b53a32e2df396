"""A shopper pays by card on Lumbar's checkout page through Stripe Elements.

Stripe here is localstripe, a real server in its own process, and its
fake Stripe.js: a card form of plain inputs, a token made in the browser
and a 3-D Secure prompt of two buttons.
"""

import re

import pytest

from backend.order.models import Order, OrderChargeStatus
from tests.payment.stripe.helpers import CARD_3DS, CARD_DECLINED, CARD_OK, intent

from . import test_guest_purchase
from .conftest import screenshot, walk_checkout_to_review

pytestmark = pytest.mark.browser

# The product and shipping method the guest purchase test buys.
store = test_guest_purchase.store

CONFIRMATION = re.compile(r"/checkout/confirmation/[0-9a-f-]+/$")


def _to_review(page, live_server, product):
    page.goto(f"{live_server.url}/products/{product.slug}/")
    page.get_by_role("button", name="Add to cart").click()
    page.wait_for_url(re.compile(r"/cart/$"))
    page.get_by_role("link", name="Check out").click()
    walk_checkout_to_review(page, email="card@example.com")


def _type_card(page, number: str) -> None:
    card = page.get_by_test_id("card-element")
    card.get_by_placeholder("number").fill(number)
    card.get_by_placeholder("exp_month").fill("12")
    card.get_by_placeholder("exp_year").fill("30")
    card.get_by_placeholder("cvc").fill("123")
    card.get_by_placeholder("postal_code").fill("94043")
    page.get_by_role("button", name="Pay and place order").click()


def test_a_shopper_pays_by_card_with_stripe_elements(
    live_server,
    store,
    stripe_settings,
    chromium_page,
):
    with chromium_page() as page:
        _to_review(page, live_server, store)
        _type_card(page, CARD_OK)
        page.wait_for_url(CONFIRMATION)
        heading = page.get_by_test_id("confirmation-heading").inner_text()
        screenshot(page, "stripe-card-purchase")

    order = Order.objects.get()
    reference = order.payment_transactions.get().psp_reference
    assert heading
    assert order.charge_status == OrderChargeStatus.FULL
    assert intent(reference).status == "succeeded"
    assert intent(reference).amount == int(order.total_amount * 100)


def test_a_shopper_confirms_a_3d_secure_card_and_the_order_is_placed(
    live_server,
    store,
    stripe_settings,
    chromium_page,
):
    with chromium_page() as page:
        _to_review(page, live_server, store)
        _type_card(page, CARD_3DS)
        confirm = page.get_by_role("button", name="Complete authentication")
        confirm.wait_for()
        screenshot(page, "stripe-3ds-prompt")
        confirm.click()
        page.wait_for_url(CONFIRMATION)
        screenshot(page, "stripe-3ds-purchase")

    order = Order.objects.get()
    reference = order.payment_transactions.get().psp_reference
    assert order.charge_status == OrderChargeStatus.FULL
    assert intent(reference).status == "succeeded"


def test_a_declined_card_shows_why_and_places_no_order(
    live_server,
    store,
    stripe_settings,
    chromium_page,
):
    # The review page answers the refused payment with a 400.
    with chromium_page(expected_errors=(r"status of 400",)) as page:
        _to_review(page, live_server, store)
        _type_card(page, CARD_DECLINED)
        page.wait_for_url(re.compile(r"/checkout/review/$"))
        error = page.get_by_test_id("payment-error").inner_text()
        screenshot(page, "stripe-declined")

    assert error == "Your card was declined."
    assert not Order.objects.exists()
