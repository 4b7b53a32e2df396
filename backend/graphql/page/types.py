"""Saleor's Page, PageType and PageTranslation, with Lumbar's shop blocks.

A Page root is a page model or a ``ChannelContext`` of one: ``pages`` and
``page`` wrap their pages in the channel they were asked for, so
referenced products and shop blocks read in it; menus and references
return bare pages.
"""

import graphene
from graphene import relay

from backend.core.permissions import PermissionEnum
from backend.page import models
from backend.page.services.page_types import attributes_assignable_to_page_type

from ..attribute.assigned import (
    ObjectWithAttributes,
    SelectedAttribute,
    selected_attribute,
    selected_attributes,
)
from ..attribute.filters import (
    AttributeFilterInput,
    AttributeWhereInput,
    filter_attributes,
    where_q,
)
from ..attribute.types import Attribute, AttributeCountableConnection
from ..core.channel import (
    channel_of,
    default_channel_slug,
    get_channel,
    is_staff_reader,
    node_of,
)
from ..core.connection import ConnectionField, connection_from, create_connection_type
from ..core.dataloaders import resolve_for_siblings
from ..core.enums import LanguageCodeEnum
from ..core.lazy import lazy_type
from ..core.mutations import PermissionDenied
from ..core.shared_enums import stored_language_code
from ..core.types import LanguageDisplay, language_display
from ..meta.types import ObjectWithMetadata
from . import dataloaders as loaders
from .shop_blocks import PageShopBlock, page_shop_blocks

PAGE_MANAGERS = (PermissionEnum.MANAGE_PAGES,)
PAGE_TYPE_READERS = (
    PermissionEnum.MANAGE_PAGES,
    PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,
)


def read_node_attribute(attname, default_value, root, info, **args):
    """Read a field from the model object, bare or in a channel."""
    return getattr(node_of(root), attname, default_value)


def _require(info, permissions) -> None:
    if not is_staff_reader(info, permissions):
        raise PermissionDenied(permissions)


