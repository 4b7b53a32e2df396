"""Category, Collection and ProductType."""

import graphene

from backend.attribute.models import (
    Attribute,
    AttributeProduct,
    AttributeType,
    AttributeVariant,
)
from backend.product import models
from backend.product.thumbnails import thumbnail_url

from ...attribute import types as attribute_types
from ...attribute.filters import (
    AttributeFilterInput,
    AttributeWhereInput,
    filter_attributes,
    where_q,
)
from ...attribute.types import AttributeCountableConnection
from ...channel.types import Channel
from ...core.channel import channel_of, node_of
from ...core.connection import ConnectionField, connection_from, create_connection_type
from ...core.dataloaders import resolve_for_siblings
from ...core.enums import LanguageCodeEnum
from ...core.lazy import lazy_type
from ...core.permissions import require_staff
from ...core.shared_enums import stored_language_code
from ...core.types import Image
from .. import dataloaders as loaders
from ..enums import (
    ProductTypeKindEnum,
    ThumbnailFormatEnum,
    name_of,
)
from ..inputs import product_list_arguments
from .attributes import VariantAttributeScope
from .common import (
    NODE_INTERFACES,
    ModelObjectType,
    require_manage_products,
    thumbnail_size,
)
from .media import FORMAT_HELP, SIZE_HELP
from .products import ProductCountableConnection
from .translations import CategoryTranslation, CollectionTranslation
from .weight import Weight, weight_of


def _product_list_arguments():
    return product_list_arguments()


def background_image(root, size, format):
    node = node_of(root)
    if not node.background_image:
        return None
    url = thumbnail_url(media=node, size=thumbnail_size(size), format=name_of(format))
    return Image(url=url, alt=node.background_image_alt or None)


class Category(ModelObjectType):
    model = models.Category

    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString(description="Description of the category.")
    slug = graphene.String(required=True)
    parent = graphene.Field(lambda: Category)
    level = graphene.Int(required=True)
    description_json = graphene.JSONString(
        deprecation_reason="Use the `description` field instead."
    )
    updated_at = graphene.DateTime(required=True)
    ancestors = ConnectionField(
        lambda: CategoryCountableConnection,
        description="List of ancestors of the category.",
    )
    products = ConnectionField(
        ProductCountableConnection,
        description="List of products in the category. Requires the following "
        "permissions to include the unpublished items: MANAGE_ORDERS, "
        "MANAGE_DISCOUNTS, MANAGE_PRODUCTS.",
        **_product_list_arguments(),
    )
    children = ConnectionField(
        lambda: CategoryCountableConnection,
        description="List of children of the category.",
    )
    background_image = graphene.Field(
        Image,
        size=graphene.Int(description=SIZE_HELP),
        format=ThumbnailFormatEnum(default_value="ORIGINAL", description=FORMAT_HELP),
    )
    translation = graphene.Field(
        CategoryTranslation,
        language_code=graphene.Argument(
            LanguageCodeEnum,
            required=True,
            description="A language code to return the translation for category.",
        ),
    )

    class Meta:
        interfaces = NODE_INTERFACES
        description = (
            "Represents a single category of products. Categories allow to organize "
            "products in a tree-hierarchies which can be used for navigation in the "
            "storefront."
        )

    @staticmethod
    def resolve_description_json(root, info):
        return root.description

    @staticmethod
    def resolve_parent(root, info):
        loader = loaders.CategoryByIdLoader(info)

        def parent(category):
            if category.parent_id is None:
                return None
            return loader.load_for(category, lambda c: c.parent_id)

        return resolve_for_siblings(info, root, "parent", parent)

    @staticmethod
    def resolve_ancestors(root, info, **kwargs):
        return connection_from(
            root.get_ancestors().order_by("level", "pk"),
            info,
            kwargs,
            CategoryCountableConnection,
        )

    @staticmethod
    def resolve_children(root, info, **kwargs):
        return connection_from(
            models.Category.objects.filter(parent_id=root.pk).order_by("name", "pk"),
            info,
            kwargs,
            CategoryCountableConnection,
        )

    @staticmethod
    def resolve_products(root, info, **kwargs):
        # Cycle: product.resolvers imports these types.
        from ..resolvers import products_connection

        queryset = models.Product.objects.filter(
            category__in=root.get_descendants(include_self=True)
        )
        return products_connection(info, queryset, kwargs, listing=True)

    @staticmethod
    def resolve_background_image(root, info, size=None, format=None):
        return background_image(root, size, format)

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = loaders.CategoryTranslationLoader(
            info, stored_language_code(language_code)
        )
        return loader.load_for(root, lambda r: r.pk)


