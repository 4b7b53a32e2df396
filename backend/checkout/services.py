"""Checkout writes: create a checkout and change its lines."""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from uuid import UUID

from django.db import transaction

from backend.channel.models import Channel
from backend.product.models import ProductVariant

from .errors import CheckoutErrorCode, checkout_error
from .models import Checkout, CheckoutLine
from .reservations import checkout_reserve_stock, lines_released
from .selectors import checkout_by_token
from .validation import (
    validate_quantities_positive,
    validate_quantity_limits,
    validate_stock,
    validate_variants_sellable,
    variants_by_id,
)

# A requested line: a variant (or its id) and a quantity.
LineInput = tuple[ProductVariant | int, int]


def _variant_id(variant: ProductVariant | int) -> int:
    return variant.pk if isinstance(variant, ProductVariant) else int(variant)


def _merged_quantities(lines: Iterable[LineInput]) -> dict[int, int]:
    merged: dict[int, int] = defaultdict(int)
    for variant, quantity in lines:
        merged[_variant_id(variant)] += quantity
    return dict(merged)


def validate_lines(
    *, channel: Channel, quantities: dict[int, int], user=None, checkout_token=None
) -> dict[int, ProductVariant]:
    """Raise unless every variant may be sold in these quantities.

    The stock a checkout (``checkout_token``) holds itself counts as its own.
    """
    variants = variants_by_id(variant_ids=quantities)
    validate_variants_sellable(channel=channel, variants=variants.values())
    validate_quantity_limits(quantities=quantities, variants=variants, user=user)
    validate_stock(
        channel=channel,
        quantities=quantities,
        variants=variants,
        checkout_token=checkout_token,
    )
    return variants


def checkout_for_update(
    checkout_token: UUID | str, *, relations: tuple[str, ...] = ("channel",)
) -> Checkout:
    """Return the checkout locked for this transaction, or raise NOT_FOUND.

    ``relations`` are read with it (its row alone is locked).
    """
    checkout = checkout_by_token(checkout_token, relations=relations, lock=True)
    if checkout is None:
        raise checkout_error(
            field="id",
            code=CheckoutErrorCode.NOT_FOUND,
            message=f"Couldn't resolve to a node: {checkout_token}",
        )
    return checkout


@contextmanager
def checkout_locked(
    *,
    checkout_token: UUID | str | None = None,
    checkout: Checkout | None = None,
    relations: tuple[str, ...] = ("channel",),
) -> Iterator[Checkout]:
    """Open the write's transaction and yield its checkout, locked.

    Given a token, the transaction opens here and the row is read FOR UPDATE
    (NOT_FOUND if none). Given a ``checkout``, the caller read it FOR UPDATE
    in the transaction it holds open (a GraphQL mutation, which checked the
    requestor on that row): it is used as is, and no savepoint is taken.
    """
    if checkout is None:
        with transaction.atomic():
            yield checkout_for_update(checkout_token, relations=relations)
        return
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(
            "A checkout given to a write must be locked in the open transaction."
        )
    yield checkout


def current_quantities(*, checkout: Checkout) -> dict[int, CheckoutLine]:
    """Return the checkout's lines by variant id."""
    return {line.variant_id: line for line in checkout.lines.all()}


def checkout_create(
    *,
    channel: Channel,
    lines: Sequence[LineInput] = (),
    email: str | None = None,
    user=None,
) -> Checkout:
    """Create a checkout in the channel with the given lines."""
    if not channel.is_active:
        raise checkout_error(
            field="channel",
            code=CheckoutErrorCode.INVALID,
            message=f"Channel {channel.slug} is inactive.",
        )
    validate_quantities_positive(quantity for _, quantity in lines)
    quantities = _merged_quantities(lines)
    if quantities:
        validate_lines(channel=channel, quantities=quantities, user=user)
    user = user if user is not None and user.is_authenticated else None
    # Inside a caller's transaction (checkoutCreate's, with its details) a
    # failure rolls back the whole of it: no savepoint of its own is needed.
    with transaction.atomic(savepoint=False):
        checkout = Checkout.objects.create(
            channel=channel,
            currency=channel.currency_code,
            user=user,
            email=email or (user.email if user else None),
        )
        CheckoutLine.objects.bulk_create(
            CheckoutLine(checkout=checkout, variant_id=variant_id, quantity=quantity)
            for variant_id, quantity in quantities.items()
        )
        checkout_reserve_stock(checkout=checkout, user=user)
    return checkout


