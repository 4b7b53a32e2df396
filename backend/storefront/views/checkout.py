"""Checkout steps: contact, address, delivery, review and pay, confirmation."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from backend.checkout.complete import PaymentInput, checkout_complete
from backend.checkout.details import (
    checkout_billing_address_update,
    checkout_delivery_method_update,
    checkout_email_update,
    checkout_shipping_address_update,
)
from backend.payment.gateways.test_gateway import TEST_GATEWAY_ID
from backend.shipping.selectors import channel_shippable_countries

from ..address_errors import address_error_explained
from ..cart import cart_forget, cart_get
from ..cart_page import cart_view, delivery_options
from ..checkout_forms import (
    AddressForm,
    ContactForm,
    DeliveryForm,
    PaymentForm,
    add_domain_errors,
)
from ..page_cache import COUNTRY_KEY
from ..seo import PageMeta
from .orders import order_by_token, order_context

STEPS = (
    ("contact", "Contact"),
    ("address", "Shipping address"),
    ("delivery", "Delivery"),
    ("review", "Review and pay"),
)


def _next_step(checkout) -> str:
    """Return the first step the checkout still needs."""
    if not checkout.email:
        return "storefront:checkout-contact"
    if checkout.shipping_address_id is None:
        return "storefront:checkout-address"
    if checkout.shipping_method_id is None:
        return "storefront:checkout-delivery"
    return "storefront:checkout-review"


def _step(request, template, *, step, context, status=200):
    return render(
        request,
        f"checkout/{template}",
        {
            "steps": STEPS,
            "step": step,
            "meta": PageMeta(title="Checkout | Lumbar", noindex=True),
            **context,
        },
        status=status,
    )


def _cart_or_none(request, *, related=()):
    """Return the session's checkout if it has lines."""
    checkout = cart_get(request, related=related)
    if checkout is None or not checkout.lines.exists():
        return None
    return checkout


@require_safe
def checkout_start(request):
    checkout = _cart_or_none(request)
    if checkout is None:
        return redirect("storefront:cart")
    return redirect(_next_step(checkout))


@require_http_methods(["GET", "HEAD", "POST"])
def checkout_contact(request):
    checkout = _cart_or_none(request)
    if checkout is None:
        return redirect("storefront:cart")
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            try:
                checkout_email_update(
                    checkout_token=checkout.token, email=form.cleaned_data["email"]
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                return redirect("storefront:checkout-address")
    else:
        form = ContactForm(initial={"email": checkout.email})
    return _step(
        request,
        "contact.html",
        step="contact",
        context={"form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def checkout_address(request):
    checkout = _cart_or_none(request, related=("shipping_address",))
    if checkout is None:
        return redirect("storefront:cart")
    countries = channel_shippable_countries(channel_id=checkout.channel_id)
    if request.method == "POST":
        form = AddressForm(request.POST, countries=countries)
        if form.is_valid():
            try:
                # The billing address is the shipping address: both or neither.
                with transaction.atomic():
                    checkout_shipping_address_update(
                        checkout_token=checkout.token, address=form.cleaned_data
                    )
                    checkout_billing_address_update(
                        checkout_token=checkout.token, address=form.cleaned_data
                    )
            except ValidationError as error:
                add_domain_errors(
                    form,
                    address_error_explained(data=form.cleaned_data, error=error),
                )
            else:
                # Now the shopper's country is known: their own banner.
                request.session[COUNTRY_KEY] = form.cleaned_data["country"]
                return redirect("storefront:checkout-delivery")
    else:
        address = checkout.shipping_address
        initial = {"country": _default_country(request, checkout, countries)}
        if address is not None:
            initial = {name: getattr(address, name) for name in AddressForm.base_fields}
            initial["country"] = address.country.code
        form = AddressForm(initial=initial, countries=countries)
    return _step(
        request,
        "address.html",
        step="address",
        context={"form": form},
        status=400 if form.errors else 200,
    )


def _default_country(request, checkout, countries) -> str:
    """Return the shopper's known country, else the channel's, if shipped to."""
    codes = [country.code for country in countries]
    for code in (request.session.get(COUNTRY_KEY), checkout.channel.default_country):
        if code and str(code) in codes:
            return str(code)
    return codes[0] if codes else ""


@require_http_methods(["GET", "HEAD", "POST"])
def checkout_delivery(request):
    checkout = _cart_or_none(request, related=("shipping_address",))
    if checkout is None:
        return redirect("storefront:cart")
    if checkout.shipping_address_id is None:
        return redirect("storefront:checkout-address")
    options = delivery_options(cart=cart_view(checkout=checkout, images=False))
    method_ids = [option.method_id for option in options]
    if request.method == "POST":
        form = DeliveryForm(request.POST, method_ids=method_ids)
        if form.is_valid():
            try:
                checkout_delivery_method_update(
                    checkout_token=checkout.token,
                    shipping_method_id=form.cleaned_data["shipping_method"],
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                return redirect("storefront:checkout-review")
    else:
        chosen = checkout.shipping_method_id
        form = DeliveryForm(
            initial={"shipping_method": chosen if chosen in method_ids else None},
            method_ids=method_ids,
        )
    return _step(
        request,
        "delivery.html",
        step="delivery",
        context={
            "form": form,
            "options": options,
            "chosen": form["shipping_method"].value(),
            "address": checkout.shipping_address,
        },
        status=400 if form.errors else 200,
    )


def _review(request, checkout, *, form, status=200, notice=""):
    return _step(
        request,
        "review.html",
        step="review",
        context={
            "cart": cart_view(checkout=checkout),
            "checkout": checkout,
            "form": form,
            "notice": notice,
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def checkout_review(request):
    checkout = _cart_or_none(request, related=("shipping_address", "shipping_method"))
    if checkout is None:
        return redirect("storefront:cart")
    missing = _next_step(checkout)
    if missing != "storefront:checkout-review":
        return redirect(missing)
    if request.method != "POST":
        return _review(request, checkout, form=PaymentForm())
    form = PaymentForm(request.POST)
    if not form.is_valid():
        return _review(request, checkout, form=form, status=400)
    try:
        result = checkout_complete(
            checkout_token=checkout.token,
            payment=PaymentInput(
                gateway_id=TEST_GATEWAY_ID, token=form.cleaned_data["card_token"]
            ),
            user=request.user if request.user.is_authenticated else None,
        )
    except ValidationError as error:
        add_domain_errors(form, error)
        return _review(request, checkout, form=form, status=400)
    if result.order is None:
        notice = (
            "Your card asks for an extra confirmation (3-D Secure), which this "
            "store cannot do yet. No order was placed and your cart is kept; "
            "try another card."
        )
        return _review(request, checkout, form=form, status=400, notice=notice)
    cart_forget(request)
    return redirect("storefront:checkout-confirmation", token=result.order.token)


@require_safe
def checkout_confirmation(request, token):
    order = order_by_token(token)
    context = order_context(order)
    return render(
        request,
        "checkout/confirmation.html",
        {
            **context,
            "meta": PageMeta(title=f"Order #{order.number} | Lumbar", noindex=True),
        },
    )
