"""pageCreate, pageUpdate, pageDelete (MANAGE_PAGES)."""

import datetime

import graphene

from backend.core.permissions import PermissionEnum
from backend.page.models import Page, PageType
from backend.page.services.pages import (
    page_create,
    page_delete,
    page_update,
    published_at_of,
)

from ...attribute.mutations.assignment import AttributeValueInput, attribute_assignments
from ...core.inputs import SeoInput, seo_fields
from ...core.mutations import BaseMutation, get_node, id_error
from ..errors import PageError
from ..types import Page as PageObject

MANAGE_PAGES = (PermissionEnum.MANAGE_PAGES,)


class PageInput(graphene.InputObjectType):
    slug = graphene.String(description="Page internal name.")
    title = graphene.String(description="Page title.")
    content = graphene.JSONString(description="Page content.")
    attributes = graphene.List(
        graphene.NonNull(AttributeValueInput), description="List of attributes."
    )
    is_published = graphene.Boolean(
        description="Determines if page is visible in the storefront."
    )
    publication_date = graphene.String(
        description="Publication date. ISO 8601 standard.",
        deprecation_reason="Use `publishedAt` field instead.",
    )
    published_at = graphene.DateTime(
        description="Publication date time. ISO 8601 standard."
    )
    seo = SeoInput(description="Search engine optimization fields.")


class PageCreateInput(PageInput):
    page_type = graphene.ID(
        required=True, description="ID of the page type that page belongs to."
    )


def _publication_date(value: str):
    try:
        return published_at_of(datetime.date.fromisoformat(value))
    except (TypeError, ValueError):
        raise id_error(
            "publicationDate", "Enter a valid date (YYYY-MM-DD).", code="INVALID"
        ) from None


def page_fields(data) -> dict:
    """Return service fields for a PageInput."""
    fields = seo_fields(data.get("seo"))
    for name in ("title", "slug", "content", "is_published", "published_at"):
        if name in data:
            fields[name] = data[name]
    if data.get("publication_date") and data.get("published_at") is None:
        fields["published_at"] = _publication_date(data["publication_date"])
    if fields.get("is_published") is None:
        fields.pop("is_published", None)
    return fields


class PageCreate(BaseMutation):
    page = graphene.Field(PageObject)

    class Arguments:
        input = PageCreateInput(
            required=True, description="Fields required to create a page."
        )

    class Meta:
        description = "Creates a new page."
        permissions = MANAGE_PAGES
        error_type_class = PageError
        error_type_field = "page_errors"

    @classmethod
    def clean_input(cls, info, **data):
        data = data["input"]
        fields = page_fields(data)
        return {
            "page_type": get_node(
                data["page_type"],
                type_name="PageType",
                model=PageType,
                field_name="pageType",
            ),
            "attributes": attribute_assignments(data.get("attributes")),
            **fields,
            "title": fields.get("title"),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(page=page_create(**cleaned))


class PageUpdate(BaseMutation):
    page = graphene.Field(PageObject)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a page to update.")
        input = PageInput(
            required=True, description="Fields required to update a page."
        )

    class Meta:
        description = "Updates an existing page."
        permissions = MANAGE_PAGES
        error_type_class = PageError
        error_type_field = "page_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "page": get_node(data["id"], type_name="Page", model=Page),
            "attributes": attribute_assignments(data["input"].get("attributes")),
            **page_fields(data["input"]),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(page=page_update(**cleaned))


class PageDelete(BaseMutation):
    page = graphene.Field(PageObject)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a page to delete.")

    class Meta:
        description = "Deletes a page."
        permissions = MANAGE_PAGES
        error_type_class = PageError
        error_type_field = "page_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {"page": get_node(data["id"], type_name="Page", model=Page)}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(page=page_delete(**cleaned))
