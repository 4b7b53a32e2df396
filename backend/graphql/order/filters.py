"""The filters of Lumbar's order lists, in Saleor's input types.

- ``OrderFilterInput`` (``filter_orders``, ``search_orders``): the staff's
  ``orders`` query.
- ``CustomerOrderWhereInput`` (``customer_order_where_q``): ``User.orders``.
  Lumbar serves the part of Saleor's input that its orders can answer (no
  gift cards, invoices, click and collect or address filters yet); a client
  sending one of the other fields gets a validation error, not a silent
  "everything".
"""

import uuid

import graphene
from django.db.models import Q
from graphql import GraphQLError
from graphql_relay import from_global_id

from backend.order.models import OrderStatus as StoredOrderStatus

from ..core.filter_inputs import (
    DateRangeInput,
    DateTimeRangeInput,
    GlobalIDFilterInput,
    IntRangeInput,
    MetadataFilterInput,
    StringFilterInput,
    metadata_q,
)
from ..core.ids import pks_from_global_ids, uuid_from_global_id
from ..core.shared_enums import member_name
from .enums import OrderAuthorizeStatusEnum, OrderChargeStatusEnum, OrderStatus

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


class IntFilterInput(graphene.InputObjectType):
    eq = graphene.Int(description="The value equal to.", required=False)
    one_of = graphene.List(
        graphene.NonNull(graphene.Int),
        description="The value included in.",
        required=False,
    )
    range = graphene.InputField(
        IntRangeInput, description="The value in range.", required=False
    )

    class Meta:
        description = "Define the filtering options for integer fields."


class UUIDFilterInput(graphene.InputObjectType):
    eq = graphene.UUID(description="The value equal to.", required=False)
    one_of = graphene.List(
        graphene.NonNull(graphene.UUID),
        description="The value included in.",
        required=False,
    )


def _enum_filter(enum, name: str):
    return type(
        name,
        (graphene.InputObjectType,),
        {
            "eq": graphene.Field(enum, description="The value equal to."),
            "one_of": graphene.List(
                graphene.NonNull(enum), description="The value included in."
            ),
            "Meta": type("Meta", (), {"description": "Filter by " + enum._meta.name}),
        },
    )


OrderStatusEnumFilterInput = _enum_filter(OrderStatus, "OrderStatusEnumFilterInput")
OrderChargeStatusEnumFilterInput = _enum_filter(
    OrderChargeStatusEnum, "OrderChargeStatusEnumFilterInput"
)
OrderAuthorizeStatusEnumFilterInput = _enum_filter(
    OrderAuthorizeStatusEnum, "OrderAuthorizeStatusEnumFilterInput"
)


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


def _values(data) -> list | None:
    """Return the eq / oneOf values of a filter input as a list."""
    if data.get("eq") is not None:
        return [data["eq"]]
    if data.get("one_of") is not None:
        return list(data["one_of"])
    return None


def _order_tokens(global_ids) -> list[uuid.UUID]:
    tokens = []
    for value in global_ids:
        try:
            type_name, raw = from_global_id(value or "")
            if type_name != "Order":
                raise ValueError(type_name)
            tokens.append(uuid.UUID(raw))
        except (ValueError, TypeError, UnicodeDecodeError) as error:
            raise GraphQLError(f"Invalid ID: {value}. Expected: Order.") from error
    return tokens


def _checkout_tokens(global_ids) -> list[str]:
    tokens = []
    for value in global_ids:
        try:
            type_name, raw = from_global_id(value or "")
            if type_name != "Checkout":
                raise ValueError(type_name)
            tokens.append(str(uuid.UUID(raw)))
        except (ValueError, TypeError, UnicodeDecodeError) as error:
            raise GraphQLError(f"Invalid ID: {value}. Expected: Checkout.") from error
    return tokens


def _range_q(column: str, data) -> Q:
    condition = Q()
    if data.get("gte") is not None:
        condition &= Q(**{f"{column}__gte": data["gte"]})
    if data.get("lte") is not None:
        condition &= Q(**{f"{column}__lte": data["lte"]})
    return condition


def _stored(values) -> list[str]:
    # The enums carry Saleor's names; the rows hold lower-case words.
    return [member_name(value).lower().replace("_", " ") for value in values]


def customer_order_where_q(data) -> Q:
    """Return the Q of Saleor's ``CustomerOrderWhereInput`` (with AND/OR)."""
    condition = Q()
    if data.get("ids") is not None:
        condition &= Q(token__in=_order_tokens(data["ids"]))
    if data.get("number"):
        number = data["number"]
        values = _values(number)
        if values is not None:
            condition &= Q(number__in=values)
        if number.get("range"):
            condition &= _range_q("number", number["range"])
    if data.get("channel_id") and (values := _values(data["channel_id"])):
        condition &= Q(channel_id__in=pks_from_global_ids(values, "Channel"))
    if data.get("created_at"):
        condition &= _range_q("created_at", data["created_at"])
    if data.get("updated_at"):
        condition &= _range_q("updated_at", data["updated_at"])
    for field, column in (
        ("user_email", "user_email"),
        ("voucher_code", "voucher_code"),
    ):
        if data.get(field) and (values := _values(data[field])) is not None:
            condition &= Q(**{f"{column}__in": values})
    for field in ("status", "charge_status", "authorize_status"):
        if data.get(field) and (values := _values(data[field])) is not None:
            condition &= Q(**{f"{field}__in": _stored(values)})
    if (
        data.get("checkout_token")
        and (values := _values(data["checkout_token"])) is not None
    ):
        condition &= Q(checkout_token__in=[str(value) for value in values])
    if data.get("checkout_id") and (values := _values(data["checkout_id"])) is not None:
        condition &= Q(checkout_token__in=_checkout_tokens(values))
    if data.get("metadata"):
        condition &= metadata_q(data["metadata"])
    for item in data.get("AND") or []:
        condition &= customer_order_where_q(item)
    if data.get("OR"):
        either = Q(pk__in=[])
        for item in data["OR"]:
            either |= customer_order_where_q(item)
        condition &= either
    return condition
