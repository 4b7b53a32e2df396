"""The AssignedAttribute interface and its members, one per input type.

Each member's root is an ``AttributeAssignment`` (dataloaders.py): the
attribute, the values assigned and the channel references are read in.
"""

import graphene

from backend.attribute.models import AttributeEntityType, AttributeInputType

from ..core.channel import ChannelContext, resolve_channel_slug
from ..core.enums import LanguageCodeEnum
from ..core.inputs import JSON, PositiveInt
from ..core.lazy import lazy_type
from ..core.shared_enums import stored_language_code
from ..page.dataloaders import VisiblePageByIdLoader
from .dataloaders import AttributeValueTranslationLoader
from .references import VisibleProductByIdLoader, VisibleVariantByIdLoader
from .types import Attribute, File, value_file

LANGUAGE_ARGUMENT = {
    "language_code": graphene.Argument(LanguageCodeEnum, required=True)
}
DEFAULT_LIMIT = 100


class AssignedAttribute(graphene.Interface):
    attribute = graphene.Field(
        Attribute, required=True, description="Attribute assigned to an object."
    )

    class Meta:
        description = (
            "Represents an attribute assigned to an object.\n\nAdded in Saleor 3.22."
        )

    @classmethod
    def resolve_type(cls, instance, info):
        return assigned_type_for(instance.attribute)


def _translated_name(info, value, language_code):
    loader = AttributeValueTranslationLoader(info, stored_language_code(language_code))
    translation = loader.load_for(value, lambda v: v.pk)
    return translation.name if translation else None


class AssignedChoiceAttributeValue(graphene.ObjectType):
    name = graphene.String(description="Name of a value displayed in the interface.")
    slug = graphene.String(
        description="Internal representation of a value (unique per attribute)."
    )
    translation = graphene.String(
        description="Translation of the name.", **LANGUAGE_ARGUMENT
    )

    @staticmethod
    def resolve_translation(root, info, language_code):
        return _translated_name(info, root, language_code)


class AssignedSwatchAttributeValue(graphene.ObjectType):
    name = graphene.String(description="Name of the selected swatch value.")
    slug = graphene.String(description="Slug of the selected swatch value.")
    hex_color = graphene.String(description="Hex color code.")
    file = graphene.Field(File, description="File associated with the attribute.")
    translation = graphene.String(
        description="Translation of the name.", **LANGUAGE_ARGUMENT
    )

    @staticmethod
    def resolve_hex_color(root, info):
        return root.value or None

    @staticmethod
    def resolve_file(root, info):
        return value_file(root)

    @staticmethod
    def resolve_translation(root, info, language_code):
        return _translated_name(info, root, language_code)


def _first(root):
    return root.values[0] if root.values else None


def _assigned(name, value_field, resolve_value, description, **extra):
    """Return an AssignedAttribute type whose ``value`` resolves so."""

    def resolver(root, info, **kwargs):
        return resolve_value(root, info, **kwargs)

    attrs = {
        **extra,
        "value": value_field,
        "resolve_value": staticmethod(resolver),
        "Meta": type(
            "Meta",
            (),
            {
                "interfaces": (AssignedAttribute,),
                "description": f"{description}\n\nAdded in Saleor 3.22.",
            },
        ),
    }
    return type(name, (graphene.ObjectType,), attrs)


def _numeric(root, info):
    value = _first(root)
    return float(value.numeric) if value and value.numeric is not None else None


def _plain_text_translation(root, info, language_code):
    value = _first(root)
    if value is None:
        return None
    loader = AttributeValueTranslationLoader(info, stored_language_code(language_code))
    translation = loader.load_for(value, lambda v: v.pk)
    return translation.plain_text if translation else None


def _rich_text_translation(root, info, language_code):
    value = _first(root)
    if value is None:
        return None
    loader = AttributeValueTranslationLoader(info, stored_language_code(language_code))
    translation = loader.load_for(value, lambda v: v.pk)
    return translation.rich_text if translation else None


def _limited(root, limit):
    return root.values[: limit if limit is not None else DEFAULT_LIMIT]


def _reference_channel(info, root):
    """Return the channel references are read in (the default for shoppers)."""
    if root.channel_slug is not None:
        return root.channel_slug
    return resolve_channel_slug(info, None)


def _products(root, info, limit=DEFAULT_LIMIT):
    channel_slug = _reference_channel(info, root)
    loader = VisibleProductByIdLoader(info, channel_slug)
    found = loader.load_many([v.reference_product_id for v in _limited(root, limit)])
    return [
        ChannelContext(node=product, channel_slug=channel_slug)
        for product in found
        if product is not None
    ]


def _variants(root, info, limit=DEFAULT_LIMIT):
    channel_slug = _reference_channel(info, root)
    loader = VisibleVariantByIdLoader(info, channel_slug)
    found = loader.load_many([v.reference_variant_id for v in _limited(root, limit)])
    return [
        ChannelContext(node=variant, channel_slug=channel_slug)
        for variant in found
        if variant is not None
    ]


