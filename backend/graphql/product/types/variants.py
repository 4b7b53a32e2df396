"""ProductVariant, its channel listing and its stock rows."""

import graphene

from backend.core import cache_versions
from backend.core.permissions import PermissionEnum
from backend.product import models
from backend.warehouse.selectors import MAX_CHECKOUT_LINE_QUANTITY

from ...channel.types import Channel
from ...core.address import AddressInput, address_country_code
from ...core.channel import ChannelContext, channel_of, is_staff_reader, node_of
from ...core.connection import create_connection_type
from ...core.dataloaders import register_siblings, resolve_for_siblings
from ...core.enums import CountryCode, LanguageCodeEnum
from ...core.lazy import lazy_type
from ...core.money import Money
from ...core.mutations import PermissionDenied
from ...core.shared_enums import stored_language_code
from ...warehouse.types import Stock
from .. import dataloaders as loaders
from ..enums import name_of
from .attributes import (
    ObjectWithAttributes,
    SelectedAttribute,
    VariantAttributeScope,
    selected_attributes,
)
from .channel_listings import variant_margin
from .common import (
    MANAGE_PRODUCTS,
    NODE_INTERFACES,
    ModelObjectType,
    require_manage_products,
)
from .media import ProductImage, ProductMedia
from .pricing import VariantPricingInfo
from .translations import ProductVariantTranslation
from .weight import Weight, weight_of


