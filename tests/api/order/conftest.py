import pytest

from backend.checkout.complete import checkout_complete
from tests.api.checkout.conftest import (  # noqa: F401 - shared fixtures
    api,
    customer_api,
    other_customer,
)
from tests.fixtures.checkout import make_ready_checkout, paid_with


def place_order(*, channel, shipping_method, variant, user=None, quantity=2):
    """Place an order through checkout_complete, as a shopper would."""
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, quantity)]
    )
    if user is not None:
        checkout.user = user
        checkout.save(update_fields=["user"])
    return checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order


@pytest.fixture
def guest_order(channel, shipping_method, variant):
    return place_order(
        channel=channel, shipping_method=shipping_method, variant=variant
    )


@pytest.fixture
def customer_order(channel, shipping_method, variant, customer_user):
    return place_order(
        channel=channel,
        shipping_method=shipping_method,
        variant=variant,
        user=customer_user,
    )
