"""Whoever holds a checkout's id may change it, as Saleor (issue 13)."""

from tests import factories

from .conftest import checkout_id, variant_id
from .test_checkout_lines import LINES_ADD
from .test_purchase import EMAIL


def _customers_checkout(channel, customer_user, variant):
    checkout = factories.CheckoutFactory(
        channel=channel, user=customer_user, email=customer_user.email
    )
    factories.CheckoutLineFactory(checkout=checkout, variant=variant, quantity=1)
    return checkout


def test_an_anonymous_holder_of_the_id_adds_lines_to_a_customers_checkout(
    api, channel, customer_user, variant
):
    checkout = _customers_checkout(channel, customer_user, variant)

    result = api(
        LINES_ADD,
        {
            "id": checkout_id(checkout),
            "lines": [{"variantId": variant_id(variant), "quantity": 2}],
        },
    )["data"]["checkoutLinesAdd"]

    assert result["errors"] == []
    assert checkout.lines.get().quantity == 3
    checkout.refresh_from_db()
    assert checkout.user_id == customer_user.pk


def test_an_anonymous_holder_of_the_id_updates_a_customers_checkout_email(
    api, channel, customer_user, variant
):
    checkout = _customers_checkout(channel, customer_user, variant)

    result = api(EMAIL, {"id": checkout_id(checkout), "email": "gift@example.com"})

    assert result["data"]["checkoutEmailUpdate"]["errors"] == []
    checkout.refresh_from_db()
    assert checkout.email == "gift@example.com"


def test_a_checkout_in_an_inactive_channel_cannot_be_changed(
    api, channel, customer_user, variant
):
    checkout = _customers_checkout(channel, customer_user, variant)
    channel.is_active = False
    channel.save(update_fields=["is_active"])

    result = api.login(customer_user)(
        LINES_ADD,
        {
            "id": checkout_id(checkout),
            "lines": [{"variantId": variant_id(variant), "quantity": 2}],
        },
    )["data"]["checkoutLinesAdd"]

    assert result["checkout"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("channel", "CHANNEL_INACTIVE")
    ]
    assert checkout.lines.get().quantity == 1
