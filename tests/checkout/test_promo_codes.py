"""Promo codes on a checkout: adding, refusing, removing, and the totals."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from prices import Money

from backend.checkout.models import Checkout
from backend.checkout.promo_codes import (
    checkout_promo_code_add,
    checkout_promo_code_remove,
)
from backend.checkout.selectors import checkout_totals
from backend.discount.models import DiscountValueType, VoucherCustomer, VoucherType
from tests import factories
from tests.fixtures.discount import make_voucher


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def _refusal(checkout, code) -> tuple[str, str, str]:
    with pytest.raises(ValidationError) as excinfo:
        checkout_promo_code_add(checkout_token=checkout.token, promo_code=code)
    ((field, errors),) = excinfo.value.error_dict.items()
    return field, errors[0].code, errors[0].message


def _voucher_code(checkout) -> str | None:
    return Checkout.objects.get(pk=checkout.pk).voucher_code


def test_a_valid_code_takes_ten_percent_off_the_subtotal(ready_checkout, welcome10):
    checkout = checkout_promo_code_add(
        checkout_token=ready_checkout.token, promo_code="WELCOME10"
    )

    totals = checkout_totals(checkout=checkout)
    assert checkout.voucher_code == "WELCOME10"
    assert (totals.subtotal, totals.discount, totals.shipping, totals.total) == (
        usd("39.98"),
        usd("4.00"),
        usd("5.00"),
        usd("40.98"),
    )
    assert totals.discount_name == "WELCOME10 voucher"


def test_surrounding_spaces_in_the_code_are_ignored(ready_checkout, welcome10):
    checkout = checkout_promo_code_add(
        checkout_token=ready_checkout.token, promo_code="  WELCOME10 "
    )

    assert checkout.voucher_code == "WELCOME10"


def test_an_unknown_code_is_refused_as_invalid(ready_checkout, welcome10):
    refusal = _refusal(ready_checkout, "NOPE")

    assert refusal == ("promo_code", "INVALID", "Promo code is invalid")
    assert _voucher_code(ready_checkout) is None


def test_an_expired_code_is_refused_as_invalid(ready_checkout, channel):
    make_voucher(channel=channel, end_date=timezone.now() - timedelta(minutes=1))

    assert _refusal(ready_checkout, "WELCOME10")[:2] == ("promo_code", "INVALID")
    assert _voucher_code(ready_checkout) is None


def test_a_code_before_its_start_date_is_refused_as_invalid(ready_checkout, channel):
    make_voucher(channel=channel, start_date=timezone.now() + timedelta(days=1))

    assert _refusal(ready_checkout, "WELCOME10")[:2] == ("promo_code", "INVALID")


def test_a_deactivated_code_is_refused_as_invalid(ready_checkout, welcome10):
    welcome10.is_active = False
    welcome10.save()

    assert _refusal(ready_checkout, "WELCOME10")[:2] == ("promo_code", "INVALID")


def test_a_used_up_code_is_not_applicable(ready_checkout, channel):
    make_voucher(channel=channel, usage_limit=3, used=3)

    assert _refusal(ready_checkout, "WELCOME10") == (
        "promo_code",
        "VOUCHER_NOT_APPLICABLE",
        "This voucher has been used up.",
    )
    assert _voucher_code(ready_checkout) is None


def test_a_subtotal_below_the_minimum_spend_is_not_applicable(ready_checkout, channel):
    make_voucher(channel=channel, min_spent="50.00")

    assert _refusal(ready_checkout, "WELCOME10") == (
        "promo_code",
        "VOUCHER_NOT_APPLICABLE",
        "This offer is only valid for orders over 50.00 USD.",
    )
    assert _voucher_code(ready_checkout) is None


def test_a_voucher_without_a_value_in_the_channel_is_not_applicable(
    ready_checkout, welcome10
):
    welcome10.voucher.channel_listings.all().delete()

    assert _refusal(ready_checkout, "WELCOME10")[:2] == (
        "promo_code",
        "VOUCHER_NOT_APPLICABLE",
    )


def test_a_once_per_customer_code_is_refused_to_an_email_that_used_it(
    ready_checkout, channel
):
    code = make_voucher(channel=channel, apply_once_per_customer=True)
    VoucherCustomer.objects.create(
        voucher=code.voucher, customer_email="buyer@example.com"
    )

    assert _refusal(ready_checkout, "WELCOME10") == (
        "promo_code",
        "VOUCHER_NOT_APPLICABLE",
        "This offer is valid only once per customer.",
    )


def test_a_fixed_discount_never_takes_the_subtotal_below_zero(ready_checkout, channel):
    make_voucher(
        channel=channel, code="BIG", value="100.00", value_type=DiscountValueType.FIXED
    )

    checkout = checkout_promo_code_add(
        checkout_token=ready_checkout.token, promo_code="BIG"
    )

    totals = checkout_totals(checkout=checkout)
    assert (totals.discount, totals.total) == (usd("39.98"), usd("5.00"))


def test_a_shipping_voucher_discounts_only_the_shipping(ready_checkout, channel):
    make_voucher(
        channel=channel,
        code="FREESHIP",
        value="100",
        voucher_type=VoucherType.SHIPPING,
    )

    checkout = checkout_promo_code_add(
        checkout_token=ready_checkout.token, promo_code="FREESHIP"
    )

    totals = checkout_totals(checkout=checkout)
    assert (totals.subtotal, totals.discount, totals.total) == (
        usd("39.98"),
        usd("5.00"),
        usd("39.98"),
    )


def test_a_second_code_replaces_the_first(ready_checkout, channel, welcome10):
    make_voucher(channel=channel, code="FIVE", value="5", value_type="fixed")
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")

    checkout = checkout_promo_code_add(
        checkout_token=ready_checkout.token, promo_code="FIVE"
    )

    assert checkout.voucher_code == "FIVE"
    assert checkout_totals(checkout=checkout).discount == usd("5.00")


def test_the_discount_disappears_when_the_cart_falls_below_the_minimum_spend(
    ready_checkout, channel
):
    make_voucher(channel=channel, min_spent="30.00")
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")
    ready_checkout.lines.update(quantity=1)

    totals = checkout_totals(checkout=Checkout.objects.get(pk=ready_checkout.pk))

    assert (totals.discount, totals.total, totals.voucher) == (
        usd("0"),
        usd("24.99"),
        None,
    )


def test_an_unknown_checkout_is_not_found(db, welcome10):
    with pytest.raises(ValidationError) as excinfo:
        checkout_promo_code_add(
            checkout_token="6f1c9f5e-0000-4000-8000-000000000000",
            promo_code="WELCOME10",
        )

    assert excinfo.value.error_dict["id"][0].code == "NOT_FOUND"


def test_removing_the_applied_code_drops_the_discount(ready_checkout, welcome10):
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")

    checkout = checkout_promo_code_remove(
        checkout_token=ready_checkout.token, promo_code="WELCOME10"
    )

    assert checkout.voucher_code is None
    assert checkout_totals(checkout=checkout).discount == usd("0")


def test_removing_without_naming_a_code_drops_the_applied_one(
    ready_checkout, welcome10
):
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")

    checkout_promo_code_remove(checkout_token=ready_checkout.token)

    assert _voucher_code(ready_checkout) is None


def test_removing_a_code_the_checkout_does_not_carry_changes_nothing(
    ready_checkout, welcome10
):
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")

    checkout_promo_code_remove(checkout_token=ready_checkout.token, promo_code="OTHER")

    assert _voucher_code(ready_checkout) == "WELCOME10"


def test_the_totals_of_a_checkout_without_a_code_look_nothing_up(
    ready_checkout, django_assert_num_queries
):
    lines = []
    with django_assert_num_queries(1):
        totals = checkout_totals(checkout=ready_checkout, lines=lines)

    assert totals.discount == usd("0")


def test_a_checkout_with_factories_email_uses_its_email_for_once_per_customer(
    db, channel, shipping_method, variant
):
    code = make_voucher(channel=channel, apply_once_per_customer=True)
    checkout = factories.CheckoutFactory(channel=channel, email="new@example.com")
    factories.CheckoutLineFactory(checkout=checkout, variant=variant, quantity=1)
    VoucherCustomer.objects.create(
        voucher=code.voucher, customer_email="old@example.com"
    )

    checkout = checkout_promo_code_add(
        checkout_token=checkout.token, promo_code="WELCOME10"
    )

    assert checkout.voucher_code == "WELCOME10"
