"""checkoutCreate: a new checkout in a channel, with lines and details."""

import graphene
from django.core.exceptions import ValidationError
from django.db import transaction

from backend.checkout.details import (
    checkout_billing_address_update,
    checkout_shipping_address_update,
)
from backend.checkout.services import checkout_create
from backend.core.metadata import metadata_update

from ...core.channel import default_channel_slug
from ...core.mutations import BaseMutation
from ..errors import CheckoutError
from ..inputs import CheckoutCreateInput, address_data, lines_to_add, metadata_items
from ..types import Checkout
from .base import channel_by_slug, reload_checkout, requestor


def _channel(info, slug: str | None):
    if slug is None:
        try:
            slug = default_channel_slug(info)
        except Exception:  # noqa: BLE001 - Saleor's error code says it better
            raise ValidationError(
                {
                    "channel": ValidationError(
                        "You need to provide channel slug.",
                        code="MISSING_CHANNEL_SLUG",
                    )
                }
            ) from None
    channel = channel_by_slug(slug)
    if channel is None:
        raise ValidationError(
            {
                "channel": ValidationError(
                    f"Channel with '{slug}' slug does not exist.", code="NOT_FOUND"
                )
            }
        )
    if not channel.is_active:
        raise ValidationError(
            {
                "channel": ValidationError(
                    f"Channel with '{slug}' is inactive.", code="CHANNEL_INACTIVE"
                )
            }
        )
    return channel


class CheckoutCreate(BaseMutation):
    created = graphene.Boolean(
        description="Whether the checkout was created or the current active one was "
        "returned. Refer to checkoutLinesAdd and checkoutLinesUpdate to merge a cart "
        "with an active checkout.",
        deprecation_reason="Always returns `true`.",
    )
    checkout = graphene.Field(Checkout)

    class Arguments:
        input = CheckoutCreateInput(
            required=True, description="Fields required to create checkout."
        )

    class Meta:
        description = "Create a new checkout."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_input(cls, info, input):
        return {
            "channel": _channel(info, input.get("channel")),
            "lines": lines_to_add(input.get("lines") or []),
            "email": input.get("email"),
            "shipping_address": input.get("shipping_address"),
            "billing_address": input.get("billing_address"),
            "metadata": metadata_items(input.get("metadata")),
            "private_metadata": metadata_items(input.get("private_metadata")),
        }

    @classmethod
    def perform_mutation(cls, info, *, shipping_address, billing_address, **cleaned):
        metadata = cleaned.pop("metadata")
        private_metadata = cleaned.pop("private_metadata")
        # Details are set in the same transaction: a bad address creates nothing.
        with transaction.atomic():
            checkout = checkout_create(user=requestor(info), **cleaned)
            if shipping_address:
                checkout_shipping_address_update(
                    checkout_token=checkout.token,
                    address=address_data(shipping_address),
                )
            if billing_address:
                checkout_billing_address_update(
                    checkout_token=checkout.token,
                    address=address_data(billing_address),
                )
            if metadata:
                metadata_update(instance=checkout, items=metadata)
            if private_metadata:
                metadata_update(instance=checkout, items=private_metadata, private=True)
        if shipping_address or billing_address or metadata or private_metadata:
            checkout = reload_checkout(checkout.token)  # written by other copies
        return cls.success(checkout=checkout, created=True)
