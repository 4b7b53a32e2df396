"""Attribute, AttributeValue and their translations."""

import graphene
from graphene import relay

from backend.attribute import models
from backend.attribute.models import AttributeEntityType
from backend.core.permissions import PermissionEnum
from backend.product.models import ProductType

from ..core.connection import ConnectionField, connection_from, create_connection_type
from ..core.enums import LanguageCodeEnum
from ..core.ids import global_id
from ..core.inputs import PositiveInt
from ..core.lazy import lazy_type
from ..core.permissions import permission_required
from ..core.shared_enums import stored_language_code
from ..core.types import LanguageDisplay, language_display
from ..meta.types import ObjectWithMetadata
from . import filters
from .dataloaders import (
    AttributeTranslationLoader,
    AttributeValueTranslationLoader,
    ChoicesByAttributeIdLoader,
)
from .enums import (
    AttributeEntityTypeEnum,
    AttributeInputTypeEnum,
    AttributeTypeEnum,
    MeasurementUnitsEnum,
)

LANGUAGE_ARGUMENT = {
    "language_code": graphene.Argument(
        LanguageCodeEnum,
        required=True,
        description="A language code to return the translation for.",
    )
}
# The field of a value that holds each entity type's reference.
REFERENCE_FIELDS = {
    AttributeEntityType.PRODUCT: "reference_product_id",
    AttributeEntityType.PRODUCT_VARIANT: "reference_variant_id",
    AttributeEntityType.PAGE: "reference_page_id",
}


class File(graphene.ObjectType):
    url = graphene.String(required=True, description="The URL of the file.")
    content_type = graphene.String(description="Content type of the file.")


def value_file(value: models.AttributeValue) -> File | None:
    """Return the File of an attribute value, if it carries one."""
    if not value.file_url:
        return None
    return File(url=value.file_url, content_type=value.content_type)


class AttributeTranslation(graphene.ObjectType):
    language = graphene.Field(
        LanguageDisplay, required=True, description="Translation language."
    )
    name = graphene.String(required=True, description="Translated attribute name.")

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents attribute's original translatable fields."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.AttributeTranslation)

    @staticmethod
    def resolve_language(root, info):
        return language_display(root.language_code)


class AttributeValueTranslation(graphene.ObjectType):
    language = graphene.Field(
        LanguageDisplay, required=True, description="Translation language."
    )
    name = graphene.String(
        required=True, description="Translated attribute value name."
    )
    rich_text = graphene.JSONString(
        description="Attribute value. This field can be used to store rich text."
    )
    plain_text = graphene.String(description="Attribute plain text value.")

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents attribute value translations."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.AttributeValueTranslation)

    @staticmethod
    def resolve_language(root, info):
        return language_display(root.language_code)


