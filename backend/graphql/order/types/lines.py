"""OrderLine: a snapshot of what was bought, as Saleor shows it."""

from decimal import Decimal

import graphene
from graphene import relay
from prices import Money as PricesMoney

from backend.order.models import OrderLine as OrderLineModel

from ...core.channel import ChannelContext
from ...core.inputs import PositiveDecimal
from ...core.money import Money as MoneyType
from ...core.money import TaxedMoney as TaxedMoneyType
from ...core.money import taxed
from ...core.permissions import require_any_permission
from ...core.types import Image
from ...discount.types import DiscountValueTypeEnum, OrderDiscountType
from ...meta.types import ObjectWithMetadata
from ...product.enums import ThumbnailFormatEnum
from ...product.types import Product, ProductVariant
from ...tax.types import TaxClass
from ...warehouse.types import STOCK_READERS, Allocation
from ..dataloaders import AllocationsByOrderLineIdLoader


class OrderLineDiscount(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of discount applied.")
    type = graphene.Field(
        OrderDiscountType,
        required=True,
        description="The type of applied discount: Sale, Voucher or Manual.",
    )
    name = graphene.String(description="The name of applied discount.")
    translated_name = graphene.String(
        description="Translated name of the applied discount."
    )
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
    total = graphene.Field(
        MoneyType,
        required=True,
        description="The discount amount applied to the line item.",
    )
    unit = graphene.Field(
        MoneyType,
        required=True,
        description="The discount amount applied to the single line unit.",
    )

    class Meta:
        description = "Represent the discount applied to order line."


class OrderLine(graphene.ObjectType):
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    product_sku = graphene.String()
    product_variant_id = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    quantity_fulfilled = graphene.Int(required=True)
    tax_rate = graphene.Float(required=True)
    unit_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="Price of the single item in the order line.",
    )
    undiscounted_unit_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="Price of the single item in the "
        "order line without any discount applied.",
    )
    total_price = graphene.Field(
        TaxedMoneyType, required=True, description="Price of the order line."
    )
    undiscounted_total_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="Price of the order line without discounts.",
    )
    variant = graphene.Field(
        ProductVariant,
        description="A purchased product variant. Note: this field may be null if the "
        "variant has been removed from stock at all.",
    )
    translated_product_name = graphene.String(
        required=True, description="Product name in the customer's language"
    )
    translated_variant_name = graphene.String(
        required=True, description="Variant name in the customer's language"
    )
    thumbnail = graphene.Field(
        Image,
        size=graphene.Int(
            description="Size of the image. If not supplied, the original size will "
            "be returned."
        ),
        format=ThumbnailFormatEnum(
            default_value="ORIGINAL",
            description="The format of the image. When not provided, format of the "
            "original image will be used.",
        ),
    )
    quantity_to_fulfill = graphene.Int(
        required=True, description="A quantity of items remaining to be fulfilled."
    )
    is_gift = graphene.Boolean(description="Determine if the line is a gift.")
    unit_discount = graphene.Field(
        MoneyType,
        required=True,
        description="Sum of the line-level discounts applied to the order line. "
        "Lumbar discounts whole orders, never a line: always zero.",
    )
    unit_discount_reason = graphene.String(
        description="Reason for any discounts applied on a product in the order."
    )
    unit_discount_value = PositiveDecimal(
        required=True,
        description="Value of the discount. Can store fixed value or percent value",
    )
    unit_discount_type = graphene.Field(
        DiscountValueTypeEnum, description="Type of the discount: fixed or percent"
    )
    is_price_overridden = graphene.Boolean(
        description="Returns True, if the line unit price was overridden."
    )
    price_override_reason = graphene.String(
        description="Reason for the price override."
    )
    allocations = graphene.List(
        graphene.NonNull(Allocation),
        description="List of allocations across warehouses.\n\nRequires one of "
        "the following permissions: MANAGE_PRODUCTS, MANAGE_ORDERS.",
    )
    sale_id = graphene.ID(
        description="Denormalized sale ID, set when order line is created for a "
        "product variant that is on sale."
    )
    tax_class = graphene.Field(
        TaxClass,
        description="Denormalized tax class of the product in this order line."
        "\n\nRequires one of the following permissions: AUTHENTICATED_STAFF_USER, "
        "AUTHENTICATED_APP.",
    )
    tax_class_name = graphene.String(description="Denormalized name of the tax class.")
    voucher_code = graphene.String(
        description="Voucher code that was used for this order line."
    )
    discounts = graphene.List(
        graphene.NonNull(OrderLineDiscount), description="List of applied discounts"
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents order line of particular order."

    @staticmethod
    def resolve_tax_rate(root: OrderLineModel, info):
        return 0.0

    @staticmethod
    def resolve_unit_price(root: OrderLineModel, info):
        return taxed(root.unit_price)

    @staticmethod
    def resolve_undiscounted_unit_price(root: OrderLineModel, info):
        return taxed(root.unit_price)

    @staticmethod
    def resolve_total_price(root: OrderLineModel, info):
        return taxed(root.total_price)

    @staticmethod
    def resolve_undiscounted_total_price(root: OrderLineModel, info):
        return taxed(root.total_price)

    @staticmethod
    def resolve_variant(root: OrderLineModel, info):
        if root.variant is None:
            return None
        return ChannelContext(node=root.variant, channel_slug=root.order.channel.slug)

    @staticmethod
    def resolve_thumbnail(root: OrderLineModel, info, size=None, format=None):
        if root.variant is None:
            return None
        product = ChannelContext(
            node=root.variant.product, channel_slug=root.order.channel.slug
        )
        return Product.resolve_thumbnail(product, info, size=size, format=format)

    @staticmethod
    def resolve_translated_product_name(root: OrderLineModel, info):
        return root.product_name

    @staticmethod
    def resolve_translated_variant_name(root: OrderLineModel, info):
        return root.variant_name

    @staticmethod
    def resolve_quantity_to_fulfill(root: OrderLineModel, info):
        return root.quantity - root.quantity_fulfilled

    @staticmethod
    def resolve_is_gift(root: OrderLineModel, info):
        return False

    # Lumbar's lines keep the price they were sold at: a voucher takes its
    # discount off the order (Order.discounts), never off one line, and staff
    # never edit a placed line's price.

    @staticmethod
    def resolve_unit_discount(root: OrderLineModel, info):
        return PricesMoney(Decimal(0), root.currency)

    @staticmethod
    def resolve_unit_discount_value(root: OrderLineModel, info):
        return Decimal(0)

    @staticmethod
    def resolve_is_price_overridden(root: OrderLineModel, info):
        return False

    @staticmethod
    def resolve_discounts(root: OrderLineModel, info):
        return []

    @staticmethod
    def resolve_allocations(root: OrderLineModel, info):
        require_any_permission(info, *STOCK_READERS)
        return AllocationsByOrderLineIdLoader(info).load_for(root, lambda line: line.pk)