def _pages(root, info, limit=DEFAULT_LIMIT):
    found = VisiblePageByIdLoader(info).load_many(
        [v.reference_page_id for v in _limited(root, limit)]
    )
    return [page for page in found if page is not None]


def _single(many):
    def resolve(root, info):
        found = many(root, info, limit=1)
        return found[0] if found else None

    return resolve


LIMIT = {"limit": PositiveInt(default_value=DEFAULT_LIMIT)}


def _list_of(type_path, description):
    return graphene.List(
        graphene.NonNull(lazy_type(type_path)),
        required=True,
        description=description,
        **LIMIT,
    )


AssignedNumericAttribute = _assigned(
    "AssignedNumericAttribute",
    graphene.Float(description="The assigned numeric value."),
    _numeric,
    "Represents a numeric value of an attribute.",
)
AssignedTextAttribute = _assigned(
    "AssignedTextAttribute",
    JSON(description="The assigned rich text content."),
    lambda root, info: _first(root) and _first(root).rich_text,
    "Represents text attribute.",
    translation=JSON(
        description="Translation of the rich text content in the specified language.",
        **LANGUAGE_ARGUMENT,
    ),
    resolve_translation=staticmethod(
        lambda root, info, language_code: _rich_text_translation(
            root, info, language_code
        )
    ),
)
AssignedPlainTextAttribute = _assigned(
    "AssignedPlainTextAttribute",
    graphene.String(description="The assigned plain text content."),
    lambda root, info: _first(root) and _first(root).plain_text,
    "Represents plain text attribute.",
    translation=graphene.String(
        description="Translation of the plain text content in the specified language.",
        **LANGUAGE_ARGUMENT,
    ),
    resolve_translation=staticmethod(
        lambda root, info, language_code: _plain_text_translation(
            root, info, language_code
        )
    ),
)
AssignedFileAttribute = _assigned(
    "AssignedFileAttribute",
    graphene.Field(File, description="The assigned file."),
    lambda root, info: _first(root) and value_file(_first(root)),
    "Represents file attribute.",
)
AssignedSingleChoiceAttribute = _assigned(
    "AssignedSingleChoiceAttribute",
    graphene.Field(
        AssignedChoiceAttributeValue, description="The assigned choice value."
    ),
    lambda root, info: _first(root),
    "Represents a single choice attribute.",
)
AssignedMultiChoiceAttribute = _assigned(
    "AssignedMultiChoiceAttribute",
    graphene.List(
        graphene.NonNull(AssignedChoiceAttributeValue),
        required=True,
        description="List of assigned choice values.",
        **LIMIT,
    ),
    lambda root, info, limit=DEFAULT_LIMIT: _limited(root, limit),
    "Represents a multi choice attribute.",
)
AssignedSwatchAttribute = _assigned(
    "AssignedSwatchAttribute",
    graphene.Field(
        AssignedSwatchAttributeValue, description="The assigned swatch value."
    ),
    lambda root, info: _first(root),
    "Represents a swatch attribute.",
)
AssignedBooleanAttribute = _assigned(
    "AssignedBooleanAttribute",
    graphene.Boolean(description="The assigned boolean value."),
    lambda root, info: _first(root) and _first(root).boolean,
    "Represents a boolean attribute.",
)
AssignedDateAttribute = _assigned(
    "AssignedDateAttribute",
    graphene.Date(description="The assigned date value."),
    lambda root, info: (
        _first(root).date_time.date()
        if _first(root) and _first(root).date_time
        else None
    ),
    "Represents a date attribute.",
)
AssignedDateTimeAttribute = _assigned(
    "AssignedDateTimeAttribute",
    graphene.DateTime(description="The assigned date time value."),
    lambda root, info: _first(root) and _first(root).date_time,
    "Represents a date time attribute.",
)
AssignedSinglePageReferenceAttribute = _assigned(
    "AssignedSinglePageReferenceAttribute",
    graphene.Field(
        lazy_type("backend.graphql.page.types.Page"),
        description="The assigned page reference.",
    ),
    _single(_pages),
    "Represents single page reference attribute.",
)
AssignedSingleProductReferenceAttribute = _assigned(
    "AssignedSingleProductReferenceAttribute",
    graphene.Field(
        lazy_type("backend.graphql.product.types.Product"),
        description="The assigned product reference.",
    ),
    _single(_products),
    "Represents single product reference attribute.",
)
AssignedSingleProductVariantReferenceAttribute = _assigned(
    "AssignedSingleProductVariantReferenceAttribute",
    graphene.Field(
        lazy_type("backend.graphql.product.types.ProductVariant"),
        description="The assigned product variant reference.",
    ),
    _single(_variants),
    "Represents single product variant reference attribute.",
)
AssignedMultiPageReferenceAttribute = _assigned(
    "AssignedMultiPageReferenceAttribute",
    graphene.List(
        graphene.NonNull(lazy_type("backend.graphql.page.types.Page")),
        required=True,
        description="List of assigned page references.",
        **LIMIT,
    ),
    _pages,
    "Represents multi page reference attribute.",
)
AssignedMultiProductReferenceAttribute = _assigned(
    "AssignedMultiProductReferenceAttribute",
    _list_of(
        "backend.graphql.product.types.Product", "List of assigned product references."
    ),
    _products,
    "Represents multi product reference attribute.",
)
AssignedMultiProductVariantReferenceAttribute = _assigned(
    "AssignedMultiProductVariantReferenceAttribute",
    _list_of(
        "backend.graphql.product.types.ProductVariant",
        "List of assigned product variant references.",
    ),
    _variants,
    "Represents multi product variant reference attribute.",
)


