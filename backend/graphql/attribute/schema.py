"""Attribute queries: attributes (filter, where, search, sortBy) and attribute."""

import graphene
from graphql import GraphQLError

from backend.attribute import models
from backend.core.permissions import PermissionEnum

from ..core.arguments import require_one_of
from ..core.channel import get_channel, is_staff_reader
from ..core.connection import ConnectionField, connection_from
from ..core.ids import from_global_id_or_error
from .filters import (
    AttributeFilterInput,
    AttributeSortingInput,
    AttributeWhereInput,
    filter_attributes,
    sort_attributes,
    where_q,
)
from .types import Attribute, AttributeCountableConnection

ATTRIBUTE_MANAGERS = (
    PermissionEnum.MANAGE_PRODUCTS,
    PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
    PermissionEnum.MANAGE_PAGES,
    PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,
)


def visible_attributes(info):
    """Return the attributes the requestor may see, as Saleor hides them."""
    if is_staff_reader(info, ATTRIBUTE_MANAGERS):
        return models.Attribute.objects.all()
    return models.Attribute.objects.filter(visible_in_storefront=True)


class AttributeQueries(graphene.ObjectType):
    attributes = ConnectionField(
        AttributeCountableConnection,
        filter=AttributeFilterInput(description="Filtering options for attributes."),
        where=AttributeWhereInput(description="Where filtering options."),
        search=graphene.String(description="Search attributes."),
        sort_by=AttributeSortingInput(description="Sorting options for attributes."),
        channel=graphene.String(
            description="Slug of a channel for which the data should be returned."
        ),
        description="List of the shop's attributes.",
    )
    attribute = graphene.Field(
        Attribute,
        id=graphene.Argument(graphene.ID, description="ID of the attribute."),
        slug=graphene.Argument(graphene.String, description="Slug of the attribute."),
        external_reference=graphene.Argument(
            graphene.String, description="External ID of the attribute."
        ),
        description="Look up an attribute by ID, slug or external reference.",
    )

    @staticmethod
    def resolve_attributes(
        root,
        info,
        filter=None,
        where=None,
        search=None,
        sort_by=None,
        channel=None,
        **kwargs,
    ):
        if channel is not None:
            get_channel(info, channel)
        if filter and where:
            raise GraphQLError(
                "Only one filtering argument (filter or where) can be used."
            )
        queryset = visible_attributes(info)
        queryset = filter_attributes(queryset, filter)
        queryset = queryset.filter(where_q(where))
        if search:
            queryset = filter_attributes(queryset, {"search": search})
        queryset = sort_attributes(queryset, sort_by)
        return connection_from(queryset, info, kwargs, AttributeCountableConnection)

    @staticmethod
    def resolve_attribute(root, info, id=None, slug=None, external_reference=None):
        require_one_of(
            **{"id": id, "slug": slug, "externalReference": external_reference}
        )
        if id is not None:
            lookup = {"pk": from_global_id_or_error(id, "Attribute")}
        elif slug is not None:
            lookup = {"slug": slug}
        else:
            lookup = {"external_reference": external_reference}
        return visible_attributes(info).filter(**lookup).first()
