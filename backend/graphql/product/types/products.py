"""The Product type and its channel listing."""

import graphene

from backend.core import cache_versions
from backend.product import models
from backend.product.selectors import product_is_available_for_purchase
from backend.product.thumbnails import thumbnail_url

from ...core.address import AddressInput, address_country_code
from ...core.channel import ChannelContext, channel_of, is_staff_reader, node_of, wrap
from ...core.connection import ConnectionField, connection_from, create_connection_type
from ...core.dataloaders import resolve_for_siblings
from ...core.enums import LanguageCodeEnum
from ...core.ids import from_global_id_or_error
from ...core.lazy import lazy_type
from ...core.permissions import require_staff
from ...core.shared_enums import stored_language_code
from ...core.types import Image
from ...page.featured import featured_in_pages
from .. import dataloaders as loaders
from ..enums import ThumbnailFormatEnum, name_of
from ..inputs import (
    MediaSortingInput,
    ProductVariantFilterInput,
    ProductVariantSortingInput,
    ProductVariantWhereInput,
)
from ..variant_filters import filter_variant_list
from .attributes import (
    ObjectWithAttributes,
    SelectedAttribute,
    selected_attribute,
    selected_attributes,
)
from .channel_listings import ProductChannelListing
from .common import (
    MANAGE_PRODUCTS,
    NODE_INTERFACES,
    ModelObjectType,
    require_manage_products,
    thumbnail_size,
)
from .media import FORMAT_HELP, SIZE_HELP, ProductImage, ProductMedia
from .pricing import ProductPricingInfo
from .translations import ProductTranslation
from .variants import ProductVariant, ProductVariantCountableConnection
from .weight import Weight, weight_of


def product_listing(info, root):
    """Return the product's listing in the root's channel (None without one)."""
    channel_slug = channel_of(root)
    if channel_slug is None:
        return None
    return loaders.ProductListingByProductIdLoader(info, channel_slug).load_for(
        root, lambda r: node_of(r).pk
    )


def visible_variants(info, root) -> list:
    """Return the variants of the product the reader may see, in order."""
    can_manage = is_staff_reader(info, MANAGE_PRODUCTS)
    loader = loaders.VisibleVariantsByProductIdLoader(
        info, channel_of(root), can_manage
    )
    # Their ``product`` is this one: spare the query that would fetch it.
    loaders.ProductByIdLoader(info).prime(node_of(root).pk, node_of(root))
    return loader.load_for(root, lambda r: node_of(r).pk)


def product_media(info, root) -> list:
    return loaders.MediaByProductIdLoader(info).load_for(root, lambda r: node_of(r).pk)


def visible_collections(info, root) -> list:
    """Return the product's collections the reader may see, in the channel."""
    collections = loaders.CollectionsByProductIdLoader(info).load_for(
        root, lambda r: node_of(r).pk
    )
    channel_slug = channel_of(root)
    if not is_staff_reader(info, MANAGE_PRODUCTS):
        if channel_slug is None:
            return []
        published = loaders.PublishedCollectionIdsLoader(info, channel_slug).load(0)
        collections = [c for c in collections if c.pk in published]
    return wrap(collections, channel_slug)


