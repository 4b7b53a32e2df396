"""ShippingMethod as a checkout or an order offers it, and Saleor's Delivery."""

from dataclasses import dataclass

import graphene
from django.utils import timezone
from graphene import relay
from prices import Money, MoneyRange

from backend.core.permissions import PermissionEnum
from backend.shipping.models import ShippingMethod as ShippingMethodModel
from backend.shipping.models import (
    ShippingMethodChannelListing as ShippingMethodChannelListingModel,
)
from backend.shipping.models import (
    ShippingMethodPostalCodeRule as ShippingMethodPostalCodeRuleModel,
)
from backend.shipping.models import ShippingZone as ShippingZoneModel
from backend.shipping.promise import DeliveryPromise as DeliveryPromiseData
from backend.shipping.promise import PromiseReason
from backend.shipping.promise_text import promise_line

from ..channel.types import Channel
from ..core.channel import channel_of, node_attr_resolver, node_of, wrap
from ..core.connection import ConnectionField, connection_from, create_connection_type
from ..core.dataloaders import resolve_for_siblings
from ..core.ids import global_id
from ..core.money import Money as MoneyType
from ..core.money import MoneyRange as MoneyRangeType
from ..core.permissions import require_any_permission
from ..core.types import CountryDisplay, country_display
from ..meta.types import ObjectWithMetadata
from ..product.types.products import ProductCountableConnection
from ..product.types.weight import Weight
from ..tax.types import TaxClass
from ..warehouse.types import Warehouse
from . import dataloaders as loaders


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
        return editorjs_of(root.method.description)

    @staticmethod
    def resolve_delivery_promise(root: ShippingMethodData, info):
        promise = root.promise
        return promise if promise is not None and promise.deliverable else None

    # In a checkout the days are Lumbar's promise for its lines, counted in
    # the carrier's business days from today (handling, cut-off, bulky items
    # and holidays included), so "2-4 business days" names the promised
    # dates; null when the method cannot deliver them. Elsewhere, the
    # method's transit days.
    @staticmethod
    def resolve_maximum_delivery_days(root: ShippingMethodData, info):
        if root.promise is not None:
            return root.promise.latest_in_days
        return root.method.maximum_delivery_days

    @staticmethod
    def resolve_minimum_delivery_days(root: ShippingMethodData, info):
        if root.promise is not None:
            return root.promise.earliest_in_days
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


# Staff-side types: zones and the methods in them, as Saleor's dashboard
# reads them. Roots are ChannelContext-wrapped models; `channel` picks the
# listing that prices a method.

MANAGE_SHIPPING_NOTE = "\n\nRequires one of the following permissions: MANAGE_SHIPPING."


class ShippingMethodTypeEnum(graphene.Enum):
    PRICE = "price"
    WEIGHT = "weight"


class PostalCodeRuleInclusionTypeEnum(graphene.Enum):
    INCLUDE = "include"
    EXCLUDE = "exclude"


class ShippingMethodPostalCodeRule(graphene.ObjectType):
    start = graphene.String(description="Start address range.")
    end = graphene.String(description="End address range.")
    inclusion_type = graphene.Field(
        PostalCodeRuleInclusionTypeEnum,
        description="Inclusion type of the postal code rule.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents shipping method postal code rule."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, ShippingMethodPostalCodeRuleModel)


