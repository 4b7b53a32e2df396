"""productTranslate, productVariantTranslate, categoryTranslate,
collectionTranslate."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Category, Collection, Product, ProductVariant

from ...core.enums import LanguageCodeEnum
from ...core.errors import TranslationError
from ...core.mutations import BaseMutation, get_node
from ...core.shared_enums import stored_language_code
from .. import types
from ..types import Category as CategoryType
from ..types import Collection as CollectionType
from ..types import ProductVariant as ProductVariantType


class TranslationInput(graphene.InputObjectType):
    slug = graphene.String()
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String()
    description = graphene.JSONString(description="Translated description.")


class NameTranslationInput(graphene.InputObjectType):
    name = graphene.String()


def translation_fields(data) -> dict:
    return {
        name: data[name]
        for name in ("slug", "seo_title", "seo_description", "name", "description")
        if name in data
    }


class _Translate(BaseMutation):
    """Translate the object of ``model`` named by ``id`` with one service."""

    class Meta:
        abstract = True

    model = None
    type_name = ""
    payload_field = ""

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "instance": get_node(data["id"], type_name=cls.type_name, model=cls.model),
            "language_code": stored_language_code(data["language_code"]),
            **translation_fields(data["input"]),
        }

    @classmethod
    def perform_mutation(cls, info, instance, **cleaned):
        cls.translate(instance, **cleaned)
        return cls.success(**{cls.payload_field: instance})


def _arguments(input_type, id_description):
    return type(
        "Arguments",
        (),
        {
            "id": graphene.ID(required=True, description=id_description),
            "input": input_type(required=True),
            "language_code": graphene.Argument(
                LanguageCodeEnum,
                required=True,
                description="Translation language code.",
            ),
        },
    )


TRANSLATE_PERMISSIONS = (PermissionEnum.MANAGE_TRANSLATIONS,)


class ProductTranslate(_Translate):
    product = graphene.Field(types.Product)
    Arguments = _arguments(
        TranslationInput, "Product ID or ProductTranslatableContent ID."
    )
    model, type_name, payload_field = Product, "Product", "product"

    class Meta:
        description = "Creates/updates translations for a product."
        permissions = TRANSLATE_PERMISSIONS
        error_type_class = TranslationError
        error_type_field = "translation_errors"

    @staticmethod
    def translate(instance, **fields):
        services.product_translate(product=instance, **fields)


class ProductVariantTranslate(_Translate):
    product_variant = graphene.Field(ProductVariantType)
    Arguments = _arguments(NameTranslationInput, "ProductVariant ID.")
    model, type_name, payload_field = (
        ProductVariant,
        "ProductVariant",
        "product_variant",
    )

    class Meta:
        description = "Creates/updates translations for a product variant."
        permissions = TRANSLATE_PERMISSIONS
        error_type_class = TranslationError
        error_type_field = "translation_errors"

    @staticmethod
    def translate(instance, language_code, name=None, **_):
        services.product_variant_translate(
            variant=instance, language_code=language_code, name=name or ""
        )


class CategoryTranslate(_Translate):
    category = graphene.Field(CategoryType)
    Arguments = _arguments(TranslationInput, "Category ID.")
    model, type_name, payload_field = Category, "Category", "category"

    class Meta:
        description = "Creates/updates translations for a category."
        permissions = TRANSLATE_PERMISSIONS
        error_type_class = TranslationError
        error_type_field = "translation_errors"

    @staticmethod
    def translate(instance, **fields):
        services.category_translate(category=instance, **fields)


class CollectionTranslate(_Translate):
    collection = graphene.Field(CollectionType)
    Arguments = _arguments(TranslationInput, "Collection ID.")
    model, type_name, payload_field = Collection, "Collection", "collection"

    class Meta:
        description = "Creates/updates translations for a collection."
        permissions = TRANSLATE_PERMISSIONS
        error_type_class = TranslationError
        error_type_field = "translation_errors"

    @staticmethod
    def translate(instance, **fields):
        services.collection_translate(collection=instance, **fields)
