"""The Stripe gateway against a real localstripe server."""

from decimal import Decimal

from django.test import override_settings
from prices import Money

from backend.payment.gateways import PaymentStatus, payment_gateways_available
from backend.payment.gateways.stripe import (
    STRIPE_GATEWAY_ID,
    StripeGateway,
    from_minor_units,
    to_minor_units,
)

from .helpers import CARD_3DS, CARD_DECLINED, CARD_OK, card, intent, refunds


def test_a_card_charge_succeeds_at_stripe(stripe_settings):
    result = StripeGateway().charge(
        amount=Money("12.34", "USD"), token=card(CARD_OK), idempotency_key="t1"
    )

    assert result.status == PaymentStatus.SUCCESS
    assert intent(result.psp_reference).status == "succeeded"
    assert intent(result.psp_reference).amount == 1234


def test_a_charge_with_no_card_leaves_the_intent_for_the_browser(stripe_settings):
    result = StripeGateway().charge(amount=Money("10.00", "USD"), token="")

    assert result.status == PaymentStatus.ACTION_REQUIRED
    secret = result.action_data["paymentIntent"]["stripeClientSecret"]
    assert secret.startswith(f"{result.psp_reference}_secret_")
    assert intent(result.psp_reference).status == "requires_payment_method"


def test_a_3d_secure_card_asks_for_the_shoppers_step(stripe_settings):
    result = StripeGateway().charge(amount=Money("10.00", "USD"), token=card(CARD_3DS))

    assert result.status == PaymentStatus.ACTION_REQUIRED
    assert intent(result.psp_reference).status == "requires_action"


def test_a_declined_card_is_declined_with_stripes_message(stripe_settings):
    result = StripeGateway().charge(
        amount=Money("10.00", "USD"), token=card(CARD_DECLINED)
    )

    assert result.status == PaymentStatus.DECLINED
    assert result.message == "Your card was declined."


def test_an_authorization_holds_the_money_without_capturing_it(stripe_settings):
    result = StripeGateway().authorize(
        amount=Money("20.00", "USD"), token=card(CARD_OK)
    )

    assert result.status == PaymentStatus.SUCCESS
    assert intent(result.psp_reference).capture_method == "manual"
    assert intent(result.psp_reference).status == "requires_capture"


def test_a_partial_capture_takes_only_the_amount_asked(stripe_settings):
    gateway = StripeGateway()
    held = gateway.authorize(amount=Money("20.00", "USD"), token=card(CARD_OK))

    result = gateway.capture(
        amount=Money("15.00", "USD"), psp_reference=held.psp_reference
    )

    assert result.status == PaymentStatus.SUCCESS
    assert intent(held.psp_reference).status == "succeeded"
    # localstripe gives the uncaptured rest back as a refund.
    assert refunds(held.psp_reference) == [500]


def test_a_cancel_releases_an_authorization(stripe_settings):
    gateway = StripeGateway()
    held = gateway.authorize(amount=Money("20.00", "USD"), token=card(CARD_OK))

    result = gateway.cancel(
        amount=Money("20.00", "USD"), psp_reference=held.psp_reference
    )

    assert result.status == PaymentStatus.SUCCESS
    assert intent(held.psp_reference).status == "canceled"


def test_partial_refunds_of_the_same_amount_are_two_refunds(stripe_settings):
    gateway = StripeGateway()
    paid = gateway.charge(amount=Money("30.00", "USD"), token=card(CARD_OK))

    for step in (1, 2):
        gateway.refund(
            amount=Money("5.00", "USD"),
            psp_reference=paid.psp_reference,
            idempotency_key=f"refund-{step}",
        )

    assert refunds(paid.psp_reference) == [500, 500]


def test_yen_is_sent_in_whole_yen_and_dollars_in_cents():
    assert to_minor_units(Decimal("500"), "JPY") == 500
    assert to_minor_units(Decimal("12.345"), "USD") == 1235
    assert to_minor_units(Decimal("1.234"), "KWD") == 1234
    assert from_minor_units(500, "JPY") == Decimal("500")
    assert from_minor_units(1234, "USD") == Decimal("12.34")


def test_a_yen_charge_reaches_stripe_as_whole_yen(stripe_settings):
    result = StripeGateway().charge(amount=Money("500", "JPY"), token=card(CARD_OK))

    assert intent(result.psp_reference).amount == 500
    assert intent(result.psp_reference).currency == "jpy"


@override_settings(STRIPE_SECRET_KEY="", STRIPE_PUBLISHABLE_KEY="")
def test_stripe_is_offered_only_when_its_keys_are_set():
    assert STRIPE_GATEWAY_ID not in [g.id for g in payment_gateways_available()]


def test_stripe_is_offered_when_its_keys_are_set(stripe_settings):
    assert STRIPE_GATEWAY_ID in [g.id for g in payment_gateways_available()]
