"""Where a shipping method is sold, at what price, for which order values."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from babel.numbers import get_currency_precision
from django.core.exceptions import ValidationError
from django.db import transaction

from backend.channel.models import Channel
from backend.core.promise_version import promise_rules_changed
from backend.product.models import PRICE_DECIMAL_PLACES, PRICE_MAX_DIGITS

from ..errors import ShippingErrorCode, shipping_error
from ..models import ShippingMethod, ShippingMethodChannelListing

_UNSET = object()


@dataclass(frozen=True)
class MethodListingInput:
    """A method's price and order-value bounds in one channel.

    A bound left out keeps its stored value; None clears it.
    """

    channel_id: int
    price: Decimal | None = None
    minimum_order_price: Decimal | None | object = field(default=_UNSET)
    maximum_order_price: Decimal | None | object = field(default=_UNSET)


def _amount_error(value, currency: str) -> str | None:
    if not isinstance(value, Decimal) or not value.is_finite():
        return "The price is not a number."
    if value < 0:
        return "The price cannot be negative."
    places = min(get_currency_precision(currency), PRICE_DECIMAL_PLACES)
    if value != value.quantize(Decimal(1).scaleb(-places)):
        return f"Value cannot have more than {places} decimal places for {currency}."
    if value.adjusted() >= PRICE_MAX_DIGITS - PRICE_DECIMAL_PLACES:
        return "The price is too large."
    return None


def _clean_listing(
    item: MethodListingInput,
    channel: Channel,
    existing: ShippingMethodChannelListing | None,
    errors: dict,
) -> dict:
    """Return the listing's new amounts, adding a field error for each fault."""
    params = {"channels": [channel.pk]}
    amounts = {}
    if item.price is None:
        if existing is None:
            errors["price"].append(
                ValidationError(
                    "This field is required.",
                    code=ShippingErrorCode.REQUIRED.value,
                    params=params,
                )
            )
    else:
        amounts["price_amount"] = item.price
    for name, value in (
        ("minimum_order_price", item.minimum_order_price),
        ("maximum_order_price", item.maximum_order_price),
    ):
        if value is not _UNSET:
            amounts[f"{name}_amount"] = value
    for name, value in amounts.items():
        message = None if value is None else _amount_error(value, channel.currency_code)
        if message:
            field_name = name.removesuffix("_amount")
            errors[field_name].append(
                ValidationError(
                    message, code=ShippingErrorCode.INVALID.value, params=params
                )
            )
    low = amounts.get(
        "minimum_order_price_amount",
        existing.minimum_order_price_amount if existing else None,
    )
    high = amounts.get(
        "maximum_order_price_amount",
        existing.maximum_order_price_amount if existing else None,
    )
    if low is not None and high is not None and high <= low:
        errors["maximum_order_price"].append(
            ValidationError(
                "Maximum order price should be larger than the minimum order price.",
                code=ShippingErrorCode.MAX_LESS_THAN_MIN.value,
                params=params,
            )
        )
    return amounts


def _channels(pks: set[int]) -> dict[int, Channel]:
    channels = Channel.objects.in_bulk(pks)
    missing = sorted(pks - set(channels))
    if missing:
        raise shipping_error(
            "channel_id",
            f"Couldn't resolve to a node: Channel {missing[0]}.",
            ShippingErrorCode.NOT_FOUND,
            channels=missing,
        )
    return channels


@transaction.atomic
def shipping_method_channel_listing_update(
    *,
    method_id: int,
    add_channels: list[MethodListingInput] = (),
    remove_channel_ids: list[int] = (),
) -> ShippingMethod:
    """Sell a method in channels at a price, or stop selling it there."""
    method = (
        ShippingMethod.objects.select_for_update()
        .select_related("shipping_zone")
        .filter(pk=method_id)
        .first()
    )
    if method is None:
        raise shipping_error(
            "id", "Shipping method not found.", ShippingErrorCode.NOT_FOUND
        )
    added_ids = [item.channel_id for item in add_channels]
    repeated = sorted(
        {pk for pk in added_ids if added_ids.count(pk) > 1}
        | (set(added_ids) & set(remove_channel_ids))
    )
    if repeated:
        raise shipping_error(
            "input",
            "The same channel cannot be given twice or both added and removed.",
            ShippingErrorCode.DUPLICATED_INPUT_ITEM,
            channels=repeated,
        )
    channels = _channels(set(added_ids) | set(remove_channel_ids))
    zone_channels = set(method.shipping_zone.channels.values_list("pk", flat=True))
    outside = sorted(set(added_ids) - zone_channels)
    if outside:
        raise shipping_error(
            "add_channels",
            "Cannot add channels that are not assigned to the method's shipping zone.",
            ShippingErrorCode.INVALID,
            channels=outside,
        )
    existing = {
        listing.channel_id: listing
        for listing in ShippingMethodChannelListing.objects.select_for_update().filter(
            shipping_method=method, channel_id__in=added_ids
        )
    }
    errors: dict[str, list] = defaultdict(list)
    cleaned = [
        (
            item,
            _clean_listing(
                item, channels[item.channel_id], existing.get(item.channel_id), errors
            ),
        )
        for item in add_channels
    ]
    if errors:
        raise ValidationError(dict(errors))
    for item, amounts in cleaned:
        listing = existing.get(item.channel_id)
        if listing is None:
            ShippingMethodChannelListing.objects.create(
                shipping_method=method,
                channel_id=item.channel_id,
                currency=channels[item.channel_id].currency_code,
                **amounts,
            )
        elif amounts:
            for name, value in amounts.items():
                setattr(listing, name, value)
            listing.save(update_fields=list(amounts))
    if remove_channel_ids:
        ShippingMethodChannelListing.objects.filter(
            shipping_method=method, channel_id__in=remove_channel_ids
        ).delete()
    promise_rules_changed()
    return method