class ShippingMethodChannelListing(graphene.ObjectType):
    channel = graphene.Field(
        Channel,
        required=True,
        description="The channel associated with the shipping method channel listing.",
    )
    maximum_order_price = graphene.Field(MoneyType, description="Maximum order price.")
    minimum_order_price = graphene.Field(MoneyType, description="Minimum order price.")
    price = graphene.Field(
        MoneyType, description="Price of the shipping method in the associated channel."
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents shipping method channel listing."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, ShippingMethodChannelListingModel)

    @staticmethod
    def resolve_maximum_order_price(root, info):
        return _money_or_none(root.maximum_order_price_amount, root.currency)

    @staticmethod
    def resolve_minimum_order_price(root, info):
        return _money_or_none(root.minimum_order_price_amount, root.currency)


def _money_or_none(amount, currency) -> Money | None:
    return None if amount is None else Money(amount, currency)


class ShippingMethodType(graphene.ObjectType):
    name = graphene.String(required=True, description="Shipping method name.")
    description = graphene.JSONString(
        description="Shipping method description.\n\nRich text format. For "
        "reference see https://editorjs.io/"
    )
    type = graphene.Field(
        ShippingMethodTypeEnum, description="Type of the shipping method."
    )
    channel_listings = graphene.List(
        graphene.NonNull(ShippingMethodChannelListing),
        description="List of channels available for the method." + MANAGE_SHIPPING_NOTE,
    )
    maximum_order_price = graphene.Field(
        MoneyType,
        description="The price of the cheapest variant (including discounts).",
    )
    minimum_order_price = graphene.Field(
        MoneyType,
        description="The price of the cheapest variant (including discounts).",
    )
    postal_code_rules = graphene.List(
        graphene.NonNull(ShippingMethodPostalCodeRule),
        description="Postal code ranges rule of exclusion or inclusion of the "
        "shipping method.",
    )
    maximum_delivery_days = graphene.Int(
        description="Maximum number of days for delivery."
    )
    minimum_delivery_days = graphene.Int(
        description="Minimal number of days for delivery."
    )
    excluded_products = ConnectionField(
        ProductCountableConnection,
        description="List of excluded products for the shipping method."
        + MANAGE_SHIPPING_NOTE,
    )
    minimum_order_weight = graphene.Field(
        Weight,
        description="Minimum order weight to use this shipping method; Lumbar "
        "ships by order price only, so always null.",
    )
    maximum_order_weight = graphene.Field(
        Weight,
        description="Maximum order weight to use this shipping method; Lumbar "
        "ships by order price only, so always null.",
    )
    tax_class = graphene.Field(
        TaxClass,
        description="Tax class assigned to this shipping method; Lumbar has "
        "none, so always null." + MANAGE_SHIPPING_NOTE,
    )
    carrier = graphene.String(
        description="Lumbar extension: the carrier that delivers this method's "
        "parcels (e.g. UPS)."
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        default_resolver = node_attr_resolver
        description = (
            "Shipping method are the methods you'll use to get customer's orders to "
            "them. They are directly exposed to the customers."
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(node_of(root), ShippingMethodModel)

    @staticmethod
    def resolve_description(root, info):
        return editorjs_of(node_of(root).description)

    @staticmethod
    def resolve_channel_listings(root, info):
        require_any_permission(info, PermissionEnum.MANAGE_SHIPPING)
        return resolve_for_siblings(
            info,
            root,
            "shipping_method_channel_listings",
            lambda r: loaders.ListingsByMethodIdLoader(info).load_for(
                r, lambda s: s.pk
            ),
        )

    @staticmethod
    def _listing(root, info):
        slug = channel_of(root)
        if slug is None:
            return None
        loader = loaders.ListingsByMethodIdLoader(info)
        listings = loader.load_for(root, lambda r: r.pk)
        return next((x for x in listings if x.channel.slug == slug), None)

    @staticmethod
    def resolve_maximum_order_price(root, info):
        listing = ShippingMethodType._listing(root, info)
        return listing and ShippingMethodChannelListing.resolve_maximum_order_price(
            listing, info
        )

    @staticmethod
    def resolve_minimum_order_price(root, info):
        listing = ShippingMethodType._listing(root, info)
        return listing and ShippingMethodChannelListing.resolve_minimum_order_price(
            listing, info
        )

    @staticmethod
    def resolve_postal_code_rules(root, info):
        return loaders.PostalCodeRulesByMethodIdLoader(info).load_for(
            root, lambda r: r.pk
        )

    @staticmethod
    def resolve_excluded_products(root, info, **kwargs):
        require_any_permission(info, PermissionEnum.MANAGE_SHIPPING)
        products = loaders.ExcludedProductsByMethodIdLoader(info).load_for(
            root, lambda r: r.pk
        )
        return connection_from(
            products,
            info,
            kwargs,
            ProductCountableConnection,
            wrap=lambda rows: wrap(rows, channel_of(root)),
        )

    @staticmethod
    def resolve_minimum_order_weight(root, info):
        return None

    @staticmethod
    def resolve_maximum_order_weight(root, info):
        return None

    @staticmethod
    def resolve_tax_class(root, info):
        require_any_permission(info, PermissionEnum.MANAGE_SHIPPING)
        return None


class ShippingZone(graphene.ObjectType):
    name = graphene.String(required=True, description="Shipping zone name.")
    default = graphene.Boolean(
        required=True, description="Indicates if the shipping zone is default one."
    )
    price_range = graphene.Field(
        MoneyRangeType, description="Lowest and highest prices for the shipping."
    )
    countries = graphene.List(
        graphene.NonNull(CountryDisplay),
        required=True,
        description="List of countries available for the method.",
    )
    shipping_methods = graphene.List(
        graphene.NonNull(ShippingMethodType),
        description="List of shipping methods available for orders shipped to "
        "countries within this shipping zone.",
    )
    warehouses = graphene.List(
        graphene.NonNull(Warehouse),
        required=True,
        description="List of warehouses for shipping zone.",
    )
    channels = graphene.List(
        graphene.NonNull(Channel),
        required=True,
        description="List of channels for shipping zone.",
    )
    description = graphene.String(description="Description of a shipping zone.")

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        default_resolver = node_attr_resolver
        description = (
            "Represents a shipping zone in the shop. Zones are the concept used only "
            "for grouping shipping methods in the dashboard, and are never exposed "
            "to the customers directly."
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(node_of(root), ShippingZoneModel)

    @staticmethod
    def resolve_countries(root, info):
        return [country_display(country) for country in node_of(root).countries]

    @staticmethod
    def resolve_shipping_methods(root, info):
        slug = channel_of(root)

        def methods_of(zone_root):
            methods = loaders.MethodsByZoneIdLoader(info, slug).load_for(
                zone_root, lambda r: r.pk
            )
            return wrap(methods, slug)

        return resolve_for_siblings(
            info, root, f"shipping_zone_methods:{slug}", methods_of
        )

    @staticmethod
    def resolve_price_range(root, info):
        slug = channel_of(root)
        if slug is None:
            return None
        prices = loaders.PricesByZoneIdLoader(info, slug).load_for(root, lambda r: r.pk)
        if not prices:
            return None
        return MoneyRange(start=min(prices), stop=max(prices))

    @staticmethod
    def resolve_warehouses(root, info):
        return loaders.WarehousesByZoneIdLoader(info).load_for(root, lambda r: r.pk)

    @staticmethod
    def resolve_channels(root, info):
        return loaders.ChannelsByZoneIdLoader(info).load_for(root, lambda r: r.pk)


ShippingZoneCountableConnection = create_connection_type(ShippingZone)


def editorjs_of(text: str) -> dict | None:
    """Return plain text as the EditorJS document Saleor's clients expect."""
    if not text:
        return None
    return {"blocks": [{"type": "paragraph", "data": {"text": text}}]}
