"""ShippingMethod as a checkout or an order offers it, and Saleor's Delivery."""

from dataclasses import dataclass

import graphene
from graphene import relay
from prices import Money

from backend.shipping.models import ShippingMethod as ShippingMethodModel

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

    @property
    def metadata(self) -> dict:
        return self.method.metadata

    @property
    def private_metadata(self) -> dict:
        return self.method.private_metadata


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