class AttributeValue(graphene.ObjectType):
    name = graphene.String(description="Name of a value displayed in the interface.")
    slug = graphene.String(
        description="Internal representation of a value (unique per attribute)."
    )
    value = graphene.String(description="Represent value of the attribute value.")
    translation = graphene.Field(
        AttributeValueTranslation,
        description="Translation of the attribute value in the specified language.",
        **LANGUAGE_ARGUMENT,
    )
    input_type = graphene.Field(
        AttributeInputTypeEnum, description="The input type to use for entering it."
    )
    reference = graphene.ID(description="The ID of the referenced object.")
    file = graphene.Field(File, description="Represents file URL and content type.")
    rich_text = graphene.JSONString(
        description="Represents the text of the attribute value, includes formatting."
    )
    plain_text = graphene.String(
        description="Represents the text of the attribute value, plain text."
    )
    boolean = graphene.Boolean(description="Represents the boolean value.")
    date = graphene.Date(description="Represents the date value.")
    date_time = graphene.DateTime(description="Represents the date/time value.")
    external_reference = graphene.String(
        description="External ID of this attribute value."
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents a value of an attribute."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.AttributeValue)

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = AttributeValueTranslationLoader(
            info, stored_language_code(language_code)
        )
        return loader.load_for(root, lambda value: value.pk)

    @staticmethod
    def resolve_input_type(root, info):
        return root.attribute.input_type

    @staticmethod
    def resolve_reference(root, info):
        entity_type = root.attribute.entity_type
        field = REFERENCE_FIELDS.get(entity_type)
        pk = getattr(root, field) if field else None
        return global_id(entity_type, pk) if pk else None

    @staticmethod
    def resolve_file(root, info):
        return value_file(root)

    @staticmethod
    def resolve_date(root, info):
        return root.date_time.date() if root.date_time else None


AttributeValueCountableConnection = create_connection_type(AttributeValue)
# The product domain's read side defines ProductType and its connection.
PRODUCT_TYPE_CONNECTION = lazy_type(
    "backend.graphql.product.types.categories.ProductTypeCountableConnection"
)


def _product_types(info, args, **lookup):
    product_types = ProductType.objects.filter(**lookup).order_by("slug", "pk")
    return connection_from(product_types, info, args, PRODUCT_TYPE_CONNECTION())


def _with_attribute(value, attribute):
    value.attribute = attribute
    return value


# Who may read an attribute's settings (Saleor hides them from shoppers).
ATTRIBUTE_SETTINGS_READERS = (
    PermissionEnum.MANAGE_PAGES,
    PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,
    PermissionEnum.MANAGE_PRODUCTS,
    PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
)


class Attribute(graphene.ObjectType):
    input_type = graphene.Field(
        AttributeInputTypeEnum, description="The input type to use for entering it."
    )
    entity_type = graphene.Field(
        AttributeEntityTypeEnum,
        description="The entity type which can be used as a reference.",
    )
    reference_types = graphene.List(
        graphene.NonNull(
            lazy_type("backend.graphql.attribute.reference_types.ReferenceType")
        ),
        limit=PositiveInt(
            default_value=100, description="Maximum number of reference types."
        ),
        description=(
            "The reference types (product or page type) that are used to narrow "
            "down the choices of reference objects. Empty: Lumbar does not "
            "narrow a reference attribute to types."
        ),
    )
    name = graphene.String(
        required=True, description="Name of an attribute displayed in the interface."
    )
    slug = graphene.String(
        required=True, description="Internal representation of an attribute name."
    )
    type = graphene.Field(
        AttributeTypeEnum, required=True, description="The attribute type."
    )
    unit = graphene.Field(
        MeasurementUnitsEnum, description="The unit of attribute values."
    )
    choices = ConnectionField(
        AttributeValueCountableConnection,
        sort_by=graphene.Argument(
            filters.AttributeChoicesSortingInput,
            description="Sort attribute choices.",
        ),
        filter=graphene.Argument(
            filters.AttributeValueFilterInput,
            description="Filtering options for attribute choices.",
            deprecation_reason="Use `where` filter instead.",
        ),
        where=graphene.Argument(
            filters.AttributeValueWhereInput,
            description="Where filtering options for attribute choices.",
        ),
        search=graphene.String(description="Search attribute choices."),
        description="List of attribute's values.",
    )
    value_required = graphene.Boolean(
        required=True,
        description="Whether the attribute requires values to be passed or not."
        "\n\nRequires one of the following permissions: MANAGE_PAGES, "
        "MANAGE_PAGE_TYPES_AND_ATTRIBUTES, MANAGE_PRODUCTS, "
        "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES.",
    )
    visible_in_storefront = graphene.Boolean(
        required=True,
        description="Whether the attribute should be visible or not in storefront."
        "\n\nRequires one of the following permissions: MANAGE_PAGES, "
        "MANAGE_PAGE_TYPES_AND_ATTRIBUTES, MANAGE_PRODUCTS, "
        "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES.",
    )
    filterable_in_storefront = graphene.Boolean(
        required=True,
        description="Whether the attribute can be filtered in storefront."
        "\n\nRequires one of the following permissions: MANAGE_PAGES, "
        "MANAGE_PAGE_TYPES_AND_ATTRIBUTES, MANAGE_PRODUCTS, "
        "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES.",
        deprecation_reason=(
            "This flag is not used by Saleor. Keep the logic in the storefront or "
            "use `Attribute` metadata instead."
        ),
    )
    filterable_in_dashboard = graphene.Boolean(
        required=True,
        description="Whether the attribute can be filtered in dashboard."
        "\n\nRequires one of the following permissions: MANAGE_PAGES, "
        "MANAGE_PAGE_TYPES_AND_ATTRIBUTES, MANAGE_PRODUCTS, "
        "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES.",
        deprecation_reason=(
            "This flag is not used by Saleor. Keep the logic in the dashboard or "
            "use `Attribute` metadata instead."
        ),
    )
    available_in_grid = graphene.Boolean(
        required=True,
        description="Whether the attribute can be displayed in the admin product list."
        "\n\nRequires one of the following permissions: MANAGE_PAGES, "
        "MANAGE_PAGE_TYPES_AND_ATTRIBUTES, MANAGE_PRODUCTS, "
        "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES.",
        deprecation_reason=(
            "This flag is not used by Saleor. Keep the logic in the storefront or "
            "use `Attribute` metadata instead."
        ),
    )
    storefront_search_position = graphene.Int(
        required=True,
        description="The position of the attribute in the storefront navigation."
        "\n\nRequires one of the following permissions: MANAGE_PAGES, "
        "MANAGE_PAGE_TYPES_AND_ATTRIBUTES, MANAGE_PRODUCTS, "
        "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES.",
        deprecation_reason=(
            "This flag is not used by Saleor. Keep the logic in the storefront or "
            "use `Attribute` metadata instead."
        ),
    )
    translation = graphene.Field(
        AttributeTranslation,
        description="Returns translated attribute fields for the given language code.",
        **LANGUAGE_ARGUMENT,
    )
    with_choices = graphene.Boolean(
        required=True,
        description="Flag indicating that attribute has predefined choices.",
    )
    external_reference = graphene.String(description="External ID of this attribute.")
    product_types = ConnectionField(
        graphene.NonNull(PRODUCT_TYPE_CONNECTION),
        description=(
            "A list of product types that use this attribute as a product attribute."
        ),
    )
    product_variant_types = ConnectionField(
        graphene.NonNull(PRODUCT_TYPE_CONNECTION),
        description=(
            "A list of product types that use this attribute as a product variant "
            "attribute."
        ),
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = (
            "Custom attribute of a product. Attributes can be assigned to products "
            "and variants at the product type level."
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.Attribute)

    @staticmethod
    @permission_required(*ATTRIBUTE_SETTINGS_READERS)
    def resolve_value_required(root, info):
        return root.value_required

    @staticmethod
    @permission_required(*ATTRIBUTE_SETTINGS_READERS)
    def resolve_visible_in_storefront(root, info):
        return root.visible_in_storefront

    @staticmethod
    def resolve_reference_types(root, info, limit=100):
        # A reference attribute here may point at any object of its entity
        # type: no type narrows it, as in Saleor with none chosen.
        return []

    @staticmethod
    @permission_required(*ATTRIBUTE_SETTINGS_READERS)
    def resolve_filterable_in_storefront(root, info):
        return root.filterable_in_storefront

    @staticmethod
    @permission_required(*ATTRIBUTE_SETTINGS_READERS)
    def resolve_filterable_in_dashboard(root, info):
        return root.filterable_in_dashboard

    @staticmethod
    @permission_required(*ATTRIBUTE_SETTINGS_READERS)
    def resolve_available_in_grid(root, info):
        return root.available_in_grid

    @staticmethod
    @permission_required(*ATTRIBUTE_SETTINGS_READERS)
    def resolve_storefront_search_position(root, info):
        return root.storefront_search_position

    @staticmethod
    def resolve_choices(
        root, info, sort_by=None, filter=None, where=None, search=None, **kwargs
    ):
        if root.input_type not in models.CHOICE_INPUT_TYPES:
            return None
        if sort_by or filter or where or search:
            # A narrowed or re-sorted list is read for this attribute alone.
            values = filters.sort_choices(
                root.values.filter(
                    filters.choices_q(filter=filter, where=where, search=search)
                ),
                sort_by,
            )
            values = [_with_attribute(value, root) for value in values]
        else:
            values = ChoicesByAttributeIdLoader(info).load_for(root, lambda a: a.pk)
        return connection_from(values, info, kwargs, AttributeValueCountableConnection)

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = AttributeTranslationLoader(info, stored_language_code(language_code))
        return loader.load_for(root, lambda attribute: attribute.pk)

    @staticmethod
    def resolve_product_types(root, info, **kwargs):
        return _product_types(info, kwargs, product_attributes__pk=root.pk)

    @staticmethod
    def resolve_product_variant_types(root, info, **kwargs):
        return _product_types(info, kwargs, variant_attributes__pk=root.pk)

    @staticmethod
    def resolve_with_choices(root, info):
        return root.input_type in models.CHOICE_INPUT_TYPES


AttributeCountableConnection = create_connection_type(Attribute)
