"""Reads for the staff home page: recent order activity and sales totals."""

import datetime
from decimal import Decimal

from django.db.models import Sum
from prices import Money

from backend.channel.models import Channel

from .models import Order, OrderEvent, OrderEvents, OrderStatus

# Saleor's home page lists these events; Lumbar records no "fully paid" one.
HOMEPAGE_EVENT_TYPES = (OrderEvents.PLACED,)


def homepage_events():
    """Return the order events the staff home page lists, oldest first."""
    return (
        OrderEvent.objects.filter(type__in=HOMEPAGE_EVENT_TYPES)
        .select_related("order", "user")
        .order_by("date", "pk")
    )


def reporting_period_start(*, period: str, now: datetime.datetime):
    """Return when a reporting period ("today", "this_month") began."""
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "this_month":
        start = start.replace(day=1)
    return start


def orders_total(*, channel_slug: str, since: datetime.datetime | None) -> Money | None:
    """Return the sum of the channel's orders' totals, canceled ones left out.

    None when no channel has the slug.
    """
    channel = Channel.objects.filter(slug=channel_slug).first()
    if channel is None:
        return None
    orders = Order.objects.filter(channel=channel).exclude(status=OrderStatus.CANCELED)
    if since is not None:
        orders = orders.filter(created_at__gte=since)
    total = orders.aggregate(total=Sum("total_amount"))["total"] or Decimal(0)
    return Money(total, channel.currency_code)
