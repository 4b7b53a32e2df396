"""The minimal Page a menu item or a reference attribute links to.

Saleor's Page with the fields Lumbar stores today; the page domain's own
issue extends it (pageType, attributes, queries).
"""

import graphene
from graphene import relay

from backend.page import models

from ..attribute.assigned import (
    ObjectWithAttributes,
    SelectedAttribute,
    selected_attribute,
    selected_attributes,
)
from ..core.dataloaders import DataLoader
from ..core.shared_enums import lazy_enum
from ..meta.types import ObjectWithMetadata
from ..shop.types import LanguageDisplay, language_code_argument, language_display


class PageTranslationLoader(DataLoader):
    """Key: page id; extra argument: the stored language code."""

    context_key = "page_translation"

    def setup(self, language_code):
        self.language_code = language_code

    def batch_load(self, keys):
        found = {
            translation.page_id: translation
            for translation in models.PageTranslation.objects.filter(
                page_id__in=keys, language_code=self.language_code
            )
        }
        return [found.get(key) for key in keys]


class PageTypeByIdLoader(DataLoader):
    context_key = "page_type_by_id"

    def batch_load(self, keys):
        found = models.PageType.objects.in_bulk(keys)
        return [found.get(key) for key in keys]


class PageType(graphene.ObjectType):
    name = graphene.String(required=True, description="Name of the page type.")
    slug = graphene.String(required=True, description="Slug of the page type.")

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = (
            "Represents a type of page. It defines what attributes are available "
            "to pages of this type."
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.PageType)


class PageTranslation(graphene.ObjectType):
    language = graphene.Field(
        LanguageDisplay, required=True, description="Translation language."
    )
    seo_title = graphene.String(description="Translated SEO title.")
    seo_description = graphene.String(description="Translated SEO description.")
    slug = graphene.String(description="Translated page slug.")
    title = graphene.String(description="Translated page title.")
    content = graphene.JSONString(description="Translated content of the page.")

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents page translations."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.PageTranslation)

    @staticmethod
    def resolve_language(root, info):
        return language_display(root.language_code)


class Page(graphene.ObjectType):
    seo_title = graphene.String(description="SEO title of the page.")
    seo_description = graphene.String(description="SEO description of the page.")
    title = graphene.String(required=True, description="Title of the page.")
    content = graphene.JSONString(description="Content of the page.")
    published_at = graphene.DateTime(description="The page publication date.")
    is_published = graphene.Boolean(
        required=True, description="Determines if the page is published."
    )
    slug = graphene.String(required=True, description="Slug of the page.")
    page_type = graphene.Field(
        PageType, required=True, description="Determines the type of page."
    )
    created = graphene.DateTime(
        required=True, description="Date and time at which page was created."
    )
    translation = graphene.Field(
        PageTranslation,
        language_code=graphene.Argument(
            lazy_enum("LanguageCodeEnum"),
            required=True,
            description="A language code to return the translation for page.",
        ),
        description="Returns translated page fields for the given language code.",
    )
    attribute = graphene.Field(
        SelectedAttribute,
        slug=graphene.String(required=True, description="Slug of the attribute"),
        description="Get a single attribute attached to page by attribute slug.",
        deprecation_reason="Use `assignedAttribute` field instead.",
    )
    attributes = graphene.List(
        graphene.NonNull(SelectedAttribute),
        required=True,
        description="List of attributes assigned to this page.",
        deprecation_reason="Use `assignedAttributes` field instead.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata, ObjectWithAttributes)
        description = (
            "A static page that can be manually added by a shop operator through "
            "the dashboard."
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.Page)

    @staticmethod
    def resolve_page_type(root, info):
        return PageTypeByIdLoader(info).load_for(root, lambda page: page.page_type_id)

    @staticmethod
    def resolve_attribute(root, info, slug):
        return selected_attribute(info, root, slug=slug)

    @staticmethod
    def resolve_attributes(root, info):
        return selected_attributes(info, root)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = PageTranslationLoader(info, language_code_argument(language_code))
        return loader.load_for(root, lambda page: page.pk)
