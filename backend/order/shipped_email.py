"""The "your order has shipped" email: what left, what is still coming, and
where to track it."""

from dataclasses import dataclass

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from .carriers import tracking_url
from .emails import order_status_url
from .models import Fulfillment, FulfillmentStatus


@dataclass(frozen=True)
class ShippedItem:
    quantity: int
    name: str


def _name(line) -> str:
    if line.variant_name:
        return f"{line.product_name} ({line.variant_name})"
    return line.product_name


def shipped_email_build(fulfillment: Fulfillment) -> EmailMultiAlternatives:
    """Return the shipped email for a parcel, saying whether more is coming."""
    order = fulfillment.order
    shipped = [
        ShippedItem(quantity=line.quantity, name=_name(line.order_line))
        for line in fulfillment.lines.select_related("order_line").order_by("pk")
    ]
    still_to_come = [
        ShippedItem(quantity=line.quantity - line.quantity_fulfilled, name=_name(line))
        for line in order.lines.order_by("created_at", "pk")
        if line.quantity > line.quantity_fulfilled
    ]
    parcels = order.fulfillments.filter(status=FulfillmentStatus.FULFILLED).count()
    if still_to_come:
        subject = f"Part of your Lumbar order #{order.number} has shipped"
    else:
        subject = f"Your Lumbar order #{order.number} has shipped"
    context = {
        "subject": subject,
        "order": order,
        "fulfillment": fulfillment,
        "shipped": shipped,
        "still_to_come": still_to_come,
        "parcels": parcels,
        "tracking_url": tracking_url(
            carrier=fulfillment.carrier, tracking_number=fulfillment.tracking_number
        ),
        "status_url": order_status_url(order=order),
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
