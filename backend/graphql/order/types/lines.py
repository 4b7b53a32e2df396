"""OrderLine: a snapshot of what was bought, as Saleor shows it."""

import graphene
from graphene import relay

from backend.order.models import OrderLine as OrderLineModel

from ...core.channel import ChannelContext
from ...core.money import TaxedMoney as TaxedMoneyType
from ...core.money import taxed
from ...core.types import Image
from ...meta.types import ObjectWithMetadata
from ...product.enums import ThumbnailFormatEnum
from ...product.types import Product, ProductVariant


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
