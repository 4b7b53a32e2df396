"""The product page's "Email me when it's back" form."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from backend.account.throttling import client_ip
from backend.product.models import ProductVariant
from backend.warehouse.restock import restock_alert_subscribe

# Requests one address may make an hour: a shopper asks a few times, a
# script mailing strangers asks thousands.
REQUESTS_PER_IP_HOUR = 30


class RestockAlertForm(forms.Form):
    variant = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    email = forms.CharField(max_length=254)


def _over_limit(request) -> bool:
    key = f"restock-alert:ip:{client_ip(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) > REQUESTS_PER_IP_HOUR
    except ValueError:  # expired between add and incr
        return False


@require_POST
def restock_alert(request):
    form = RestockAlertForm(request.POST)
    variant = None
    if form.is_valid():
        variant = (
            ProductVariant.objects.select_related("product")
            .filter(pk=form.cleaned_data["variant"])
            .first()
        )
    if variant is None:
        messages.error(request, "Choose the product you want to hear about.")
        return redirect("storefront:home")
    back = reverse("storefront:product", args=[variant.product.slug])
    back = f"{back}?variant={variant.pk}"
    if _over_limit(request):
        messages.error(request, "Too many requests from here; try again in an hour.")
        return redirect(back)
    try:
        alert = restock_alert_subscribe(
            variant_id=variant.pk,
            channel_slug=settings.DEFAULT_CHANNEL_SLUG,
            email=form.cleaned_data["email"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(back)
    messages.success(
        request,
        f"We will email {alert.email} once {variant.product.name} is back in stock.",
    )
    return redirect(back)
