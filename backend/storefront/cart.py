"""The session's cart: a checkout whose token the session keeps.

The account login merge (``backend.checkout.merge``) reads the same key.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Sum

from backend.channel.models import Channel
from backend.checkout.access import checkout_may_use
from backend.checkout.models import Checkout, CheckoutLine
from backend.checkout.services import checkout_create, checkout_lines_add
from backend.page.services.attribution import ATTRIBUTION_SESSION_KEY
from backend.page.services.checkout_attribution import checkout_attribution_set

CART_SESSION_KEY = "lumbar_checkout_token"


def cart_channel() -> Channel:
    """Return the storefront's channel."""
    return Channel.objects.get(slug=settings.DEFAULT_CHANNEL_SLUG)


def cart_token(request) -> str | None:
    return request.session.get(CART_SESSION_KEY)


def cart_get(request, *, related: tuple[str, ...] = ()) -> Checkout | None:
    """Return the session's checkout, or None; forget a token that is gone."""
    token = cart_token(request)
    if token is None:
        return None
    checkout = (
        Checkout.objects.select_related("channel", *related).by_token(token).first()
    )
    if checkout is None:
        cart_forget(request)
        return None
    # The API's rule too: a cart of an inactive channel is out of reach (but
    # kept, for when the channel opens again).
    if not checkout_may_use(user=request.user, checkout=checkout):
        return None
    return checkout


def cart_add_lines(request, *, lines: list[tuple[int, int]]) -> Checkout:
    """Add lines to the session's checkout; the first add creates it.

    A refused add raises the domain's error and writes nothing, not even an
    empty checkout.
    """
    user = request.user if request.user.is_authenticated else None
    checkout = cart_get(request)
    if checkout is None:
        checkout = checkout_create(channel=cart_channel(), lines=lines, user=user)
        request.session[CART_SESSION_KEY] = str(checkout.token)
        return checkout
    return checkout_lines_add(checkout_token=checkout.token, lines=lines, user=user)


def cart_forget(request) -> None:
    request.session.pop(CART_SESSION_KEY, None)


def cart_quantity(request) -> int:
    """Return how many items the session's cart holds (one query, none if empty)."""
    token = cart_token(request)
    if token is None:
        return 0
    lines = CheckoutLine.objects.filter(
        checkout__in=Checkout.objects.by_token(token)
    ).aggregate(total=Sum("quantity"))
    return lines["total"] or 0


def cart_attribute(request, *, checkout: Checkout) -> None:
    """Copy the session's shop block attribution onto the checkout.

    An attribution the domain refuses (an article since removed) is dropped:
    it must never stop a purchase.
    """
    attribution = request.session.get(ATTRIBUTION_SESSION_KEY)
    if not attribution:
        return
    try:
        checkout_attribution_set(checkout_token=checkout.token, attribution=attribution)
    except ValidationError:
        request.session.pop(ATTRIBUTION_SESSION_KEY, None)
