"""Saleor's ``OrderWhereInput``: the staff order list's filters, in one place.

``order_where_q`` turns the input (where_inputs.py) into one ``Q``; the
customer's own ``User.orders(where:)`` sends a subset of the same fields and
goes through the same function. Where Lumbar keeps no such thing (invoices,
gift cards, click and collect, payment method details), a filter asking for
it matches no order and its negation matches every order, as Saleor answers
a store without them.
"""

import uuid
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q
from graphql import GraphQLError
from graphql_relay import from_global_id

from backend.account.models import Address
from backend.order.models import Fulfillment, FulfillmentLine, OrderEvent, OrderLine
from backend.payment.models import TransactionItem
from backend.product.models import PRICE_DECIMAL_PLACES

from ..core.filter_inputs import metadata_q
from ..core.ids import pks_from_global_ids
from ..core.shared_enums import member_name
from .event_types import EVENT_TYPES
from .where_inputs import OrderWhereInput

__all__ = ["OrderWhereInput", "order_where_q"]

NOTHING = Q(pk__in=[])


def _values(data) -> list | None:
    """Return the eq / oneOf values of a filter input as a list."""
    if data.get("eq") is not None:
        return [data["eq"]]
    if data.get("one_of") is not None:
        return list(data["one_of"])
    return None


def _tokens(global_ids, type_name: str) -> list[str]:
    tokens = []
    for value in global_ids:
        try:
            found, raw = from_global_id(value or "")
            if found != type_name:
                raise ValueError(found)
            tokens.append(str(uuid.UUID(raw)))
        except (ValueError, TypeError, UnicodeDecodeError) as error:
            raise GraphQLError(
                f"Invalid ID: {value}. Expected: {type_name}."
            ) from error
    return tokens


def _range_q(column: str, data) -> Q:
    condition = Q()
    if data.get("gte") is not None:
        condition &= Q(**{f"{column}__gte": data["gte"]})
    if data.get("lte") is not None:
        condition &= Q(**{f"{column}__lte": data["lte"]})
    return condition


def _numeric_q(column: str, data) -> Q:
    """Return the Q of an Int/DecimalFilterInput (eq, oneOf, range)."""
    condition = Q()
    values = _values(data)
    if values is not None:
        condition &= Q(**{f"{column}__in": values})
    if data.get("range"):
        condition &= _range_q(column, data["range"])
    return condition


def _ids_q(column: str, data, type_name: str) -> Q:
    values = _values(data)
    if values is None:
        return Q()
    return Q(**{f"{column}__in": pks_from_global_ids(values, type_name)})


def _stored(values) -> list[str]:
    # The enums carry Saleor's names; the rows hold lower-case words.
    return [member_name(value).lower().replace("_", " ") for value in values]


def _absent(value: bool | None) -> Q:
    """Match a thing Lumbar never has: asked for, none; asked against, all."""
    if value is None:
        return NOTHING
    return NOTHING if value else Q()


def _address_q(column: str, data) -> Q:
    addresses = Address.objects.all()
    if data.get("phone_number") and (values := _values(data["phone_number"])):
        addresses = addresses.filter(phone__in=values)
    country = data.get("country") or {}
    if (values := _values(country)) is not None:
        addresses = addresses.filter(country__in=[member_name(v) for v in values])
    if country.get("not_one_of"):
        addresses = addresses.exclude(
            country__in=[member_name(v) for v in country["not_one_of"]]
        )
    return Q(Exists(addresses.filter(pk=OuterRef(column))))


def _fulfillments_q(items) -> Q:
    if not items:
        return NOTHING
    condition = Q()
    for item in items:
        parcels = Fulfillment.objects.all()
        if item.get("status") and (values := _values(item["status"])) is not None:
            parcels = parcels.filter(
                status__in=[v.lower() for v in map(member_name, values)]
            )
        if item.get("metadata"):
            parcels = parcels.filter(metadata_q(item["metadata"]))
        warehouse = item.get("warehouse")
        if warehouse is not None:
            lines = Q()
            if warehouse.get("id"):
                lines &= _ids_q("stock__warehouse_id", warehouse["id"], "Warehouse")
            for field, column in (
                ("slug", "stock__warehouse__slug"),
                ("external_reference", "stock__warehouse__external_reference"),
            ):
                if warehouse.get(field) and (v := _values(warehouse[field])):
                    lines &= Q(**{f"{column}__in": v})
            if not lines:
                return NOTHING
            parcels = parcels.filter(lines__in=FulfillmentLine.objects.filter(lines))
        condition &= Q(Exists(parcels.filter(order_id=OuterRef("pk"))))
    return condition


def _transactions_q(items) -> Q:
    if not items:
        return NOTHING
    condition = Q()
    for item in items:
        if item.get("payment_method_details") is not None or item.get("metadata"):
            # Lumbar records no payment method details and no transaction
            # metadata: no transaction matches either.
            return NOTHING
        psp = item.get("psp_reference")
        if psp is None or (values := _values(psp)) is None:
            return NOTHING
        payments = TransactionItem.objects.filter(psp_reference__in=values)
        condition &= Q(Exists(payments.filter(order_id=OuterRef("pk"))))
    return condition


