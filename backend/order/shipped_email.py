"""The "your order is on its way" email: carrier, tracking number and link."""

from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from .models import Fulfillment

# Public tracking pages of the carriers the demo ships with.
TRACKING_URLS = {
    "usps": "https://tools.usps.com/go/TrackConfirmAction?tLabels={}",
    "ups": "https://www.ups.com/track?tracknum={}",
    "fedex": "https://www.fedex.com/fedextrack/?trknbr={}",
    "dhl": "https://www.dhl.com/us-en/home/tracking.html?tracking-id={}",
}


def tracking_url(*, carrier: str, tracking_number: str) -> str:
    """Return the carrier's tracking page for the number, or "" if unknown."""
    template = TRACKING_URLS.get(carrier.strip().lower())
    if not template or not tracking_number:
        return ""
    return template.format(quote(tracking_number, safe=""))


def order_status_url(order) -> str:
    return f"{settings.PUBLIC_URL.rstrip('/')}/orders/{order.token}/"


def shipped_email_build(fulfillment: Fulfillment) -> EmailMultiAlternatives:
    """Return the shipped email for a fulfilment, in HTML and text."""
    order = fulfillment.order
    subject = f"Your Lumbar order #{order.number} is on its way"
    context = {
        "subject": subject,
        "order": order,
        "fulfillment": fulfillment,
        "lines": list(fulfillment.lines.select_related("order_line")),
        "tracking_url": tracking_url(
            carrier=fulfillment.carrier, tracking_number=fulfillment.tracking_number
        ),
        "status_url": order_status_url(order),
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("order/emails/shipped.txt", context),
        to=[order.user_email],
    )
    message.attach_alternative(
        render_to_string("order/emails/shipped.html", context), "text/html"
    )
    return message