class Product(ModelObjectType):
    model = models.Product

    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString(description="Description of the product.")
    product_type = graphene.Field(
        lazy_type("backend.graphql.product.types.categories.ProductType"), required=True
    )
    slug = graphene.String(required=True)
    category = graphene.Field(
        lazy_type("backend.graphql.product.types.categories.Category")
    )
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    charge_taxes = graphene.Boolean(
        required=True,
        deprecation_reason=(
            "Use `Channel.taxConfiguration` field to determine whether tax "
            "collection is enabled."
        ),
    )
    weight = graphene.Field(Weight)
    tax_class = graphene.Field(
        lazy_type("backend.graphql.tax.types.TaxClass"),
        description=(
            "Tax class assigned to this product type. Always null: Lumbar keeps "
            "no tax classes.\n\nRequires one of the following permissions: "
            "AUTHENTICATED_STAFF_USER, AUTHENTICATED_APP."
        ),
    )
    default_variant = graphene.Field(ProductVariant)
    rating = graphene.Float()
    channel = graphene.String(
        description=(
            "Channel given to retrieve this product. Also used by federation "
            "gateway to resolve this object in a federated query."
        )
    )
    description_json = graphene.JSONString(
        deprecation_reason="Use the `description` field instead."
    )
    thumbnail = graphene.Field(
        Image,
        size=graphene.Int(description=SIZE_HELP),
        format=ThumbnailFormatEnum(default_value="ORIGINAL", description=FORMAT_HELP),
    )
    pricing = graphene.Field(
        ProductPricingInfo,
        address=AddressInput(
            description="Destination address used to find warehouses where stock "
            "availability for this product is checked. If address is empty, uses "
            "`Shop.companyAddress` or fallbacks to server's "
            "`settings.DEFAULT_COUNTRY` configuration."
        ),
        description=(
            "Lists the storefront product's pricing, the current price and "
            "discounts, only meant for displaying."
        ),
    )
    is_available = graphene.Boolean(
        address=AddressInput(
            description="Destination address used to find warehouses where stock "
            "availability for this product is checked. If address is empty, uses "
            "`Shop.companyAddress` or fallbacks to server's "
            "`settings.DEFAULT_COUNTRY` configuration.",
            deprecation_reason="No longer supported",
        ),
        description="Whether the product is in stock, set as available for "
        "purchase in the given channel, and published.",
    )
    attribute = graphene.Field(
        SelectedAttribute,
        slug=graphene.String(required=True),
        deprecation_reason="Use the `assignedAttribute` field instead.",
    )
    attributes = graphene.List(
        graphene.NonNull(SelectedAttribute),
        required=True,
        deprecation_reason="Use the `assignedAttributes` field instead.",
    )
    channel_listings = graphene.List(
        graphene.NonNull(ProductChannelListing),
        description="List of availability in channels for the product.\n\n"
        "Requires one of the following permissions: MANAGE_PRODUCTS.",
    )
    media_by_id = graphene.Field(
        ProductMedia,
        id=graphene.ID(required=True),
        description="Get a single product media by ID.",
    )
    image_by_id = graphene.Field(
        ProductImage,
        id=graphene.ID(required=True),
        deprecation_reason="Use the `mediaById` field instead.",
    )
    variants = graphene.List(
        graphene.NonNull(ProductVariant),
        deprecation_reason="Use `productVariants` field instead.",
    )
    product_variants = ConnectionField(
        ProductVariantCountableConnection,
        filter=graphene.Argument(
            ProductVariantFilterInput,
            description="Filtering options for product variants.",
            deprecation_reason="Use `where` filter instead.",
        ),
        where=graphene.Argument(
            ProductVariantWhereInput,
            description="Where filtering options for product variants.",
        ),
        sort_by=graphene.Argument(
            ProductVariantSortingInput,
            description="Sort product variants.",
        ),
        description="List of variants for the product.",
    )
    media = graphene.List(
        graphene.NonNull(ProductMedia),
        sort_by=graphene.Argument(
            MediaSortingInput,
            description="Sort media. If not provided, sort by sort order.",
        ),
        description="List of media for the product.",
    )
    images = graphene.List(
        graphene.NonNull(ProductImage),
        deprecation_reason="Use the `media` field instead.",
    )
    collections = graphene.List(
        graphene.NonNull(
            lazy_type("backend.graphql.product.types.categories.Collection")
        )
    )
    translation = graphene.Field(
        ProductTranslation,
        language_code=graphene.Argument(
            LanguageCodeEnum,
            required=True,
            description="A language code to return the translation for product.",
        ),
    )
    available_for_purchase = graphene.Date(
        deprecation_reason=(
            "Use the `availableForPurchaseAt` field to fetch the available for "
            "purchase date."
        )
    )
    available_for_purchase_at = graphene.DateTime()
    is_available_for_purchase = graphene.Boolean()
    external_reference = graphene.String()
    featured_in_pages = graphene.List(
        graphene.NonNull(lazy_type("backend.graphql.page.types.Page")),
        required=True,
        description="Lumbar: the published articles that feature this product.",
    )

    class Meta:
        interfaces = (*NODE_INTERFACES, ObjectWithAttributes)
        description = "Represents an individual item for sale in the storefront."

    @staticmethod
    def resolve_description_json(root, info):
        return node_of(root).description

    @staticmethod
    def resolve_created(root, info):
        return node_of(root).created_at

    @staticmethod
    def resolve_charge_taxes(root, info):
        return True

    @staticmethod
    def resolve_tax_class(root, info):
        require_staff(info)
        return None

    @staticmethod
    def resolve_weight(root, info):
        return weight_of(node_of(root).weight_grams)

    @staticmethod
    def resolve_channel(root, info):
        return channel_of(root)

    @staticmethod
    def resolve_product_type(root, info):
        loader = loaders.ProductTypeByIdLoader(info)
        return resolve_for_siblings(
            info,
            root,
            "product_type",
            lambda r: loader.load_for(r, lambda p: node_of(p).product_type_id),
        )

    @staticmethod
    def resolve_category(root, info):
        loader = loaders.CategoryByIdLoader(info)

        def category(product):
            if node_of(product).category_id is None:
                return None
            return loader.load_for(product, lambda p: node_of(p).category_id)

        return resolve_for_siblings(info, root, "category", category)

    @staticmethod
    def resolve_default_variant(root, info):
        loader = loaders.VariantByIdLoader(info)

        def default_variant(product):
            if node_of(product).default_variant_id is None:
                return None
            variant = loader.load_for(product, lambda p: node_of(p).default_variant_id)
            return variant and ChannelContext(variant, channel_of(product))

        return resolve_for_siblings(info, root, "default_variant", default_variant)

    @staticmethod
    def resolve_thumbnail(root, info, size=None, format=None):
        images = [media for media in product_media(info, root) if media.image]
        if not images:
            return None
        media = images[0]
        url = thumbnail_url(
            media=media, size=thumbnail_size(size), format=name_of(format)
        )
        return Image(url=url, alt=media.alt or node_of(root).name)

    @staticmethod
    def resolve_pricing(root, info, address=None):
        channel_slug = channel_of(root)
        if channel_slug is None or product_listing(info, root) is None:
            return None
        return loaders.ProductPricingByProductIdLoader(info, channel_slug).load_for(
            root, lambda r: node_of(r).pk
        )

    @staticmethod
    def resolve_is_available(root, info, address=None):
        channel_slug = channel_of(root)
        listing = product_listing(info, root)
        if not product_is_available_for_purchase(listing):
            return False
        variants = resolve_for_siblings(
            info, root, "visible_variants", lambda r: visible_variants(info, r)
        )
        if not variants:
            return False
        # A cached answer shows this product's stock (core.cache_versions).
        cache_versions.depends_on(cache_versions.stock(node_of(root).pk))
        loader = loaders.QuantityAvailableByVariantIdLoader(
            info, channel_slug, address_country_code(address)
        )
        return any(loader.load_for(variant, lambda v: v.pk) > 0 for variant in variants)

    @staticmethod
    def resolve_attribute(root, info, slug):
        return selected_attribute(info, root, slug=slug)

    @staticmethod
    def resolve_attributes(root, info):
        return selected_attributes(info, root)

    @staticmethod
    def resolve_channel_listings(root, info):
        require_manage_products(info)
        loader = loaders.ProductListingsByProductIdLoader(info)
        # One sibling group across the page, so each listing's pricing
        # batches over every product's listings.
        return resolve_for_siblings(
            info,
            root,
            "product_channel_listings",
            lambda r: loader.load_for(r, lambda p: node_of(p).pk),
        )

    @staticmethod
    def resolve_media_by_id(root, info, id):
        pk = from_global_id_or_error(id, "ProductMedia")
        return next((m for m in product_media(info, root) if m.pk == pk), None)

    @staticmethod
    def resolve_image_by_id(root, info, id):
        pk = from_global_id_or_error(id, "ProductImage")
        return next((m for m in product_media(info, root) if m.pk == pk), None)

    @staticmethod
    def resolve_variants(root, info):
        return resolve_for_siblings(
            info,
            root,
            "variants",
            lambda r: wrap(visible_variants(info, r), channel_of(r)),
        )

    @staticmethod
    def resolve_product_variants(root, info, **kwargs):
        def connection(product):
            return connection_from(
                filter_variant_list(visible_variants(info, product), kwargs),
                info,
                kwargs,
                ProductVariantCountableConnection,
                wrap=lambda rows: wrap(rows, channel_of(product)),
                register=False,
            )

        return resolve_for_siblings(
            info,
            root,
            f"product_variants:{sorted(kwargs.items())!r}",
            connection,
            items_of=lambda page: [edge.node for edge in page.edges],
        )

    @staticmethod
    def resolve_media(root, info, sort_by=None):
        def media(product):
            items = product_media(info, product)
            if sort_by:
                descending = name_of(sort_by.get("direction")) == "DESC"
                items = sorted(items, key=lambda item: item.pk, reverse=descending)
            return items

        return resolve_for_siblings(info, root, f"media:{sort_by!r}", media)

    @staticmethod
    def resolve_images(root, info):
        return [media for media in product_media(info, root) if media.image]

    @staticmethod
    def resolve_collections(root, info):
        return resolve_for_siblings(
            info, root, "collections", lambda r: visible_collections(info, r)
        )

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = loaders.ProductTranslationLoader(
            info, stored_language_code(language_code)
        )
        return loader.load_for(root, lambda r: node_of(r).pk)

    @staticmethod
    def resolve_available_for_purchase(root, info):
        listing = product_listing(info, root)
        at = listing and listing.available_for_purchase_at
        return at and at.date()

    @staticmethod
    def resolve_available_for_purchase_at(root, info):
        listing = product_listing(info, root)
        return listing and listing.available_for_purchase_at

    @staticmethod
    def resolve_featured_in_pages(root, info):
        return featured_in_pages(info, root)

    @staticmethod
    def resolve_is_available_for_purchase(root, info):
        if channel_of(root) is None:
            return None
        return product_is_available_for_purchase(product_listing(info, root))


ProductCountableConnection = create_connection_type(Product)