# Saleor's OrderEventsEnum → our stored event types.
_STORED_EVENT_TYPES: dict[str, list[str]] = {}
for _stored_type, _saleor_type in EVENT_TYPES.items():
    _STORED_EVENT_TYPES.setdefault(_saleor_type, []).append(_stored_type)


def _events_q(items) -> Q:
    if not items:
        return NOTHING
    condition = Q()
    for item in items:
        if not item.get("date") and not item.get("type"):
            return NOTHING
        events = OrderEvent.objects.all()
        if item.get("date"):
            events = events.filter(_range_q("date", item["date"]))
        if item.get("type") and (values := _values(item["type"])) is not None:
            stored = [
                stored_type
                for value in values
                for stored_type in _STORED_EVENT_TYPES.get(member_name(value), [])
            ]
            events = events.filter(type__in=stored)
        condition &= Q(Exists(events.filter(order_id=OuterRef("pk"))))
    return condition


def _lines_q(items) -> Q:
    # Lumbar's order lines carry no metadata, so no line matches a
    # metadata condition.
    return NOTHING


def _rounded(value) -> Decimal:
    # A JSON number arrives as a binary float (44.98 as 44.9799...).
    return round(Decimal(str(value)), PRICE_DECIMAL_PLACES)


def _price_q(data) -> Q:
    condition = Q()
    if data.get("currency"):
        condition &= Q(currency=data["currency"])
    amount = data["amount"]
    prices = {}
    if amount.get("eq") is not None:
        prices["eq"] = _rounded(amount["eq"])
    if amount.get("one_of") is not None:
        prices["one_of"] = [_rounded(value) for value in amount["one_of"]]
    if amount.get("range"):
        prices["range"] = {
            key: _rounded(value)
            for key, value in amount["range"].items()
            if value is not None
        }
    # Lumbar's prices carry no tax: an order's net total is its gross total.
    return condition & _numeric_q("total_amount", prices)


def order_where_q(data) -> Q:
    """Return the Q of Saleor's ``OrderWhereInput`` (with AND/OR)."""
    condition = Q()
    if data.get("ids") is not None:
        condition &= Q(token__in=_tokens(data["ids"], "Order"))
    if data.get("number"):
        condition &= _numeric_q("number", data["number"])
    if data.get("channel_id"):
        condition &= _ids_q("channel_id", data["channel_id"], "Channel")
    if data.get("user"):
        condition &= _ids_q("user_id", data["user"], "User")
    for field in ("created_at", "updated_at"):
        if data.get(field):
            condition &= _range_q(field, data[field])
    for field in ("user_email", "voucher_code"):
        if data.get(field) and (values := _values(data[field])) is not None:
            condition &= Q(**{f"{field}__in": values})
    for field in ("status", "charge_status", "authorize_status"):
        if data.get(field) and (values := _values(data[field])) is not None:
            condition &= Q(**{f"{field}__in": _stored(values)})
    token = data.get("checkout_token")
    if token and (values := _values(token)) is not None:
        condition &= Q(checkout_token__in=[str(value) for value in values])
    if data.get("checkout_id") and (values := _values(data["checkout_id"])) is not None:
        condition &= Q(checkout_token__in=_tokens(values, "Checkout"))
    if data.get("metadata"):
        condition &= metadata_q(data["metadata"])
    for field in ("is_click_and_collect", "is_gift_card_used", "is_gift_card_bought"):
        if field in data:
            condition &= _absent(data[field])
    if "has_invoices" in data:
        condition &= _absent(data["has_invoices"])
    if "invoices" in data:
        condition &= NOTHING  # Lumbar issues no invoices.
    if "has_fulfillments" in data:
        if data["has_fulfillments"] is None:
            condition &= NOTHING
        else:
            sent = Q(Exists(Fulfillment.objects.filter(order_id=OuterRef("pk"))))
            condition &= sent if data["has_fulfillments"] else ~sent
    if "fulfillments" in data:
        condition &= _fulfillments_q(data["fulfillments"])
    if "lines" in data:
        condition &= _lines_q(data["lines"])
    if data.get("lines_count"):
        counted = OrderLine.objects.values("order_id").annotate(n=Count("pk"))
        condition &= Q(
            pk__in=counted.filter(_numeric_q("n", data["lines_count"])).values(
                "order_id"
            )
        )
    if "transactions" in data:
        condition &= _transactions_q(data["transactions"])
    for field in ("total_gross", "total_net"):
        if data.get(field):
            condition &= _price_q(data[field])
    if data.get("product_type_id"):
        lines = OrderLine.objects.filter(
            _ids_q(
                "variant__product__product_type_id",
                data["product_type_id"],
                "ProductType",
            )
        )
        condition &= Q(Exists(lines.filter(order_id=OuterRef("pk"))))
    if "events" in data:
        condition &= _events_q(data["events"])
    for field, column in (
        ("billing_address", "billing_address_id"),
        ("shipping_address", "shipping_address_id"),
    ):
        if field in data:
            condition &= _address_q(column, data[field]) if data[field] else NOTHING
    for item in data.get("AND") or []:
        condition &= order_where_q(item)
    if data.get("OR"):
        either = NOTHING
        for item in data["OR"]:
            either |= order_where_q(item)
        condition &= either
    return condition
