"""Carry a guest's cart into the account that just logged in.

Saleor attaches the checkout on login (checkoutCustomerAttach); a customer
who already has an open checkout in the channel would then hold two carts,
so the guest's lines move into the older one and the guest checkout goes.
"""

from uuid import UUID

from django.db import transaction

from .models import Checkout
from .reservations import checkout_reserve_stock, lines_released
from .services import current_quantities, validate_lines, write_quantities
from .validation import (
    MAX_CHECKOUT_LINE_QUANTITY,
    quantities_available,
    quantities_bought,
    validate_variants_sellable,
    variants_by_id,
)


@transaction.atomic
def checkout_merge_on_login(
    *, checkout_token: UUID | str | None, user
) -> Checkout | None:
    """Give the guest checkout to the user, merged into their open one.

    Return the checkout the user now shops with, or None when the token
    names no checkout the user may take (missing, or someone else's).
    """
    if not checkout_token or user is None or not user.is_authenticated:
        return None
    guest = (
        Checkout.objects.select_for_update(of=("self",))
        .select_related("channel")
        .by_token(checkout_token)
        .first()
    )
    if guest is None or guest.user_id not in (None, user.pk):
        return None
    if guest.user_id == user.pk:
        return guest
    target = (
        Checkout.objects.select_for_update(of=("self",))
        .select_related("channel")
        .filter(user=user, channel=guest.channel_id)
        .exclude(pk=guest.pk)
        .order_by("-last_change", "pk")
        .first()
    )
    # A guest checkout that took payment keeps its own row and transactions.
    if target is None or guest.payment_transactions.exists():
        return _attach(guest, user=user)
    _move_lines(guest=guest, target=target, user=user)
    _fill_missing_details(guest=guest, target=target)
    # The guest's stock reservations go with it.
    lines_released(guest.lines.all())
    guest.delete()
    return target


def _attach(checkout: Checkout, *, user) -> Checkout:
    checkout.user = user
    checkout.email = user.email
    checkout.save(update_fields=["user", "email", "last_change"])
    return checkout


def _sellable(channel, variants) -> set[int]:
    sellable = set()
    for variant in variants:
        try:
            validate_variants_sellable(channel=channel, variants=[variant])
        except Exception:  # noqa: BLE001 - a line no longer sold is dropped
            continue
        sellable.add(variant.pk)
    return sellable


def _move_lines(*, guest: Checkout, target: Checkout, user) -> None:
    """Add the guest's quantities to the target's, capped at what may be sold."""
    existing = current_quantities(checkout=target)
    added = {line.variant_id: line.quantity for line in guest.lines.all()}
    if not added:
        return
    variants = variants_by_id(variant_ids=added)
    sellable = _sellable(target.channel, variants.values())
    available = quantities_available(
        channel=target.channel, variant_ids=added, checkout_token=target.pk
    )
    bought = quantities_bought(user=user, variant_ids=list(added))
    quantities = {}
    for variant_id, quantity in added.items():
        if variant_id not in sellable:
            continue
        variant = variants[variant_id]
        have = existing[variant_id].quantity if variant_id in existing else 0
        cap = MAX_CHECKOUT_LINE_QUANTITY
        if variant.quantity_limit_per_customer is not None:
            cap = min(
                cap, variant.quantity_limit_per_customer - bought.get(variant_id, 0)
            )
        if variant.track_inventory:
            cap = min(cap, available.get(variant_id, 0))
        wanted = max(have, min(have + quantity, cap))
        if wanted > have:
            quantities[variant_id] = wanted
    if not quantities:
        return
    # The capped quantities pass the same checks as checkoutLinesAdd.
    validate_lines(
        channel=target.channel,
        quantities=quantities,
        user=user,
        checkout_token=target.pk,
    )
    write_quantities(checkout=target, existing=existing, quantities=quantities)
    checkout_reserve_stock(checkout=target, user=user)


def _fill_missing_details(*, guest: Checkout, target: Checkout) -> None:
    """Keep what the guest entered where the user's checkout has nothing."""
    changed = []
    for field in ("shipping_address", "billing_address", "voucher_code"):
        if getattr(target, field) is None and getattr(guest, field) is not None:
            setattr(target, field, getattr(guest, field))
            changed.append(field)
    metadata = {**guest.metadata, **target.metadata}
    if metadata != target.metadata:
        target.metadata = metadata
        changed.append("metadata")
    if changed:
        target.save(update_fields=[*changed, "last_change"])
