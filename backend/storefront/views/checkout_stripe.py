"""The review step paying by card through Stripe Elements.

The page loads Stripe.js, which turns the card form into a token in the
browser (the card number never reaches Lumbar) and posts the token's card
id. Lumbar starts a Stripe session on the checkout (its row and the
PaymentIntent's id committed first), confirms the PaymentIntent with the
card, and completes the checkout when Stripe took the money. A card that
asks for 3-D Secure comes back to the page, which runs Stripe.js's step
and posts to ``checkout_stripe_return``.
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from backend.checkout.complete import checkout_complete
from backend.checkout.transactions import transaction_initialize
from backend.core.security import storefront_directives
from backend.payment.gateways.stripe import STRIPE_GATEWAY_ID, stripe_configured
from backend.payment.models import TransactionEventType, TransactionItem
from backend.payment.services import AUTHORIZATION, CHARGE
from backend.payment.stripe_payments import (
    stripe_payment_confirm,
    stripe_transaction_client_data,
    stripe_transaction_sync,
)

from ..cart import cart_forget
from ..cart_page import cart_view
from .checkout import _cart_or_none, _next_step, _step, checkout_review

SUCCESS = {
    TransactionEventType.CHARGE_SUCCESS,
    TransactionEventType.AUTHORIZATION_SUCCESS,
}
WAITING = {
    TransactionEventType.CHARGE_ACTION_REQUIRED,
    TransactionEventType.AUTHORIZATION_ACTION_REQUIRED,
}


def stripe_js_url() -> str:
    """Return Stripe.js's address: Stripe's own, or the test server's."""
    base = settings.STRIPE_API_BASE.rstrip("/")
    return f"{base}/js.stripe.com/v3/" if base else "https://js.stripe.com/v3/"


def _stripe_policy() -> str:
    """Return the store's policy opened to Stripe.js, its API and frames."""
    directives = storefront_directives()
    if settings.STRIPE_API_BASE:
        parts = urlsplit(settings.STRIPE_API_BASE)
        origins = [f"{parts.scheme}://{parts.netloc}"]
    else:
        origins = ["https://js.stripe.com", "https://api.stripe.com"]
    directives["script-src"] += origins
    directives["connect-src"] += origins
    directives["frame-src"] = ["'self'", *origins, "https://hooks.stripe.com"]
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


@require_http_methods(["GET", "HEAD", "POST"])
def checkout_review_or_stripe(request):
    """The review step: Stripe's card form when Stripe is configured."""
    if not stripe_configured():
        return checkout_review(request)
    checkout = _cart_or_none(request, related=("shipping_address", "shipping_method"))
    if checkout is None:
        return redirect("storefront:cart")
    missing = _next_step(checkout)
    if missing != "storefront:checkout-review":
        return redirect(missing)
    if request.method != "POST":
        return _page(request, checkout)
    payment_method = request.POST.get("payment_method", "").strip()
    if not payment_method.startswith(("card_", "pm_")):
        return _page(
            request,
            checkout,
            error="Enter your card details.",
            status=400,
        )
    strategy = checkout.channel.default_transaction_flow_strategy
    try:
        item = transaction_initialize(
            checkout_token=checkout.token,
            gateway_id=STRIPE_GATEWAY_ID,
            token="",
            action=AUTHORIZATION if strategy == "authorization" else CHARGE,
        )
        item, event = stripe_payment_confirm(
            transaction_token=item.token, payment_method=payment_method
        )
    except ValidationError as error:
        return _page(request, checkout, error=" ".join(error.messages), status=400)
    return _outcome(request, checkout, item, event)


@require_POST
def checkout_stripe_return(request):
    """Record what 3-D Secure decided, then finish the checkout."""
    checkout = _cart_or_none(request, related=("shipping_address", "shipping_method"))
    if checkout is None:
        return redirect("storefront:cart")
    item = TransactionItem.objects.filter(
        token=_uuid_or_none(request.POST.get("transaction")),
        checkout=checkout,
        gateway=STRIPE_GATEWAY_ID,
    ).first()
    if item is None:
        return redirect("storefront:checkout-review")
    item, event = stripe_transaction_sync(transaction_token=item.token)
    return _outcome(request, checkout, item, event)


def _outcome(request, checkout, item, event):
    if event is not None and event.type in SUCCESS:
        try:
            result = checkout_complete(
                checkout_token=checkout.token,
                user=request.user if request.user.is_authenticated else None,
            )
        except ValidationError as error:
            return _page(
                request,
                checkout,
                error=" ".join(error.messages),
                status=400,
            )
        cart_forget(request)
        return redirect("storefront:checkout-confirmation", token=result.order.token)
    if event is not None and event.type in WAITING:
        secret = stripe_transaction_client_data(item)["paymentIntent"][
            "stripeClientSecret"
        ]
        return _page(
            request,
            checkout,
            confirm={"client_secret": secret, "transaction": str(item.token)},
        )
    message = (event.message if event is not None else "") or "The payment failed."
    return _page(request, checkout, error=message, status=400)


def _page(request, checkout, *, error="", confirm=None, status=200):
    response = _step(
        request,
        "review_stripe.html",
        step="review",
        context={
            "cart": cart_view(checkout=checkout),
            "checkout": checkout,
            "stripe_js_url": stripe_js_url(),
            "stripe_publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
            "payment_error": error,
            "confirm": confirm,
        },
        status=status,
    )
    response["Content-Security-Policy"] = _stripe_policy()
    return response


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
