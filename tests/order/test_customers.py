"""Guest orders join the account their email confirms."""

import pytest
from django.core.exceptions import ValidationError

from backend.account.tokens import confirmation_tokens
from backend.order.customers import customer_account_confirm, guest_orders_attach
from tests import factories
from tests.api.order.conftest import place_order


@pytest.fixture
def guest_order(channel, shipping_method, variant):
    return place_order(
        channel=channel, shipping_method=shipping_method, variant=variant
    )


def confirm(user):
    return customer_account_confirm(
        email=user.email, token=confirmation_tokens.make_token(user)
    )


def test_confirming_an_account_gives_it_the_guest_orders_of_its_email(guest_order):
    user = factories.UserFactory(email="buyer@example.com", is_confirmed=False)

    confirm(user)

    guest_order.refresh_from_db()
    assert guest_order.user == user


def test_the_email_matches_whatever_its_case(channel, shipping_method, variant):
    user = factories.UserFactory(email="buyer@example.com", is_confirmed=False)
    order = place_order(
        channel=channel, shipping_method=shipping_method, variant=variant
    )
    order.user_email = "Buyer@Example.COM"
    order.save(update_fields=["user_email"])

    confirm(user)

    order.refresh_from_db()
    assert order.user == user


def test_guest_orders_of_other_emails_stay_guest_orders(guest_order):
    user = factories.UserFactory(email="someone-else@example.com", is_confirmed=False)

    confirm(user)

    guest_order.refresh_from_db()
    assert guest_order.user is None


def test_an_order_of_another_account_is_never_moved(channel, shipping_method, variant):
    owner = factories.UserFactory(email="owner@example.com", is_confirmed=True)
    order = place_order(
        channel=channel, shipping_method=shipping_method, variant=variant, user=owner
    )
    order.user_email = "buyer@example.com"
    order.save(update_fields=["user_email"])
    user = factories.UserFactory(email="buyer@example.com", is_confirmed=False)

    confirm(user)

    order.refresh_from_db()
    assert order.user == owner


def test_a_wrong_token_attaches_nothing(guest_order):
    user = factories.UserFactory(email="buyer@example.com", is_confirmed=False)

    with pytest.raises(ValidationError):
        customer_account_confirm(email=user.email, token="forged-token")

    guest_order.refresh_from_db()
    assert guest_order.user is None


def test_an_unconfirmed_account_gets_no_orders(guest_order):
    # Signing up proves nothing about the address: only the emailed link does.
    user = factories.UserFactory(email="buyer@example.com", is_confirmed=False)

    assert guest_orders_attach(user=user) == 0

    guest_order.refresh_from_db()
    assert guest_order.user is None
