"""Promo codes on a checkout: add one, remove it."""

from uuid import UUID

from django.db import transaction

from .models import Checkout
from .selectors import checkout_totals
from .services import checkout_for_update
from .vouchers import voucher_applied_get, voucher_customer_refusal, voucher_refusal


@transaction.atomic
def checkout_promo_code_add(*, checkout_token: UUID | str, promo_code: str) -> Checkout:
    """Apply a voucher code to the checkout, replacing any voucher it had.

    Refuses with INVALID an unknown, inactive or out-of-date code and with
    VOUCHER_NOT_APPLICABLE one the checkout does not qualify for.
    """
    checkout = checkout_for_update(checkout_token)
    code = (promo_code or "").strip()
    applied = voucher_applied_get(code=code, channel_id=checkout.channel_id)
    subtotal = checkout_totals(checkout=checkout, voucher=None).subtotal
    error = voucher_refusal(applied=applied, subtotal=subtotal)
    if error is None:
        email = checkout.email or (checkout.user.email if checkout.user else None)
        error = voucher_customer_refusal(applied=applied, email=email)
    if error is not None:
        raise error
    if checkout.voucher_code != applied.code.code:
        checkout.voucher_code = applied.code.code
        checkout.save(update_fields=["voucher_code", "last_change"])
    return checkout


@transaction.atomic
def checkout_promo_code_remove(
    *, checkout_token: UUID | str, promo_code: str | None = None
) -> Checkout:
    """Remove the checkout's voucher code, or only ``promo_code`` if given.

    As on Saleor, removing a code the checkout does not carry changes nothing.
    """
    checkout = checkout_for_update(checkout_token)
    if checkout.voucher_code is None:
        return checkout
    if promo_code is not None and promo_code.strip() != checkout.voucher_code:
        return checkout
    checkout.voucher_code = None
    checkout.save(update_fields=["voucher_code", "last_change"])
    return checkout
