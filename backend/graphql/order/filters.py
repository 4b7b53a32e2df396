"""The filters of Lumbar's order lists, in Saleor's input types.

- ``OrderFilterInput`` (``filter_orders``, ``search_orders``): the staff's
  ``orders`` query.
- ``CustomerOrderWhereInput``: ``User.orders``, read by ``order_where_q``
  (where.py), the one reading of Saleor's where-fields.
"""

import uuid

import graphene
from django.db.models import Q

from backend.order.models import OrderStatus as StoredOrderStatus

from ..core.filter_inputs import (
    DateRangeInput,
    DateTimeRangeInput,
    GlobalIDFilterInput,
    MetadataFilter,
    MetadataFilterInput,
    StringFilterInput,
)
from ..core.ids import pks_from_global_ids, uuid_from_global_id
from ..core.shared_enums import member_name
from .enums import OrderAuthorizeStatusEnum, OrderChargeStatusEnum
from .where_inputs import (
    IntFilterInput,
    OrderAuthorizeStatusEnumFilterInput,
    OrderChargeStatusEnumFilterInput,
    OrderStatusEnumFilterInput,
    UUIDFilterInput,
)

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


class OrderDraftFilterInput(graphene.InputObjectType):
    customer = graphene.String()
    created = graphene.Field(DateRangeInput)
    search = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    channels = graphene.List(graphene.NonNull(graphene.ID))


# Saleor's status filter → our stored statuses.
_STATUSES = {
    "READY_TO_FULFILL": [StoredOrderStatus.UNFULFILLED],
    "READY_TO_CAPTURE": [StoredOrderStatus.UNFULFILLED, StoredOrderStatus.UNCONFIRMED],
    "UNFULFILLED": [StoredOrderStatus.UNFULFILLED],
    "UNCONFIRMED": [StoredOrderStatus.UNCONFIRMED],
    "PARTIALLY_FULFILLED": [StoredOrderStatus.PARTIALLY_FULFILLED],
    "FULFILLED": [StoredOrderStatus.FULFILLED],
    "CANCELED": [StoredOrderStatus.CANCELED],
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


class CustomerOrderWhereInput(graphene.InputObjectType):
    metadata = graphene.InputField(
        MetadataFilterInput, description="Filter by metadata fields."
    )
    ids = graphene.List(graphene.NonNull(graphene.ID))
    number = graphene.InputField(IntFilterInput, description="Filter by order number.")
    channel_id = graphene.InputField(
        GlobalIDFilterInput, description="Filter by channel."
    )
    created_at = graphene.InputField(
        DateTimeRangeInput, description="Filter order by created at date."
    )
    updated_at = graphene.InputField(
        DateTimeRangeInput, description="Filter order by updated at date."
    )
    user_email = graphene.InputField(
        StringFilterInput, description="Filter by user email."
    )
    authorize_status = graphene.InputField(
        OrderAuthorizeStatusEnumFilterInput, description="Filter by authorize status."
    )
    charge_status = graphene.InputField(
        OrderChargeStatusEnumFilterInput, description="Filter by charge status."
    )
    status = graphene.InputField(
        OrderStatusEnumFilterInput, description="Filter by order status."
    )
    checkout_token = graphene.InputField(
        UUIDFilterInput, description="Filter by checkout token."
    )
    checkout_id = graphene.InputField(
        GlobalIDFilterInput, description="Filter by checkout id."
    )
    voucher_code = graphene.InputField(
        StringFilterInput, description="Filter by voucher code used in the order."
    )
    AND = graphene.List(
        graphene.NonNull(lambda: CustomerOrderWhereInput),
        description="List of conditions that must be met.",
    )
    OR = graphene.List(
        graphene.NonNull(lambda: CustomerOrderWhereInput),
        description="A list of conditions of which at least one must be met.",
    )

    class Meta:
        description = "Where filtering options for a customer's orders."
