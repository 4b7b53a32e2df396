"""Voucher and OrderDiscount, as an order or checkout shows them."""

from dataclasses import dataclass

import graphene
from graphene import relay

from backend.core.permissions import PermissionEnum
from backend.discount.models import Voucher as VoucherModel
from backend.discount.models import VoucherChannelListing
from backend.order.models import Order as OrderModel

from ..core.inputs import PositiveDecimal
from ..core.money import Money
from ..core.permissions import permission_required
from ..meta.types import ObjectWithMetadata

DiscountValueTypeEnum = graphene.Enum(
    "DiscountValueTypeEnum", [("FIXED", "FIXED"), ("PERCENTAGE", "PERCENTAGE")]
)
VoucherTypeEnum = graphene.Enum(
    "VoucherTypeEnum",
    [
        ("SHIPPING", "SHIPPING"),
        ("ENTIRE_ORDER", "ENTIRE_ORDER"),
        ("SPECIFIC_PRODUCT", "SPECIFIC_PRODUCT"),
    ],
)
OrderDiscountType = graphene.Enum(
    "OrderDiscountType",
    [
        (name, name)
        for name in ("SALE", "VOUCHER", "MANUAL", "PROMOTION", "ORDER_PROMOTION")
    ],
)


class Voucher(graphene.ObjectType):
    """The voucher an order used, with the code the shopper typed."""

    name = graphene.String()
    code = graphene.String(description="The code of the voucher.")
    start_date = graphene.DateTime(required=True)
    end_date = graphene.DateTime()
    discount_value_type = graphene.Field(
        DiscountValueTypeEnum,
        required=True,
        description="Determines a type of discount for voucher - value or percentage",
    )
    type = graphene.Field(
        VoucherTypeEnum, required=True, description="Determines a type of voucher."
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = (
            "Vouchers allow giving discounts to particular customers on categories, "
            "collections or specific products."
        )

    @staticmethod
    def resolve_id(root: VoucherModel, info):
        return root.pk

    @staticmethod
    def resolve_code(root: VoucherModel, info):
        # The order's own code, when the order put it on the voucher.
        return getattr(root, "used_code", None) or (
            root.codes.order_by("pk").values_list("code", flat=True).first()
        )

    @staticmethod
    def resolve_discount_value_type(root: VoucherModel, info):
        return root.discount_value_type.upper()

    @staticmethod
    def resolve_type(root: VoucherModel, info):
        return root.type.upper()


@dataclass(frozen=True)
class OrderDiscountData:
    """The voucher discount of an order (Lumbar's only kind of discount)."""

    order: OrderModel
    listing: VoucherChannelListing | None

    @property
    def voucher(self) -> VoucherModel:
        return self.order.voucher


def order_discounts(order: OrderModel) -> list[OrderDiscountData]:
    """Return the discounts applied to the order."""
    if order.voucher_id is None or not order.discount_amount:
        return []
    listing = VoucherChannelListing.objects.filter(
        voucher_id=order.voucher_id, channel_id=order.channel_id
    ).first()
    return [OrderDiscountData(order=order, listing=listing)]


class OrderDiscount(graphene.ObjectType):
    type = graphene.Field(OrderDiscountType, required=True)
    name = graphene.String()
    translated_name = graphene.String()
    value_type = graphene.Field(
        DiscountValueTypeEnum,
        required=True,
        description="Type of the discount: fixed or percent",
    )
    value = PositiveDecimal(
        required=True,
        description="Value of the discount. Can store fixed value or percent value",
    )
    reason = graphene.String(
        description="Explanation for the applied discount.\n\nRequires one of the "
        "following permissions: MANAGE_ORDERS."
    )
    amount = graphene.Field(
        Money,
        required=True,
        deprecation_reason="Use `total` instead.",
    )
    total = graphene.Field(
        Money,
        required=True,
        description="The amount of discount applied to the order.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = (
            "Contains all details related to the applied discount to the order."
        )

    @staticmethod
    def resolve_id(root: OrderDiscountData, info):
        return root.order.token

    @staticmethod
    def resolve_type(root: OrderDiscountData, info):
        return "VOUCHER"

    @staticmethod
    def resolve_name(root: OrderDiscountData, info):
        return root.voucher.name or root.order.voucher_code

    @staticmethod
    def resolve_translated_name(root: OrderDiscountData, info):
        return OrderDiscount.resolve_name(root, info)

    @staticmethod
    def resolve_value_type(root: OrderDiscountData, info):
        return root.voucher.discount_value_type.upper()

    @staticmethod
    def resolve_value(root: OrderDiscountData, info):
        if root.listing is None:
            return root.order.discount_amount
        return root.listing.discount_value

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_ORDERS)
    def resolve_reason(root: OrderDiscountData, info):
        return f"Voucher code: {root.order.voucher_code}"

    @staticmethod
    def resolve_amount(root: OrderDiscountData, info):
        return root.order.discount

    @staticmethod
    def resolve_total(root: OrderDiscountData, info):
        return root.order.discount