class CollectionChannelListing(graphene.ObjectType):
    publication_date = graphene.Date(
        deprecation_reason="Use the `publishedAt` field to fetch the publication date."
    )
    published_at = graphene.DateTime()
    is_published = graphene.Boolean(required=True)
    channel = graphene.Field(Channel, required=True)

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents collection channel listing."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.CollectionChannelListing)

    @staticmethod
    def resolve_publication_date(root, info):
        return root.published_at and root.published_at.date()


class Collection(ModelObjectType):
    model = models.Collection

    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString(description="Description of the collection.")
    slug = graphene.String(required=True)
    channel = graphene.String()
    description_json = graphene.JSONString(
        deprecation_reason="Use the `description` field instead."
    )
    products = ConnectionField(
        ProductCountableConnection,
        description="List of products in this collection.",
        **{
            name: argument
            for name, argument in _product_list_arguments().items()
            if name != "channel"
        },
    )
    background_image = graphene.Field(
        Image,
        size=graphene.Int(description=SIZE_HELP),
        format=ThumbnailFormatEnum(default_value="ORIGINAL", description=FORMAT_HELP),
    )
    translation = graphene.Field(
        CollectionTranslation,
        language_code=graphene.Argument(
            LanguageCodeEnum,
            required=True,
            description="A language code to return the translation for collection.",
        ),
    )
    channel_listings = graphene.List(
        graphene.NonNull(CollectionChannelListing),
        description="List of channels in which the collection is available.\n\n"
        "Requires one of the following permissions: MANAGE_PRODUCTS.",
    )

    class Meta:
        interfaces = NODE_INTERFACES
        description = "Represents a collection of products."

    @staticmethod
    def resolve_description_json(root, info):
        return node_of(root).description

    @staticmethod
    def resolve_channel(root, info):
        return channel_of(root)

    @staticmethod
    def resolve_products(root, info, **kwargs):
        # Cycle: product.resolvers imports these types.
        from ..resolvers import products_connection

        queryset = models.Product.objects.filter(collections=node_of(root))
        return products_connection(
            info,
            queryset,
            {**kwargs, "channel": channel_of(root)},
            listing=True,
            channel_resolved=True,
        )

    @staticmethod
    def resolve_background_image(root, info, size=None, format=None):
        return background_image(root, size, format)

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = loaders.CollectionTranslationLoader(
            info, stored_language_code(language_code)
        )
        return loader.load_for(root, lambda r: node_of(r).pk)

    @staticmethod
    def resolve_channel_listings(root, info):
        require_manage_products(info)
        return loaders.CollectionListingsByCollectionIdLoader(info).load_for(
            root, lambda r: node_of(r).pk
        )


TAX_CLASS = lazy_type("backend.graphql.tax.types.TaxClass")


