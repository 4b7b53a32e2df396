"""Voucher rules shared by the cart's totals, promo code entry and completion.

One predicate, ``voucher_refusal``, decides whether a code may discount a
checkout; totals leave out a voucher it refuses, the promo code service and
``checkout_complete`` raise its error.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from prices import Money

from backend.discount.models import (
    DiscountValueType,
    Voucher,
    VoucherChannelListing,
    VoucherCode,
    VoucherCustomer,
    VoucherType,
)

from .errors import CheckoutErrorCode, checkout_error

PROMO_CODE_FIELD = "promo_code"
INVALID_MESSAGE = "Promo code is invalid"


@dataclass(frozen=True)
class AppliedVoucher:
    code: VoucherCode
    # None when the voucher has no value in the checkout's channel.
    listing: VoucherChannelListing | None

    @property
    def voucher(self) -> Voucher:
        return self.code.voucher


def _invalid() -> ValidationError:
    return checkout_error(
        field=PROMO_CODE_FIELD,
        code=CheckoutErrorCode.INVALID,
        message=INVALID_MESSAGE,
    )


def _not_applicable(message: str) -> ValidationError:
    return checkout_error(
        field=PROMO_CODE_FIELD,
        code=CheckoutErrorCode.VOUCHER_NOT_APPLICABLE,
        message=message,
    )


def voucher_applied_get(
    *, code: str | None, channel_id: int, lock: bool = False
) -> AppliedVoucher | None:
    """Return the code with its voucher and channel listing, or None if unknown.

    With ``lock`` the voucher and code rows stay locked until the
    transaction ends, so usage is counted by one buyer at a time.
    """
    if not code:
        return None
    codes = VoucherCode.objects.select_related("voucher").filter(code=code)
    if lock:
        codes = codes.select_for_update(of=("self", "voucher"))
    voucher_code = codes.first()
    if voucher_code is None:
        return None
    listing = VoucherChannelListing.objects.filter(
        voucher_id=voucher_code.voucher_id, channel_id=channel_id
    ).first()
    return AppliedVoucher(code=voucher_code, listing=listing)


def voucher_refusal(
    *, applied: AppliedVoucher | None, subtotal: Money, at=None
) -> ValidationError | None:
    """Return why the voucher cannot discount this subtotal, or None if it can."""
    if applied is None:
        return _invalid()
    voucher = applied.voucher
    if not applied.code.is_active or not voucher.is_active(at=at or timezone.now()):
        return _invalid()
    if applied.listing is None:
        return _not_applicable("This voucher is not available in this channel.")
    if voucher.is_used_up():
        return _not_applicable("This voucher has been used up.")
    min_spent = applied.listing.min_spent
    if min_spent is not None and subtotal < min_spent:
        return _not_applicable(
            f"This offer is only valid for orders over {min_spent.amount:.2f} "
            f"{min_spent.currency}."
        )
    return None


def voucher_customer_refusal(
    *, applied: AppliedVoucher, email: str | None
) -> ValidationError | None:
    """Return an error if a once-per-customer voucher was used by this email."""
    voucher = applied.voucher
    if not voucher.apply_once_per_customer or not email:
        return None
    used = VoucherCustomer.objects.filter(
        voucher=voucher, customer_email__iexact=email
    ).exists()
    if used:
        return _not_applicable("This offer is valid only once per customer.")
    return None


def voucher_discount_amount(
    *, applied: AppliedVoucher, subtotal: Money, shipping: Money
) -> Money:
    """Return what the voucher takes off: never more than what it applies to."""
    base = shipping if applied.voucher.type == VoucherType.SHIPPING else subtotal
    value = applied.listing.discount_value
    if applied.voucher.discount_value_type == DiscountValueType.PERCENTAGE:
        amount = (
            Money(base.amount * value / Decimal(100), base.currency)
            .quantize(rounding=ROUND_HALF_UP)
            .amount
        )
    else:
        amount = value
    return Money(min(amount, base.amount), base.currency)


def voucher_use(*, applied: AppliedVoucher, email: str | None) -> None:
    """Count one use of the locked voucher and its code, and of the customer."""
    Voucher.objects.filter(pk=applied.voucher.pk).update(used=F("used") + 1)
    VoucherCode.objects.filter(pk=applied.code.pk).update(used=F("used") + 1)
    if applied.voucher.apply_once_per_customer and email:
        VoucherCustomer.objects.create(
            voucher=applied.voucher, customer_email=email.lower()
        )
