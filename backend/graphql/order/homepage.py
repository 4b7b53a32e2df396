"""The staff home page's order reads: homepageEvents and ordersTotal."""

import graphene
from django.utils import timezone

from backend.core.permissions import PermissionEnum
from backend.order.reports import (
    homepage_events,
    orders_total,
    reporting_period_start,
)

from ..core.channel import default_channel_slug
from ..core.connection import ConnectionField, connection_from, create_connection_type
from ..core.money import TaxedMoney, taxed
from ..core.permissions import require_any_permission
from .types.events import OrderEvent

OrderEventCountableConnection = create_connection_type(OrderEvent)
MANAGE_ORDERS_NOTE = "\n\nRequires one of the following permissions: MANAGE_ORDERS."
DEPRECATED = "No longer supported"


class ReportingPeriod(graphene.Enum):
    TODAY = "today"
    THIS_MONTH = "this_month"


class HomepageQueries(graphene.ObjectType):
    homepage_events = ConnectionField(
        OrderEventCountableConnection,
        description="List of activity events to display on homepage (at the moment "
        "it only contains order-events)." + MANAGE_ORDERS_NOTE,
        deprecation_reason=DEPRECATED,
    )
    orders_total = graphene.Field(
        TaxedMoney,
        period=graphene.Argument(ReportingPeriod, description="A period of time."),
        channel=graphene.Argument(
            graphene.String,
            description="Slug of a channel for which the data should be returned.",
        ),
        description="Return the total sales amount from a specific period."
        + MANAGE_ORDERS_NOTE,
        deprecation_reason=DEPRECATED,
    )

    @staticmethod
    def resolve_homepage_events(root, info, **kwargs):
        require_any_permission(info, PermissionEnum.MANAGE_ORDERS)
        return connection_from(
            homepage_events(), info, kwargs, OrderEventCountableConnection
        )

    @staticmethod
    def resolve_orders_total(root, info, period=None, channel=None):
        require_any_permission(info, PermissionEnum.MANAGE_ORDERS)
        slug = channel if channel is not None else default_channel_slug(info)
        since = None
        if period is not None:
            since = reporting_period_start(
                period=getattr(period, "value", period), now=timezone.now()
            )
        total = orders_total(channel_slug=slug, since=since)
        return taxed(total) if total is not None else None