class ProductType(ModelObjectType):
    model = models.ProductType

    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    has_variants = graphene.Boolean(
        required=True,
        deprecation_reason=(
            "This is a leftover from the past Simple/Configurable product "
            "distinction. Products can have multiple variants regardless of this "
            "setting. "
        ),
    )
    is_shipping_required = graphene.Boolean(required=True)
    weight = graphene.Field(Weight)
    kind = graphene.Field(ProductTypeKindEnum, required=True)
    variant_attributes = graphene.List(
        graphene.NonNull(attribute_types.Attribute),
        variant_selection=graphene.Argument(VariantAttributeScope),
        deprecation_reason="Use `assignedVariantAttributes` instead.",
    )
    assigned_variant_attributes = graphene.List(
        graphene.NonNull(lambda: AssignedVariantAttribute),
        variant_selection=graphene.Argument(VariantAttributeScope),
        description=(
            "Variant attributes of that product type with attached variant selection."
        ),
    )
    product_attributes = graphene.List(graphene.NonNull(attribute_types.Attribute))
    tax_class = graphene.Field(
        TAX_CLASS,
        description=(
            "Tax class assigned to this product type. Always null: Lumbar keeps "
            "no tax classes.\n\nRequires one of the following permissions: "
            "AUTHENTICATED_STAFF_USER, AUTHENTICATED_APP."
        ),
    )
    products = ConnectionField(
        ProductCountableConnection,
        channel=graphene.String(
            description="Slug of a channel for which the data should be returned."
        ),
        description="List of products of this type.",
        deprecation_reason=(
            "Use the top-level `products` query with the `productTypes` filter."
        ),
    )
    available_attributes = ConnectionField(
        AttributeCountableConnection,
        filter=graphene.Argument(
            AttributeFilterInput,
            deprecation_reason="Use `where` filter instead.",
        ),
        where=graphene.Argument(AttributeWhereInput),
        search=graphene.String(description="Search attributes."),
        description="List of attributes which can be assigned to this product "
        "type.\n\nRequires one of the following permissions: MANAGE_PRODUCTS.",
    )

    class Meta:
        interfaces = NODE_INTERFACES
        description = (
            "Represents a type of product. It defines what attributes are available "
            "to products of this type."
        )

    @staticmethod
    def resolve_products(root, info, **kwargs):
        # Cycle: product.resolvers imports these types.
        from ..resolvers import products_connection

        queryset = models.Product.objects.filter(product_type=root)
        return products_connection(info, queryset, kwargs, listing=True)

    @staticmethod
    def resolve_available_attributes(root, info, search=None, **kwargs):

        require_manage_products(info)
        attributes = (
            Attribute.objects.filter(type=AttributeType.PRODUCT_TYPE)
            .exclude(
                pk__in=AttributeProduct.objects.filter(product_type=root).values(
                    "attribute_id"
                )
            )
            .exclude(
                pk__in=AttributeVariant.objects.filter(product_type=root).values(
                    "attribute_id"
                )
            )
        )
        if search:
            attributes = attributes.filter(name__icontains=search)
        attributes = filter_attributes(attributes, kwargs.get("filter"))
        attributes = attributes.filter(where_q(kwargs.get("where")))
        return connection_from(
            attributes.order_by("slug", "pk"),
            info,
            kwargs,
            AttributeCountableConnection,
        )

    @staticmethod
    def resolve_kind(root, info):
        return root.kind.upper()

    @staticmethod
    def resolve_weight(root, info):
        return weight_of(root.weight_grams)

    @staticmethod
    def resolve_product_attributes(root, info):
        return [
            row.attribute
            for row in AttributeProduct.objects.filter(product_type=root)
            .select_related("attribute")
            .order_by("sort_order", "pk")
        ]

    @staticmethod
    def resolve_variant_attributes(root, info, variant_selection=None):
        return [
            row.attribute for row in _variant_attribute_rows(root, variant_selection)
        ]

    @staticmethod
    def resolve_assigned_variant_attributes(root, info, variant_selection=None):
        return _variant_attribute_rows(root, variant_selection)

    @staticmethod
    def resolve_tax_class(root, info):
        require_staff(info)
        return None


def _variant_attribute_rows(product_type, variant_selection):
    rows = AttributeVariant.objects.filter(product_type=product_type).select_related(
        "attribute"
    )
    scope = name_of(variant_selection) or "ALL"
    if scope == "VARIANT_SELECTION":
        rows = rows.filter(variant_selection=True)
    elif scope == "NOT_VARIANT_SELECTION":
        rows = rows.filter(variant_selection=False)
    return list(rows.order_by("sort_order", "pk"))


class AssignedVariantAttribute(graphene.ObjectType):
    attribute = graphene.Field(
        attribute_types.Attribute, required=True, description="Attribute assigned."
    )
    variant_selection = graphene.Boolean(
        required=True,
        description="Determines, whether assigned attribute is allowed for variant "
        "selection. Supported variant types for variant selection are: dropdown, "
        "boolean, swatch, numeric",
    )

    class Meta:
        description = "Represents assigned attribute to variant with variant selection."


CategoryCountableConnection = create_connection_type(Category)
CollectionCountableConnection = create_connection_type(Collection)
ProductTypeCountableConnection = create_connection_type(ProductType)