@transaction.atomic
def checkout_lines_add(
    *, checkout_token: UUID | str, lines: Sequence[LineInput], user=None
) -> Checkout:
    """Add lines; a variant already in the checkout gets its quantity raised."""
    validate_quantities_positive(quantity for _, quantity in lines)
    checkout = checkout_for_update(checkout_token)
    existing = current_quantities(checkout=checkout)
    added = _merged_quantities(lines)
    quantities = {
        variant_id: quantity
        + (existing[variant_id].quantity if variant_id in existing else 0)
        for variant_id, quantity in added.items()
    }
    validate_lines(
        channel=checkout.channel,
        quantities=quantities,
        user=user or checkout.user,
        checkout_token=checkout.pk,
    )
    write_quantities(checkout=checkout, existing=existing, quantities=quantities)
    checkout_reserve_stock(checkout=checkout, user=user)
    return checkout


@transaction.atomic
def checkout_lines_update(
    *, checkout_token: UUID | str, lines: Sequence[LineInput], user=None
) -> Checkout:
    """Set line quantities; a quantity of 0 removes the line, as in Saleor."""
    if any(quantity < 0 for _, quantity in lines):
        raise checkout_error(
            field="quantity",
            code=CheckoutErrorCode.ZERO_QUANTITY,
            message="The quantity should be higher or equal zero.",
        )
    checkout = checkout_for_update(checkout_token)
    existing = current_quantities(checkout=checkout)
    quantities = {_variant_id(variant): quantity for variant, quantity in lines}
    kept = {vid: quantity for vid, quantity in quantities.items() if quantity > 0}
    # Removing a line needs only the variant to exist.
    variants_by_id(variant_ids=quantities)
    if kept:
        validate_lines(
            channel=checkout.channel,
            quantities=kept,
            user=user or checkout.user,
            checkout_token=checkout.pk,
        )
    write_quantities(checkout=checkout, existing=existing, quantities=quantities)
    checkout_reserve_stock(checkout=checkout, user=user)
    return checkout


@transaction.atomic
def checkout_lines_delete(
    *, checkout_token: UUID | str, line_ids: Sequence[UUID | str]
) -> Checkout:
    """Remove the lines with these ids; an id not in the checkout is refused."""
    checkout = checkout_for_update(checkout_token)
    wanted = {str(line_id) for line_id in line_ids}
    present = {
        str(line_id)
        for line_id in checkout.lines.filter(id__in=wanted).values_list("id", flat=True)
    }
    missing = wanted - present
    if missing:
        raise checkout_error(
            field="lineId",
            code=CheckoutErrorCode.NOT_FOUND,
            message=f"Couldn't resolve to a node: {sorted(missing)[0]}",
        )
    # Their stock reservations go with them.
    lines_released(checkout.lines.filter(id__in=wanted))
    checkout.lines.filter(id__in=wanted).delete()
    checkout.save(update_fields=["last_change"])
    return checkout


def write_quantities(
    *,
    checkout: Checkout,
    existing: dict[int, CheckoutLine],
    quantities: dict[int, int],
) -> None:
    """Write validated quantities: add, change or (at 0) delete lines."""
    new_lines = []
    for variant_id, quantity in quantities.items():
        line = existing.get(variant_id)
        if line is None:
            if quantity > 0:
                new_lines.append(
                    CheckoutLine(
                        checkout=checkout, variant_id=variant_id, quantity=quantity
                    )
                )
        elif quantity == 0:
            # Its stock reservation goes with it.
            lines_released([line])
            line.delete()
        elif quantity != line.quantity:
            line.quantity = quantity
            line.save(update_fields=["quantity"])
    CheckoutLine.objects.bulk_create(new_lines)
    checkout.save(update_fields=["last_change"])
