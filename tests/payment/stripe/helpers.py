"""Cards and reads against localstripe, for the Stripe tests."""

from backend.payment.gateways.stripe import stripe_client

CARD_OK = "4242424242424242"
CARD_3DS = "4000000000003220"
# localstripe declines this one when charged (Stripe's "charge fails").
CARD_DECLINED = "4000000000000341"


def card(number: str) -> str:
    """Create a card PaymentMethod at the fake Stripe; return its id."""
    method = stripe_client().v1.payment_methods.create(
        {
            "type": "card",
            "card": {"number": number, "exp_month": 12, "exp_year": 2030, "cvc": "123"},
        }
    )
    return method.id


def intent(psp_reference: str):
    return stripe_client().v1.payment_intents.retrieve(psp_reference)


def refunds(psp_reference: str) -> list[int]:
    listed = stripe_client().v1.refunds.list({"payment_intent": psp_reference})
    return [refund.amount for refund in listed.data]
