"""The page domain's queries (Saleor's names and arguments) and mutations."""

import graphene

from backend.page import models

from ..core.arguments import require_one_of
from ..core.channel import ChannelContext, get_channel, is_staff_reader
from ..core.connection import ConnectionField, connection_from
from ..core.enums import LanguageCodeEnum
from ..core.ids import from_global_id_or_error
from ..core.shared_enums import stored_language_code
from .filters import (
    PageFilterInput,
    PageSortingInput,
    PageTypeFilterInput,
    PageTypeSortingInput,
    PageWhereInput,
    filter_pages,
    sort_page_types,
    sort_pages,
)
from .mutations.bulk import PageBulkDelete, PageBulkPublish
from .mutations.page_types import PageAttributeAssign
from .mutations.pages import PageCreate, PageDelete, PageUpdate
from .mutations.translations import PageTranslate
from .types import (
    PAGE_MANAGERS,
    Page,
    PageCountableConnection,
    PageType,
    PageTypeCountableConnection,
)

CHANNEL_HELP = "Slug of a channel for which the data should be returned."


def visible_pages(info):
    """Return the pages the requestor may see: published ones for shoppers."""
    if is_staff_reader(info, PAGE_MANAGERS):
        return models.Page.objects.all()
    return models.Page.objects.published()


def _channel_slug(info, channel: str | None) -> str | None:
    return get_channel(info, channel).slug if channel is not None else None


class PageQueries(graphene.ObjectType):
    page = graphene.Field(
        Page,
        id=graphene.Argument(graphene.ID, description="ID of the page."),
        slug=graphene.String(description="The slug of the page."),
        slug_language_code=graphene.Argument(
            LanguageCodeEnum,
            description="Language code of the page slug, omit to use primary slug.",
        ),
        channel=graphene.String(description=CHANNEL_HELP),
        description="Look up a page by ID or slug.",
    )
    pages = ConnectionField(
        PageCountableConnection,
        sort_by=PageSortingInput(description="Sort pages."),
        filter=PageFilterInput(
            description="Filtering options for pages.",
            deprecation_reason="+ Use `where` and `search` instead.",
        ),
        search=graphene.String(
            description="Search pages. Overrides filter.search input."
        ),
        where=PageWhereInput(description="Where filtering options for pages."),
        channel=graphene.String(description=CHANNEL_HELP),
        description="List of the shop's pages.",
    )
    page_type = graphene.Field(
        PageType,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of the page type."
        ),
        description="Look up a page type by ID.",
    )
    page_types = ConnectionField(
        PageTypeCountableConnection,
        sort_by=PageTypeSortingInput(description="Sort page types."),
        filter=PageTypeFilterInput(description="Filtering options for page types."),
        description="List of the page types.",
    )

    @staticmethod
    def resolve_page(
        root, info, id=None, slug=None, slug_language_code=None, channel=None
    ):
        require_one_of(id=id, slug=slug)
        channel_slug = _channel_slug(info, channel)
        pages = visible_pages(info)
        if id is not None:
            page = pages.filter(pk=from_global_id_or_error(id, "Page")).first()
        else:
            page = None
            if slug_language_code is not None:
                page = pages.filter(
                    translations__slug=slug,
                    translations__language_code=stored_language_code(
                        slug_language_code
                    ),
                ).first()
            page = page or pages.filter(slug=slug).first()
        return page and ChannelContext(page, channel_slug)

    @staticmethod
    def resolve_pages(
        root,
        info,
        sort_by=None,
        filter=None,
        search=None,
        where=None,
        channel=None,
        **kwargs,
    ):
        channel_slug = _channel_slug(info, channel)
        pages = filter_pages(
            visible_pages(info), filter_data=filter, where_data=where, search=search
        )
        pages = sort_pages(
            pages, sort_by=sort_by, search=search or (filter or {}).get("search")
        )
        return connection_from(
            pages,
            info,
            kwargs,
            PageCountableConnection,
            wrap=lambda rows: [ChannelContext(page, channel_slug) for page in rows],
        )

    @staticmethod
    def resolve_page_type(root, info, id):
        return models.PageType.objects.filter(
            pk=from_global_id_or_error(id, "PageType")
        ).first()

    @staticmethod
    def resolve_page_types(root, info, sort_by=None, filter=None, **kwargs):
        page_types = models.PageType.objects.all()
        filter = filter or {}
        if filter.get("search"):
            page_types = page_types.filter(name__icontains=filter["search"]) | (
                page_types.filter(slug__icontains=filter["search"])
            )
        if filter.get("slugs") is not None:
            page_types = page_types.filter(slug__in=filter["slugs"])
        return connection_from(
            sort_page_types(page_types, sort_by),
            info,
            kwargs,
            PageTypeCountableConnection,
        )


class PageMutations(graphene.ObjectType):
    page_create = PageCreate.Field()
    page_update = PageUpdate.Field()
    page_delete = PageDelete.Field()
    page_bulk_delete = PageBulkDelete.Field()
    page_bulk_publish = PageBulkPublish.Field()
    page_translate = PageTranslate.Field()
    page_attribute_assign = PageAttributeAssign.Field()
