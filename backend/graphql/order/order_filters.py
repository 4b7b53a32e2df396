"""Saleor's OrderFilterInput and OrderSortingInput for staff's orders list."""

import uuid

import graphene
from django.db.models import Q

from backend.order.models import OrderStatus

from ..core.enums import OrderDirection
from ..core.filter_inputs import DateRangeInput, DateTimeRangeInput
from ..core.ids import pks_from_global_ids, uuid_from_global_id
from ..core.shared_enums import member_name
from .types import OrderAuthorizeStatusEnum, OrderChargeStatusEnum

OrderStatusFilter = graphene.Enum(
    "OrderStatusFilter",
    [
        (name, name)
        for name in (
            "READY_TO_FULFILL READY_TO_CAPTURE UNFULFILLED UNCONFIRMED "
            "PARTIALLY_FULFILLED FULFILLED CANCELED"
        ).split()
    ],
)
OrderSortField = graphene.Enum(
    "OrderSortField",
    [
        ("NUMBER", "NUMBER"),
        ("CREATION_DATE", "CREATION_DATE"),
        ("CREATED_AT", "CREATED_AT"),
        ("LAST_MODIFIED_AT", "LAST_MODIFIED_AT"),
        ("CUSTOMER", "CUSTOMER"),
        ("STATUS", "STATUS"),
    ],
)
SORT_COLUMNS = {
    "NUMBER": ("number",),
    "CREATION_DATE": ("created_at", "number"),
    "CREATED_AT": ("created_at", "number"),
    "LAST_MODIFIED_AT": ("updated_at", "number"),
    "CUSTOMER": ("user_email", "number"),
    "STATUS": ("status", "number"),
}


class OrderFilterInput(graphene.InputObjectType):
    status = graphene.List(graphene.NonNull(OrderStatusFilter))
    customer = graphene.String()
    created = graphene.Field(DateRangeInput)
    search = graphene.String()
    channels = graphene.List(graphene.NonNull(graphene.ID))
    authorize_status = graphene.List(graphene.NonNull(OrderAuthorizeStatusEnum))
    charge_status = graphene.List(graphene.NonNull(OrderChargeStatusEnum))
    updated_at = graphene.Field(DateTimeRangeInput)
    ids = graphene.List(graphene.NonNull(graphene.ID))
    checkout_tokens = graphene.List(graphene.NonNull(graphene.UUID))
    numbers = graphene.List(graphene.NonNull(graphene.String))
    checkout_ids = graphene.List(graphene.NonNull(graphene.ID))


class OrderSortingInput(graphene.InputObjectType):
    direction = graphene.Field(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort orders.",
    )
    field = graphene.Field(
        OrderSortField, required=True, description="Sort orders by the selected field."
    )


# Saleor's status filter → our stored statuses.
_STATUSES = {
    "READY_TO_FULFILL": [OrderStatus.UNFULFILLED],
    "READY_TO_CAPTURE": [OrderStatus.UNFULFILLED, OrderStatus.UNCONFIRMED],
    "UNFULFILLED": [OrderStatus.UNFULFILLED],
    "UNCONFIRMED": [OrderStatus.UNCONFIRMED],
    "PARTIALLY_FULFILLED": [OrderStatus.PARTIALLY_FULFILLED],
    "FULFILLED": [OrderStatus.FULFILLED],
    "CANCELED": [OrderStatus.CANCELED],
}


def search_orders(queryset, text: str):
    """Return the orders whose number, token, email or SKU match the text."""
    text = (text or "").strip()
    if not text:
        return queryset
    query = Q(user_email__icontains=text) | Q(lines__product_sku__iexact=text)
    if text.lstrip("#").isdigit():
        query |= Q(number=int(text.lstrip("#")))
    try:
        query |= Q(token=uuid.UUID(text))
    except ValueError:
        pass
    return queryset.filter(query).distinct()


def filter_orders(queryset, data):
    """Return the orders matching an OrderFilterInput."""
    if not data:
        return queryset
    if data.get("status"):
        wanted = set()
        for value in data["status"]:
            wanted.update(_STATUSES[member_name(value)])
        queryset = queryset.filter(status__in=wanted)
        if "READY_TO_CAPTURE" in {member_name(v) for v in data["status"]}:
            queryset = queryset.exclude(charge_status="full")
    if data.get("customer"):
        text = data["customer"].strip()
        queryset = queryset.filter(
            Q(user_email__icontains=text)
            | Q(user__first_name__icontains=text)
            | Q(user__last_name__icontains=text)
        )
    created = data.get("created") or {}
    if created.get("gte"):
        queryset = queryset.filter(created_at__date__gte=created["gte"])
    if created.get("lte"):
        queryset = queryset.filter(created_at__date__lte=created["lte"])
    updated = data.get("updated_at") or {}
    if updated.get("gte"):
        queryset = queryset.filter(updated_at__gte=updated["gte"])
    if updated.get("lte"):
        queryset = queryset.filter(updated_at__lte=updated["lte"])
    if data.get("search"):
        queryset = search_orders(queryset, data["search"])
    if data.get("channels"):
        queryset = queryset.filter(
            channel_id__in=pks_from_global_ids(data["channels"], "Channel")
        )
    if data.get("authorize_status"):
        queryset = queryset.filter(
            authorize_status__in=[
                member_name(v).lower() for v in data["authorize_status"]
            ]
        )
    if data.get("charge_status"):
        queryset = queryset.filter(
            charge_status__in=[member_name(v).lower() for v in data["charge_status"]]
        )
    if data.get("ids"):
        queryset = queryset.filter(
            token__in=[
                uuid_from_global_id(value, type_name="Order", field="ids")
                for value in data["ids"]
            ]
        )
    if data.get("numbers"):
        numbers = [int(n) for n in data["numbers"] if str(n).strip().isdigit()]
        queryset = queryset.filter(number__in=numbers)
    tokens = [str(token) for token in data.get("checkout_tokens") or []]
    tokens += [
        str(uuid_from_global_id(value, type_name="Checkout", field="checkoutIds"))
        for value in data.get("checkout_ids") or []
    ]
    if tokens:
        queryset = queryset.filter(checkout_token__in=tokens)
    return queryset


def sort_orders(queryset, sort_by):
    """Return the orders in a OrderSortingInput's order (newest number first)."""
    if not sort_by:
        return queryset.order_by("-number")
    columns = SORT_COLUMNS[member_name(sort_by["field"])]
    descending = member_name(sort_by["direction"]) == "DESC"
    return queryset.order_by(*(f"-{c}" if descending else c for c in columns))
