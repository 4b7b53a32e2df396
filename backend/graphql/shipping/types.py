"""ShippingMethod as a checkout or an order offers it, and Saleor's Delivery."""

from dataclasses import dataclass

import graphene
from django.utils import timezone
from graphene import relay
from prices import Money

from backend.shipping.models import ShippingMethod as ShippingMethodModel
from backend.shipping.promise import DeliveryPromise as DeliveryPromiseData
from backend.shipping.promise import PromiseReason
from backend.shipping.promise_text import promise_line

from ..core.ids import global_id
from ..core.money import Money as MoneyType
from ..meta.types import ObjectWithMetadata


@dataclass(frozen=True)
class ShippingMethodData:
    """A method with the price it costs in one checkout or order."""

    method: ShippingMethodModel
    price: Money
    active: bool = True
    message: str | None = None
    # The dates this method promises for the checkout's lines, when known.
    promise: DeliveryPromiseData | None = None

    @property
    def metadata(self) -> dict:
        return self.method.metadata

    @property
    def private_metadata(self) -> dict:
        return self.method.private_metadata


DeliveryPromiseReasonEnum = graphene.Enum(
    "DeliveryPromiseReasonEnum",
    [(reason.name, reason.value) for reason in PromiseReason],
    description="What pushed a delivery promise's dates out.",
)


class DeliveryPromise(graphene.ObjectType):
    earliest_date = graphene.Date(description="Earliest delivery date.")
    latest_date = graphene.Date(description="Latest delivery date.")
    order_by = graphene.DateTime(
        description="Order before this moment to get these dates."
    )
    ship_by = graphene.DateTime(
        description="When the parcel must leave the warehouse to keep them."
    )
    is_fast = graphene.Boolean(
        required=True, description="Whether the channel's fast-delivery claim holds."
    )
    reasons = graphene.List(
        graphene.NonNull(DeliveryPromiseReasonEnum),
        required=True,
        description="What pushed the dates out; empty when nothing did.",
    )
    text = graphene.String(
        description="The promise as the storefront words it, e.g. 'Order within "
        "2 h 13 min, get it by Fri 27 Nov'."
    )

    class Meta:
        description = (
            "Lumbar extension: the delivery dates a shipping method promises for "
            "the checkout's lines, from the warehouses' cut-offs, calendars and "
            "stock."
        )

    @staticmethod
    def resolve_earliest_date(root: DeliveryPromiseData, info):
        return root.earliest

    @staticmethod
    def resolve_latest_date(root: DeliveryPromiseData, info):
        return root.latest

    @staticmethod
    def resolve_is_fast(root: DeliveryPromiseData, info):
        return root.fast

    @staticmethod
    def resolve_reasons(root: DeliveryPromiseData, info):
        return [reason.value for reason in root.reasons]

    @staticmethod
    def resolve_text(root: DeliveryPromiseData, info):
        return promise_line(root, now=timezone.now()) or None


class ShippingMethod(graphene.ObjectType):
    name = graphene.String(required=True, description="Shipping method name.")
    description = graphene.JSONString(description="Shipping method description.")
    maximum_delivery_days = graphene.Int(
        description="Maximum delivery days for this shipping method."
    )
    minimum_delivery_days = graphene.Int(
        description="Minimum delivery days for this shipping method."
    )
    price = graphene.Field(
        MoneyType,
        required=True,
        description="The price of selected shipping method.",
    )
    active = graphene.Boolean(
        required=True,
        description="Describes if this shipping method is active and can be selected.",
    )
    message = graphene.String(description="Message connected to this shipping method.")
    delivery_promise = graphene.Field(
        DeliveryPromise,
        description="Lumbar extension: the delivery dates this method promises for "
        "the checkout's lines; null outside a checkout or without stock.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = (
            "Shipping methods that can be used as means of shipping for orders "
            "and checkouts."
        )

    @staticmethod
    def resolve_id(root: ShippingMethodData, info):
        return root.method.pk

    @staticmethod
    def resolve_name(root: ShippingMethodData, info):
        return root.method.name

    @staticmethod
    def resolve_description(root: ShippingMethodData, info):
        # Saleor's descriptions are EditorJS documents; ours are plain text.
        text = root.method.description
        if not text:
            return None
        return {"blocks": [{"type": "paragraph", "data": {"text": text}}]}

    @staticmethod
    def resolve_delivery_promise(root: ShippingMethodData, info):
        promise = root.promise
        return promise if promise is not None and promise.deliverable else None

    @staticmethod
    def resolve_maximum_delivery_days(root: ShippingMethodData, info):
        return root.method.maximum_delivery_days

    @staticmethod
    def resolve_minimum_delivery_days(root: ShippingMethodData, info):
        return root.method.minimum_delivery_days


class Delivery(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the delivery.")
    shipping_method = graphene.Field(
        ShippingMethod, description="Shipping method represented by the delivery."
    )

    class Meta:
        description = "Represents a delivery option for the checkout."

    @staticmethod
    def resolve_id(root: ShippingMethodData, info):
        return delivery_id(root.method.pk)

    @staticmethod
    def resolve_shipping_method(root: ShippingMethodData, info):
        return root


def delivery_id(method_pk: int) -> str:
    """Return the global id of the delivery option of a shipping method."""
    return global_id("CheckoutDelivery", method_pk)