class PageType(graphene.ObjectType):
    name = graphene.String(required=True, description="Name of the page type.")
    slug = graphene.String(required=True, description="Slug of the page type.")
    attributes = graphene.List(
        graphene.NonNull(Attribute), description="Page attributes of that page type."
    )
    available_attributes = ConnectionField(
        AttributeCountableConnection,
        filter=AttributeFilterInput(
            description="Filtering options for attributes.",
            deprecation_reason="Use `where` filter instead.",
        ),
        where=AttributeWhereInput(description="Where filtering options."),
        search=graphene.String(description="Search attributes."),
        description=(
            "Attributes that can be assigned to the page type.\n\nRequires one of "
            "the following permissions: MANAGE_PAGES, "
            "MANAGE_PAGE_TYPES_AND_ATTRIBUTES."
        ),
    )
    has_pages = graphene.Boolean(
        description=(
            "Whether page type has pages assigned.\n\nRequires one of the "
            "following permissions: MANAGE_PAGES, MANAGE_PAGE_TYPES_AND_ATTRIBUTES."
        )
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = (
            "Represents a type of page. It defines what attributes are available "
            "to pages of this type."
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.PageType)

    @staticmethod
    def resolve_attributes(root, info):
        return loaders.AttributesByPageTypeIdLoader(info).load_for(root, lambda r: r.pk)

    @staticmethod
    def resolve_available_attributes(
        root, info, filter=None, where=None, search=None, **kwargs
    ):
        _require(info, PAGE_TYPE_READERS)
        # Page-type attributes, and (Lumbar's extension) product-type choice
        # attributes such as the Conditions that articles share with products.
        queryset = attributes_assignable_to_page_type(page_type=root).order_by(
            "slug", "pk"
        )
        queryset = filter_attributes(queryset, filter)
        queryset = queryset.filter(where_q(where))
        if search:
            queryset = filter_attributes(queryset, {"search": search})
        return connection_from(queryset, info, kwargs, AttributeCountableConnection)

    @staticmethod
    def resolve_has_pages(root, info):
        _require(info, PAGE_TYPE_READERS)
        return loaders.PageTypeHasPagesLoader(info).load_for(root, lambda r: r.pk)


class PageTranslation(graphene.ObjectType):
    language = graphene.Field(
        LanguageDisplay, required=True, description="Translation language."
    )
    seo_title = graphene.String(description="Translated SEO title.")
    seo_description = graphene.String(description="Translated SEO description.")
    slug = graphene.String(description="Translated page slug.")
    title = graphene.String(description="Translated page title.")
    content = graphene.JSONString(description="Translated content of the page.")
    content_json = graphene.JSONString(
        description="Translated description of the page.",
        deprecation_reason="Use the `content` field instead.",
    )
    translatable_content = graphene.Field(
        lazy_type("backend.graphql.page.translatable.PageTranslatableContent"),
        description="Represents the page fields to translate.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents page translations."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.PageTranslation)

    @staticmethod
    def resolve_language(root, info):
        return language_display(root.language_code)

    @staticmethod
    def resolve_content_json(root, info):
        return root.content

    @staticmethod
    def resolve_translatable_content(root, info):
        return loaders.PageByIdLoader(info).load(root.page_id)


class Page(graphene.ObjectType):
    seo_title = graphene.String(description="SEO title of the page.")
    seo_description = graphene.String(description="SEO description of the page.")
    title = graphene.String(required=True, description="Title of the page.")
    content = graphene.JSONString(description="Content of the page.")
    publication_date = graphene.Date(
        description="The page publication date.",
        deprecation_reason=(
            "Use the `publishedAt` field to fetch the publication date."
        ),
    )
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
    content_json = graphene.JSONString(
        required=True,
        description="Content of the page.",
        deprecation_reason="Use the `content` field instead.",
    )
    translation = graphene.Field(
        PageTranslation,
        language_code=graphene.Argument(
            LanguageCodeEnum,
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
    shop_blocks = graphene.List(
        graphene.NonNull(PageShopBlock),
        required=True,
        channel=graphene.String(
            description=(
                "Slug of the channel the products are shown in; defaults to the "
                "channel the page was asked for, else the default channel."
            )
        ),
        description=(
            "Lumbar: the article's shop blocks in body order, then the block at "
            "its end, each with the products a shopper sees in the channel."
        ),
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata, ObjectWithAttributes)
        default_resolver = read_node_attribute
        description = (
            "A static page that can be manually added by a shop operator through "
            "the dashboard."
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(node_of(root), models.Page)

    @staticmethod
    def resolve_page_type(root, info):
        loader = loaders.PageTypeByIdLoader(info)
        return resolve_for_siblings(
            info,
            root,
            "page_type",
            lambda r: loader.load_for(r, lambda page: node_of(page).page_type_id),
        )

    @staticmethod
    def resolve_attribute(root, info, slug):
        return selected_attribute(info, root, slug=slug)

    @staticmethod
    def resolve_attributes(root, info):
        return selected_attributes(info, root)

    @staticmethod
    def resolve_created(root, info):
        return node_of(root).created_at

    @staticmethod
    def resolve_content_json(root, info):
        return node_of(root).content or {}

    @staticmethod
    def resolve_publication_date(root, info):
        published_at = node_of(root).published_at
        return published_at and published_at.date()

    @staticmethod
    def resolve_translation(root, info, language_code):
        loader = loaders.PageTranslationLoader(
            info, stored_language_code(language_code)
        )
        return loader.load_for(root, lambda page: node_of(page).pk)

    @staticmethod
    def resolve_shop_blocks(root, info, channel=None):
        if channel is not None:
            channel_slug = get_channel(info, channel).slug
        else:
            channel_slug = channel_of(root) or default_channel_slug(info)
        return resolve_for_siblings(
            info,
            root,
            f"shop_blocks:{channel_slug}",
            lambda r: page_shop_blocks(info, r, channel_slug),
            items_of=lambda blocks: [
                product for block in blocks for product in block.products
            ],
        )


PageCountableConnection = create_connection_type(Page)
PageTypeCountableConnection = create_connection_type(PageType)
