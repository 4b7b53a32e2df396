"""Saleor's page and page type filters and sorting (filter, where, sortBy)."""

import graphene
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from graphql import GraphQLError

from backend.attribute.models import AssignedPageAttributeValue

from ..core.enums import OrderDirection
from ..core.filter_inputs import (
    AssignedAttributeWhereInput,
    GlobalIDFilterInput,
    MetadataFilter,
    MetadataFilterInput,
    StringFilterInput,
    filter_by_metadata,
    metadata_q,
)
from ..core.ids import pks_from_global_ids
from ..product.filters import attributes_q


class PageFilterInput(graphene.InputObjectType):
    search = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    page_types = graphene.List(graphene.NonNull(graphene.ID))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class PageWhereInput(graphene.InputObjectType):
    metadata = graphene.InputField(
        MetadataFilterInput, description="Filter by metadata fields."
    )
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slug = graphene.InputField(StringFilterInput, description="Filter by page slug.")
    page_type = graphene.InputField(
        GlobalIDFilterInput, description="Filter by page type."
    )
    attributes = graphene.List(
        graphene.NonNull(AssignedAttributeWhereInput),
        description="Filter by attributes associated with the page.",
    )
    AND = graphene.List(
        graphene.NonNull(lambda: PageWhereInput),
        description="List of conditions that must be met.",
    )
    OR = graphene.List(
        graphene.NonNull(lambda: PageWhereInput),
        description="A list of conditions of which at least one must be met.",
    )


class PageSortField(graphene.Enum):
    TITLE = "title"
    SLUG = "slug"
    VISIBILITY = "visibility"
    CREATION_DATE = "creation_date"
    PUBLICATION_DATE = "publication_date"
    PUBLISHED_AT = "published_at"
    CREATED_AT = "created_at"
    RANK = "rank"

    class Meta:
        description = "An enumeration."

    @property
    def deprecation_reason(self):
        return {
            PageSortField.CREATION_DATE: "Use `CREATED_AT` instead.",
            PageSortField.PUBLICATION_DATE: "Use `PUBLISHED_AT` instead.",
        }.get(self)


# Sort field -> the columns it orders by; the last ones break ties.
PAGE_SORT_COLUMNS = {
    "title": ("title", "slug"),
    "slug": ("slug",),
    "visibility": ("is_published", "title", "slug"),
    "creation_date": ("created_at", "title", "slug"),
    "publication_date": ("published_at", "title", "slug"),
    "published_at": ("published_at", "title", "slug"),
    "created_at": ("created_at", "title", "slug"),
    "rank": ("search_rank", "slug"),
}


class PageSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort pages.",
    )
    field = graphene.Argument(
        PageSortField, required=True, description="Sort pages by the selected field."
    )


class PageTypeFilterInput(graphene.InputObjectType):
    search = graphene.String()
    slugs = graphene.List(graphene.NonNull(graphene.String))


class PageTypeSortField(graphene.Enum):
    NAME = "name"
    SLUG = "slug"

    class Meta:
        description = "An enumeration."


PAGE_TYPE_SORT_COLUMNS = {"name": ("name", "slug"), "slug": ("slug",)}


class PageTypeSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort page types.",
    )
    field = graphene.Argument(
        PageTypeSortField,
        required=True,
        description="Sort page types by the selected field.",
    )


def _string_q(field: str, value) -> Q:
    if value.get("eq") is not None:
        return Q(**{field: value["eq"]})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": value["one_of"]})
    return Q()


def _page_holds(value_q: Q) -> Q:
    return Q(
        Exists(
            AssignedPageAttributeValue.objects.filter(value_q, page_id=OuterRef("pk"))
        )
    )


def page_where_q(data) -> Q:
    """Return the Q of Saleor's ``PageWhereInput`` (with AND/OR)."""
    condition = Q()
    if data.get("ids") is not None:
        condition &= Q(pk__in=pks_from_global_ids(data["ids"], "Page"))
    if data.get("slug"):
        condition &= _string_q("slug", data["slug"])
    if data.get("page_type"):
        page_type = data["page_type"]
        if page_type.get("eq") is not None:
            condition &= Q(
                page_type_id__in=pks_from_global_ids([page_type["eq"]], "PageType")
            )
        elif page_type.get("one_of") is not None:
            condition &= Q(
                page_type_id__in=pks_from_global_ids(page_type["one_of"], "PageType")
            )
    if data.get("metadata"):
        condition &= metadata_q(data["metadata"])
    if data.get("attributes"):
        condition &= attributes_q(data["attributes"], holds=_page_holds)
    for item in data.get("AND") or []:
        condition &= page_where_q(item)
    if data.get("OR"):
        either = Q(pk__in=[])
        for item in data["OR"]:
            either |= page_where_q(item)
        condition &= either
    return condition


def search_q(search: str) -> Q:
    return (
        Q(title__icontains=search)
        | Q(slug__icontains=search)
        | Q(content__icontains=search)
    )


def filter_pages(queryset, *, filter_data, where_data, search):
    """Return the pages matching Saleor's filter, where and search arguments."""
    if filter_data and where_data:
        raise GraphQLError("Only one filtering argument (filter or where) can be used.")
    filter_data = filter_data or {}
    if filter_data.get("ids") is not None:
        queryset = queryset.filter(
            pk__in=pks_from_global_ids(filter_data["ids"], "Page")
        )
    if filter_data.get("page_types") is not None:
        queryset = queryset.filter(
            page_type_id__in=pks_from_global_ids(filter_data["page_types"], "PageType")
        )
    if filter_data.get("slugs") is not None:
        queryset = queryset.filter(slug__in=filter_data["slugs"])
    queryset = filter_by_metadata(queryset, filter_data.get("metadata"))
    if where_data:
        queryset = queryset.filter(page_where_q(where_data))
    search = search or filter_data.get("search")
    if search:
        queryset = queryset.filter(search_q(search))
    return queryset


def _direction(sort_by) -> str:
    direction = sort_by.get("direction")
    value = getattr(direction, "value", direction)
    return "-" if value == OrderDirection.DESC.value else ""


def _field_value(sort_by) -> str:
    field = sort_by["field"]
    return getattr(field, "value", field)


def sort_pages(queryset, *, sort_by, search):
    """Order pages as Saleor does: by slug unless asked otherwise."""
    if not sort_by:
        return queryset.order_by("slug", "pk")
    names = PAGE_SORT_COLUMNS[_field_value(sort_by)]
    sign = _direction(sort_by)
    if names[0] == "search_rank":
        if not search:
            raise GraphQLError(
                "Sorting by RANK is available only when using a search filter."
            )
        # Without a search index, a title match outranks a body match.
        queryset = queryset.annotate(
            search_rank=Case(
                When(title__icontains=search, then=Value(2)),
                When(slug__icontains=search, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        # The best match comes first when sorting "descending", as in Saleor.
    return queryset.order_by(*(f"{sign}{name}" for name in names), f"{sign}pk")


def sort_page_types(queryset, sort_by):
    if not sort_by:
        return queryset.order_by("slug", "pk")
    sign = _direction(sort_by)
    return queryset.order_by(
        *(f"{sign}{name}" for name in PAGE_TYPE_SORT_COLUMNS[_field_value(sort_by)]),
        f"{sign}pk",
    )
