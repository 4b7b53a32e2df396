"""What every checkout mutation shares: its error type and its checkout."""

from backend.channel.models import Channel
from backend.checkout.models import Checkout

from ..lookup import (
    PAYLOAD_RELATIONS,
    checkout_for_requestor,
    checkout_token_of,
    reload_checkout,
)


def requested_checkout(
    info, *, id=None, token=None, checkout_id=None, relations=PAYLOAD_RELATIONS
):
    """Return the checkout an id/token/checkoutId argument names, if allowed.

    ``relations``: what to read with it (a payload's relations unless told).
    """
    return checkout_for_requestor(
        info,
        checkout_token_of(id=id, token=token, checkout_id=checkout_id),
        relations=relations,
    )


def with_relations_of(before: Checkout, updated: Checkout) -> Checkout:
    """Return the checkout a service saved, for the payload, without reloading it.

    A relation the service did not change (same foreign key) is taken from
    the copy the mutation looked up, already loaded; one it changed is the
    service's own object, or loads when the payload reads it.
    """
    for name in PAYLOAD_RELATIONS:
        field = Checkout._meta.get_field(name)
        if (
            not field.is_cached(updated)
            and field.is_cached(before)
            and getattr(updated, field.attname) == getattr(before, field.attname)
        ):
            field.set_cached_value(updated, field.get_cached_value(before))
    return updated


def requestor(info):
    user = getattr(info.context, "user", None)
    return user if user is not None and user.is_authenticated else None


def channel_by_slug(slug: str) -> Channel | None:
    return Channel.objects.filter(slug=slug).first()


__all__ = [
    "requested_checkout",
    "requestor",
    "reload_checkout",
    "channel_by_slug",
    "with_relations_of",
]