class ProductVariantChannelListing(graphene.ObjectType):
    channel = graphene.Field(Channel, required=True)
    price = graphene.Field(Money)
    cost_price = graphene.Field(Money, description="Cost price of the variant.")
    prior_price = graphene.Field(Money, description="Prior price of the variant.")
    margin = graphene.Int(
        description="Gross margin percentage value.\n\nRequires one of the "
        "following permissions: MANAGE_PRODUCTS."
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents product varaint channel listing."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.ProductVariantChannelListing)

    @staticmethod
    def resolve_price(root, info):
        return root.price if root.price_amount is not None else None

    @staticmethod
    def resolve_cost_price(root, info):
        require_manage_products(info)
        return root.cost_price if root.cost_price_amount is not None else None

    @staticmethod
    def resolve_prior_price(root, info):
        return root.prior_price if root.prior_price_amount is not None else None

    @staticmethod
    def resolve_margin(root, info):
        require_manage_products(info)
        return variant_margin(root)


class ProductVariant(ModelObjectType):
    model = models.ProductVariant

    name = graphene.String(required=True)
    sku = graphene.String()
    product = graphene.Field(
        lazy_type("backend.graphql.product.types.products.Product"), required=True
    )
    track_inventory = graphene.Boolean(required=True)
    quantity_limit_per_customer = graphene.Int()
    weight = graphene.Field(Weight)
    channel = graphene.String()
    channel_listings = graphene.List(
        graphene.NonNull(ProductVariantChannelListing),
        description="List of price information in channels for the product.\n\n"
        "Requires one of the following permissions: MANAGE_PRODUCTS.",
    )
    pricing = graphene.Field(
        VariantPricingInfo,
        address=AddressInput(
            description="Destination address used to find warehouses where stock "
            "availability for this product is checked. If address is empty, uses "
            "`Shop.companyAddress` or fallbacks to server's "
            "`settings.DEFAULT_COUNTRY` configuration."
        ),
        description="Lists the storefront variant's pricing, the current price and "
        "discounts, only meant for displaying.",
    )
    attributes = graphene.List(
        graphene.NonNull(SelectedAttribute),
        required=True,
        variant_selection=graphene.Argument(
            VariantAttributeScope,
            description="Define scope of returned attributes.",
        ),
        deprecation_reason="Use the `assignedAttributes` field instead.",
    )
    images = graphene.List(
        graphene.NonNull(ProductImage),
        deprecation_reason="Use the `media` field instead.",
    )
    media = graphene.List(graphene.NonNull(ProductMedia))
    translation = graphene.Field(
        ProductVariantTranslation,
        language_code=graphene.Argument(
            LanguageCodeEnum,
            required=True,
            description="A language code to return the translation for product "
            "variant.",
        ),
    )
    stocks = graphene.List(
        graphene.NonNull(Stock),
        address=AddressInput(
            description="Two-letter ISO 3166-1 country code. When provided, the "
            "exact quantity from a warehouse operating in shipping zones that "
            "contain this country will be returned. Otherwise, it will return the "
            "maximum quantity from all shipping zones.",
            deprecation_reason="No longer supported",
        ),
        country_code=graphene.Argument(
            CountryCode,
            deprecation_reason="Use `address` argument instead.",
        ),
        description="Stocks for the product variant.\n\nRequires one of the "
        "following permissions: MANAGE_PRODUCTS, MANAGE_ORDERS.",
    )
    quantity_available = graphene.Int(
        address=AddressInput(
            description="Destination address used to find warehouses where stock "
            "availability for this product is checked. If address is empty, uses "
            "`Shop.companyAddress` or fallbacks to server's "
            "`settings.DEFAULT_COUNTRY` configuration.",
            deprecation_reason="No longer supported",
        ),
        country_code=graphene.Argument(
            CountryCode,
            description="Two-letter ISO 3166-1 country code.",
            deprecation_reason="Use `address` argument instead.",
        ),
        description="Quantity of a product available for sale in one checkout. "
        "Field value will be `null` when no `limitQuantityPerCheckout` in global "
        "settings has been set, and `productVariant` stocks are not tracked.",
    )
    margin = graphene.Int(
        description="Gross margin percentage value.\n\nRequires one of the "
        "following permissions: MANAGE_PRODUCTS."
    )
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    external_reference = graphene.String()

    class Meta:
        interfaces = (*NODE_INTERFACES, ObjectWithAttributes)
        description = (
            "Represents a version of a product such as different size or color."
        )

    @staticmethod
    def resolve_weight(root, info):
        return weight_of(node_of(root).weight_grams)

    @staticmethod
    def resolve_channel(root, info):
        return channel_of(root)

    @staticmethod
    def resolve_created(root, info):
        return node_of(root).created_at

    @staticmethod
    def resolve_margin(root, info):
        require_manage_products(info)
        channel_slug = channel_of(root)
        if channel_slug is None:
            return None
        listing = loaders.VariantListingByVariantIdLoader(info, channel_slug).load_for(
            root, lambda r: node_of(r).pk
        )
        return listing and variant_margin(listing)

    @staticmethod
    def resolve_product(root, info):
        loader = loaders.ProductByIdLoader(info)

        def product(variant):
            found = loader.load_for(variant, lambda v: node_of(v).product_id)
            return ChannelContext(found, channel_of(variant))

        return resolve_for_siblings(info, root, "product", product)

    @staticmethod
    def resolve_channel_listings(root, info):
        require_manage_products(info)
        return loaders.VariantListingsByVariantIdLoader(info).load_for(
            root, lambda r: node_of(r).pk
        )

    @staticmethod
    def resolve_pricing(root, info, address=None):
        channel_slug = channel_of(root)
        if channel_slug is None:
            return None
        return loaders.VariantPriceByVariantIdLoader(info, channel_slug).load_for(
            root, lambda r: node_of(r).pk
        )

    @staticmethod
    def resolve_attributes(root, info, variant_selection=None):
        return selected_attributes(info, root, variant_selection=variant_selection)

    @staticmethod
    def resolve_media(root, info):
        loader = loaders.MediaByVariantIdLoader(info)
        return resolve_for_siblings(
            info, root, "media", lambda r: loader.load_for(r, lambda v: node_of(v).pk)
        )

    @staticmethod
    def resolve_images(root, info):
        return [
            media for media in ProductVariant.resolve_media(root, info) if media.image
        ]

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = loaders.VariantTranslationLoader(
            info, stored_language_code(language_code)
        )
        return loader.load_for(root, lambda r: node_of(r).pk)

    @staticmethod
    def resolve_stocks(root, info, address=None, country_code=None):
        permissions = (*MANAGE_PRODUCTS, PermissionEnum.MANAGE_ORDERS)
        if not is_staff_reader(info, permissions):
            raise PermissionDenied(permissions)
        stocks = loaders.StocksByVariantIdLoader(info).load_for(
            root, lambda r: node_of(r).pk
        )
        return register_siblings(info, stocks)

    @staticmethod
    def resolve_quantity_available(root, info, address=None, country_code=None):
        channel_slug = channel_of(root)
        if channel_slug is None:
            return None
        country = address_country_code(address) or name_of(country_code)
        # A cached answer shows this product's stock (core.cache_versions).
        cache_versions.depends_on(cache_versions.stock(node_of(root).product_id))
        loader = loaders.QuantityAvailableByVariantIdLoader(info, channel_slug, country)
        quantity = loader.load_for(root, lambda r: node_of(r).pk)
        # Saleor caps what one checkout may take (limitQuantityPerCheckout).
        return min(quantity, MAX_CHECKOUT_LINE_QUANTITY)


ProductVariantCountableConnection = create_connection_type(ProductVariant)
