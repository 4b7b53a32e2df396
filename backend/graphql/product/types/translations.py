"""The catalog's translation types, as Saleor names them."""

import graphene
from graphene import relay

from backend.product import models

from ...core.ids import global_id
from ...core.types import LanguageDisplay, language_display


def _language(root):
    return language_display(root.language_code)


class _Translation(graphene.ObjectType):
    language = graphene.Field(
        LanguageDisplay, required=True, description="Translation language."
    )

    class Meta:
        abstract = True

    model = None

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, cls.model)

    @staticmethod
    def resolve_language(root, info):
        return _language(root)


class _SeoTranslation(_Translation):
    seo_title = graphene.String(description="Translated SEO title.")
    seo_description = graphene.String(description="Translated SEO description.")
    slug = graphene.String(description="Translated slug.")
    name = graphene.String(description="Translated name.")
    description = graphene.JSONString(
        description="Translated description.\n\nRich text format."
    )
    description_json = graphene.JSONString(
        description="Translated description.\n\nRich text format.",
        deprecation_reason="Use the `description` field instead.",
    )

    class Meta:
        abstract = True

    @staticmethod
    def resolve_description_json(root, info):
        return root.description


class ProductTranslation(_SeoTranslation):
    model = models.ProductTranslation

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents product translations."


class CategoryTranslation(_SeoTranslation):
    model = models.CategoryTranslation

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents category translations."


class CollectionTranslation(_SeoTranslation):
    model = models.CollectionTranslation

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents collection translations."


class ProductVariantTranslation(_Translation):
    model = models.ProductVariantTranslation
    name = graphene.String(
        required=True, description="Translated product variant name."
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents product variant translations."


__all__ = [
    "CategoryTranslation",
    "CollectionTranslation",
    "ProductTranslation",
    "ProductVariantTranslation",
    "global_id",
]
