"""PageTranslatableContent and the attribute translatable contents it lists.

``pageTranslate`` returns the page as Saleor's translation screens read
it: its own fields and those of the attribute values a translator words.
"""

import graphene
from graphene import relay

from backend.attribute import models as attribute_models
from backend.page import models

from ..attribute.dataloaders import (
    AttributeTranslationLoader,
    AttributeValueTranslationLoader,
)
from ..attribute.types import (
    LANGUAGE_ARGUMENT,
    Attribute,
    AttributeTranslation,
    AttributeValue,
    AttributeValueTranslation,
)
from ..core.ids import global_id
from ..core.shared_enums import stored_language_code
from . import dataloaders as loaders
from .types import Page, PageTranslation

# Values of these input types hold words a translator can translate.
TRANSLATABLE_INPUT_TYPES = (
    attribute_models.AttributeInputType.DROPDOWN,
    attribute_models.AttributeInputType.MULTISELECT,
    attribute_models.AttributeInputType.SWATCH,
    attribute_models.AttributeInputType.RICH_TEXT,
    attribute_models.AttributeInputType.PLAIN_TEXT,
)


class AttributeTranslatableContent(graphene.ObjectType):
    attribute_id = graphene.ID(required=True, description="The ID of the attribute.")
    name = graphene.String(
        required=True, description="Name of the attribute to translate."
    )
    translation = graphene.Field(
        AttributeTranslation,
        description="Returns translated attribute fields for the given language code.",
        **LANGUAGE_ARGUMENT,
    )
    attribute = graphene.Field(
        Attribute,
        description="Custom attribute of a product.",
        deprecation_reason="Get model fields from the root level queries.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents attribute's original translatable fields."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, attribute_models.Attribute)

    @staticmethod
    def resolve_attribute_id(root, info):
        return global_id("Attribute", root.pk)

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = AttributeTranslationLoader(info, stored_language_code(language_code))
        return loader.load_for(root, lambda r: r.pk)

    @staticmethod
    def resolve_attribute(root, info):
        return root


class AttributeValueTranslatableContent(graphene.ObjectType):
    attribute_value_id = graphene.ID(
        required=True, description="The ID of the attribute value."
    )
    name = graphene.String(required=True, description="Name of the attribute value.")
    rich_text = graphene.JSONString(description="Attribute value.")
    plain_text = graphene.String(description="Attribute plain text value.")
    translation = graphene.Field(
        AttributeValueTranslation,
        description=(
            "Returns translated attribute value fields for the given language code."
        ),
        **LANGUAGE_ARGUMENT,
    )
    attribute_value = graphene.Field(
        AttributeValue,
        description="Represents a value of an attribute.",
        deprecation_reason="Get model fields from the root level queries.",
    )
    attribute = graphene.Field(
        AttributeTranslatableContent,
        description="Associated attribute that can be translated.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents attribute value's original translatable fields."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, attribute_models.AttributeValue)

    @staticmethod
    def resolve_attribute_value_id(root, info):
        return global_id("AttributeValue", root.pk)

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = AttributeValueTranslationLoader(
            info, stored_language_code(language_code)
        )
        return loader.load_for(root, lambda r: r.pk)

    @staticmethod
    def resolve_attribute_value(root, info):
        return root

    @staticmethod
    def resolve_attribute(root, info):
        return root.attribute


class PageTranslatableContent(graphene.ObjectType):
    page_id = graphene.ID(required=True, description="The ID of the page to translate.")
    seo_title = graphene.String(description="SEO title to translate.")
    seo_description = graphene.String(description="SEO description to translate.")
    slug = graphene.String(description="Slug to translate.")
    title = graphene.String(required=True, description="Page title to translate.")
    content = graphene.JSONString(description="Content of the page to translate.")
    content_json = graphene.JSONString(
        description="Content of the page.",
        deprecation_reason="Use the `content` field instead.",
    )
    translation = graphene.Field(
        PageTranslation,
        description="Returns translated page fields for the given language code.",
        **LANGUAGE_ARGUMENT,
    )
    page = graphene.Field(
        Page,
        description=(
            "A static page that can be manually added by a shop operator through "
            "the dashboard."
        ),
        deprecation_reason="Get model fields from the root level queries.",
    )
    attribute_values = graphene.List(
        graphene.NonNull(AttributeValueTranslatableContent),
        required=True,
        description="List of page content attribute values that can be translated.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents page's original translatable fields."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.Page)

    @staticmethod
    def resolve_page_id(root, info):
        return global_id("Page", root.pk)

    @staticmethod
    def resolve_content_json(root, info):
        return root.content

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = loaders.PageTranslationLoader(
            info, stored_language_code(language_code)
        )
        return loader.load_for(root, lambda r: r.pk)

    @staticmethod
    def resolve_page(root, info):
        return root

    @staticmethod
    def resolve_attribute_values(root, info):
        return list(
            attribute_models.AttributeValue.objects.filter(
                pagevalueassignment__page=root,
                attribute__input_type__in=TRANSLATABLE_INPUT_TYPES,
            )
            .select_related("attribute")
            .order_by("pagevalueassignment__sort_order", "pk")
        )
