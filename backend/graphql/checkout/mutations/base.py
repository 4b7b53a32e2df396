"""What every checkout mutation shares: its error type and its checkout."""

from backend.channel.models import Channel

from ..lookup import (
    PAYLOAD_RELATIONS,
    checkout_for_requestor,
    checkout_token_of,
    reload_checkout,
)


def requested_checkout(
    info,
    *,
    id=None,
    token=None,
    checkout_id=None,
    relations=PAYLOAD_RELATIONS,
    lock: bool = False,
):
    """Return the checkout an id/token/checkoutId argument names, if allowed.

    ``relations``: what to read with it (a payload's relations unless told).
    ``lock``: read its row FOR UPDATE, in the transaction the caller opened.
    """
    return checkout_for_requestor(
        info,
        checkout_token_of(id=id, token=token, checkout_id=checkout_id),
        relations=relations,
        lock=lock,
    )


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
]
