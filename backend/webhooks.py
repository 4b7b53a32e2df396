"""Doors for payment providers' webhooks (Stripe's)."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from backend.payment.stripe_webhooks import StripeWebhookRefused, stripe_webhook_receive


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Take one Stripe event; a bad signature is refused and nothing stored."""
    try:
        outcome = stripe_webhook_receive(
            payload=request.body,
            signature=request.headers.get("Stripe-Signature", ""),
        )
    except StripeWebhookRefused as refusal:
        return HttpResponseBadRequest(str(refusal), content_type="text/plain")
    return HttpResponse(outcome, content_type="text/plain")
