"""attributeTranslate, attributeValueTranslate."""

import graphene

from backend.attribute import services
from backend.attribute.models import Attribute, AttributeValue
from backend.core.permissions import PermissionEnum

from ...core.enums import LanguageCodeEnum
from ...core.errors import TranslationError
from ...core.mutations import BaseMutation, get_node
from ...core.shared_enums import stored_language_code
from ...product.mutations.translations import NameTranslationInput
from ..types import Attribute as AttributeType
from ..types import AttributeValue as AttributeValueType


class AttributeValueTranslationInput(graphene.InputObjectType):
    name = graphene.String()
    rich_text = graphene.JSONString(description="Translated text.")
    plain_text = graphene.String(description="Translated text.")


def _language_argument():
    return graphene.Argument(
        LanguageCodeEnum,
        required=True,
        description="Translation language code.",
    )


class AttributeTranslate(BaseMutation):
    attribute = graphene.Field(AttributeType)

    class Arguments:
        id = graphene.ID(
            required=True,
            description="Attribute ID or AttributeTranslatableContent ID.",
        )
        input = NameTranslationInput(required=True)
        language_code = _language_argument()

    class Meta:
        description = "Creates/updates translations for an attribute."
        permissions = (PermissionEnum.MANAGE_TRANSLATIONS,)
        error_type_class = TranslationError
        error_type_field = "translation_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "attribute": get_node(data["id"], type_name="Attribute", model=Attribute),
            "language_code": stored_language_code(data["language_code"]),
            "name": data["input"].get("name") or "",
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        services.attribute_translate(**cleaned)
        return cls.success(attribute=cleaned["attribute"])


class AttributeValueTranslate(BaseMutation):
    attribute_value = graphene.Field(AttributeValueType)

    class Arguments:
        id = graphene.ID(
            required=True,
            description="AttributeValue ID or AttributeValueTranslatableContent ID.",
        )
        input = AttributeValueTranslationInput(required=True)
        language_code = _language_argument()

    class Meta:
        description = "Creates/updates translations for an attribute value."
        permissions = (PermissionEnum.MANAGE_TRANSLATIONS,)
        error_type_class = TranslationError
        error_type_field = "translation_errors"

    @classmethod
    def clean_input(cls, info, **data):
        value_input = data["input"]
        return {
            "attribute_value": get_node(
                data["id"], type_name="AttributeValue", model=AttributeValue
            ),
            "language_code": stored_language_code(data["language_code"]),
            "name": value_input.get("name"),
            "rich_text": value_input.get("rich_text"),
            "plain_text": value_input.get("plain_text"),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        services.attribute_value_translate(**cleaned)
        return cls.success(attribute_value=cleaned["attribute_value"])
