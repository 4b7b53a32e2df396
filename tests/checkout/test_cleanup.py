"""Abandoned checkouts are deleted; carts with a payment are kept."""

import datetime

import pytest
from django.utils import timezone

from backend.checkout.cleanup import checkouts_delete_stale
from backend.checkout.models import Checkout
from backend.checkout.transactions import transaction_initialize
from tests import factories

pytestmark = pytest.mark.django_db


def _aged(checkout, *, days=0, hours=0):
    Checkout.objects.filter(pk=checkout.pk).update(
        last_change=timezone.now() - datetime.timedelta(days=days, hours=hours)
    )
    return checkout


def test_an_old_guest_cart_and_an_empty_cart_are_deleted(channel, variant):
    old_guest = _aged(factories.CheckoutFactory(channel=channel), days=31)
    factories.CheckoutLineFactory(checkout=old_guest, variant=variant, quantity=1)
    _aged(factories.CheckoutFactory(channel=channel), hours=7)  # empty
    fresh = factories.CheckoutFactory(channel=channel)
    factories.CheckoutLineFactory(checkout=fresh, variant=variant, quantity=1)

    checkouts_delete_stale(now=timezone.now())

    assert list(Checkout.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_a_customers_cart_lives_ninety_days(channel, variant):
    user = factories.UserFactory()
    cart = _aged(factories.CheckoutFactory(channel=channel, user=user), days=60)
    factories.CheckoutLineFactory(checkout=cart, variant=variant, quantity=1)

    checkouts_delete_stale(now=timezone.now())

    assert Checkout.objects.filter(pk=cart.pk).exists()


def test_a_cart_holding_a_payment_is_never_deleted(ready_checkout):
    transaction_initialize(
        checkout_token=ready_checkout.token,
        gateway_id="lumbar.payments.test",
        token="tok_success",
    )
    _aged(ready_checkout, days=400)

    checkouts_delete_stale(now=timezone.now())

    assert Checkout.objects.filter(pk=ready_checkout.pk).exists()