def _no_stored_references(root, info, limit=DEFAULT_LIMIT):
    # Attribute values cannot reference categories or collections here (the
    # attribute services refuse such references), so none is ever assigned.
    return []


AssignedSingleCategoryReferenceAttribute = _assigned(
    "AssignedSingleCategoryReferenceAttribute",
    graphene.Field(
        lazy_type("backend.graphql.product.types.Category"),
        description="The assigned category reference.",
    ),
    _single(_no_stored_references),
    "Represents single category reference attribute.",
)
AssignedSingleCollectionReferenceAttribute = _assigned(
    "AssignedSingleCollectionReferenceAttribute",
    graphene.Field(
        lazy_type("backend.graphql.product.types.Collection"),
        description="The assigned collection reference.",
    ),
    _single(_no_stored_references),
    "Represents single collection reference attribute.",
)
AssignedMultiCategoryReferenceAttribute = _assigned(
    "AssignedMultiCategoryReferenceAttribute",
    _list_of(
        "backend.graphql.product.types.Category",
        "List of assigned category references.",
    ),
    _no_stored_references,
    "Represents multi category reference attribute.",
)
AssignedMultiCollectionReferenceAttribute = _assigned(
    "AssignedMultiCollectionReferenceAttribute",
    _list_of(
        "backend.graphql.product.types.Collection",
        "List of assigned collection references.",
    ),
    _no_stored_references,
    "Represents multi collection reference attribute.",
)

ASSIGNED_TYPES = {
    AttributeInputType.NUMERIC: AssignedNumericAttribute,
    AttributeInputType.RICH_TEXT: AssignedTextAttribute,
    AttributeInputType.PLAIN_TEXT: AssignedPlainTextAttribute,
    AttributeInputType.FILE: AssignedFileAttribute,
    AttributeInputType.DROPDOWN: AssignedSingleChoiceAttribute,
    AttributeInputType.MULTISELECT: AssignedMultiChoiceAttribute,
    AttributeInputType.SWATCH: AssignedSwatchAttribute,
    AttributeInputType.BOOLEAN: AssignedBooleanAttribute,
    AttributeInputType.DATE: AssignedDateAttribute,
    AttributeInputType.DATE_TIME: AssignedDateTimeAttribute,
}
REFERENCE_TYPES = {
    (AttributeInputType.SINGLE_REFERENCE, AttributeEntityType.PAGE): (
        AssignedSinglePageReferenceAttribute
    ),
    (AttributeInputType.SINGLE_REFERENCE, AttributeEntityType.PRODUCT): (
        AssignedSingleProductReferenceAttribute
    ),
    (AttributeInputType.SINGLE_REFERENCE, AttributeEntityType.PRODUCT_VARIANT): (
        AssignedSingleProductVariantReferenceAttribute
    ),
    (AttributeInputType.REFERENCE, AttributeEntityType.PAGE): (
        AssignedMultiPageReferenceAttribute
    ),
    (AttributeInputType.REFERENCE, AttributeEntityType.PRODUCT): (
        AssignedMultiProductReferenceAttribute
    ),
    (AttributeInputType.REFERENCE, AttributeEntityType.PRODUCT_VARIANT): (
        AssignedMultiProductVariantReferenceAttribute
    ),
    (AttributeInputType.SINGLE_REFERENCE, AttributeEntityType.CATEGORY): (
        AssignedSingleCategoryReferenceAttribute
    ),
    (AttributeInputType.SINGLE_REFERENCE, AttributeEntityType.COLLECTION): (
        AssignedSingleCollectionReferenceAttribute
    ),
    (AttributeInputType.REFERENCE, AttributeEntityType.CATEGORY): (
        AssignedMultiCategoryReferenceAttribute
    ),
    (AttributeInputType.REFERENCE, AttributeEntityType.COLLECTION): (
        AssignedMultiCollectionReferenceAttribute
    ),
}
# Types the schema must hold although no field names them directly.
ALL_ASSIGNED_TYPES = [*ASSIGNED_TYPES.values(), *REFERENCE_TYPES.values()]


def assigned_type_for(attribute):
    """Return the AssignedAttribute type of an attribute, or None."""
    found = ASSIGNED_TYPES.get(attribute.input_type)
    if found is None:
        found = REFERENCE_TYPES.get((attribute.input_type, attribute.entity_type))
    return found
