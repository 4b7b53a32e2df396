"""The cart: add to it, see it, change quantities, remove lines, promo codes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from backend.checkout.promo_codes import (
    checkout_promo_code_add,
    checkout_promo_code_remove,
)
from backend.checkout.services import checkout_lines_delete, checkout_lines_update
from backend.page.selectors import articles_published
from backend.page.services.attribution import shop_block_click_record
from backend.product.models import Product, ProductVariant

from ..cart import cart_add_lines, cart_attribute, cart_channel, cart_get
from ..cart_page import cart_delivery_line, cart_view
from ..checkout_forms import (
    AddToCartForm,
    LineQuantityForm,
    PromoCodeForm,
    add_domain_errors,
)
from ..seo import PageMeta


@require_safe
def cart_detail(request):
    return _render_cart(request)


def _render_cart(request, *, line_errors=None, promo_form=None, status=200):
    checkout = cart_get(request)
    cart = cart_view(checkout=checkout) if checkout is not None else None
    return render(
        request,
        "checkout/cart.html",
        {
            "cart": cart,
            "cart_count": cart.quantity if cart else 0,
            "delivery_line": cart_delivery_line(cart=cart) if cart else "",
            "rows": [
                (line, (line_errors or {}).get(line.id, [])) for line in cart.lines
            ]
            if cart
            else [],
            "promo_form": promo_form or PromoCodeForm(),
            "meta": PageMeta(title="Your cart | Lumbar", noindex=True),
        },
        status=status,
    )


def _shop_block_variant(request, form) -> ProductVariant | None:
    """Return the product's only sellable variant, recording the block's click.

    A product with several variants goes to its page, where the shopper
    chooses; None then.
    """
    channel_slug = cart_channel().slug
    product = (
        Product.objects.published(channel_slug)
        .filter(pk=form.cleaned_data["product"])
        .first()
    )
    if product is None:
        raise Http404("No such product in this store.")
    article_slug = form.cleaned_data.get("article")
    if article_slug:
        page = articles_published().filter(slug=article_slug).first()
        if page is not None:
            shop_block_click_record(
                page=page,
                product=product,
                block=form.cleaned_data.get("block") or None,
                session=request.session,
            )
    variants = list(
        ProductVariant.objects.filter(product=product).visible_to_user(
            channel_slug=channel_slug, can_manage=False
        )[:2]
    )
    if len(variants) != 1:
        return None
    return variants[0]


@require_POST
def cart_add(request):
    form = AddToCartForm(request.POST)
    if not form.is_valid():
        return _add_refused(request, form=form, messages_=_form_messages(form))
    variant_id = form.cleaned_data.get("variant")
    if not variant_id:
        variant = _shop_block_variant(request, form)
        if variant is None:
            product = Product.objects.get(pk=form.cleaned_data["product"])
            messages.info(request, "Choose an option to add it to your cart.")
            return redirect("storefront:product", product.slug)
        variant_id = variant.pk
    try:
        checkout = cart_add_lines(
            request, lines=[(variant_id, form.cleaned_data["quantity"])]
        )
    except ValidationError as error:
        return _add_refused(request, form=form, messages_=error.messages)
    cart_attribute(request, checkout=checkout)
    messages.success(request, "Added to your cart.")
    return redirect("storefront:cart")


def _form_messages(form) -> list[str]:
    return [
        f"{form.fields[name].label}: {message}" if name in form.fields else message
        for name, errors in form.errors.items()
        for message in errors
    ]


def _add_refused(request, *, form, messages_):
    """Go back to the product's page and say why nothing was added."""
    for message in messages_:
        messages.error(request, message)
    variant_id = form.cleaned_data.get("variant") if form.is_bound else None
    variant = (
        ProductVariant.objects.select_related("product").filter(pk=variant_id).first()
        if variant_id
        else None
    )
    if variant is None:
        product_id = form.cleaned_data.get("product")
        product = Product.objects.filter(pk=product_id).first() if product_id else None
        if product is None:
            return redirect("storefront:cart")
        return redirect("storefront:product", product.slug)
    url = reverse("storefront:product", args=[variant.product.slug])
    return redirect(f"{url}?variant={variant.pk}")


def _cart_line(request, line_id):
    checkout = cart_get(request)
    line = checkout.lines.filter(pk=line_id).first() if checkout else None
    if line is None:
        raise Http404("This line is not in your cart.")
    return checkout, line


@require_POST
def cart_line_update(request, line_id):
    checkout, line = _cart_line(request, line_id)
    form = LineQuantityForm(request.POST)
    if not form.is_valid():
        return _render_cart(
            request, line_errors={str(line.pk): form.errors["quantity"]}, status=400
        )
    try:
        checkout_lines_update(
            checkout_token=checkout.token,
            lines=[(line.variant_id, form.cleaned_data["quantity"])],
            user=request.user if request.user.is_authenticated else None,
        )
    except ValidationError as error:
        return _render_cart(
            request, line_errors={str(line.pk): error.messages}, status=400
        )
    messages.success(request, "Quantity updated.")
    return redirect("storefront:cart")


@require_POST
def cart_line_remove(request, line_id):
    checkout, line = _cart_line(request, line_id)
    checkout_lines_delete(checkout_token=checkout.token, line_ids=[line.pk])
    messages.success(request, "Removed from your cart.")
    return redirect("storefront:cart")


@require_POST
def cart_promo_add(request):
    checkout = cart_get(request)
    if checkout is None:
        return redirect("storefront:cart")
    form = PromoCodeForm(request.POST)
    if form.is_valid():
        try:
            checkout_promo_code_add(
                checkout_token=checkout.token,
                promo_code=form.cleaned_data["promo_code"],
            )
        except ValidationError as error:
            add_domain_errors(form, error)
    if form.errors:
        return _render_cart(request, promo_form=form, status=400)
    messages.success(request, "Promo code applied.")
    return redirect("storefront:cart")


@require_POST
def cart_promo_remove(request):
    checkout = cart_get(request)
    if checkout is not None:
        checkout_promo_code_remove(checkout_token=checkout.token)
        messages.success(request, "Promo code removed.")
    return redirect("storefront:cart")
