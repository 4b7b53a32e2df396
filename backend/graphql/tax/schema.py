"""Saleor's tax class queries, answered with a store that has none."""

import graphene

from ..core.connection import ConnectionField, connection_from
from ..core.enums import CountryCode, OrderDirection
from ..core.filter_inputs import MetadataFilter
from ..core.permissions import require_staff
from .types import TaxClass, TaxClassCountableConnection

STAFF_NOTE = (
    "\n\nRequires one of the following permissions: AUTHENTICATED_STAFF_USER, "
    "AUTHENTICATED_APP."
)


class TaxClassSortField(graphene.Enum):
    NAME = "name"

    class Meta:
        description = "Sort tax classes by name."


class TaxClassSortingInput(graphene.InputObjectType):
    direction = graphene.Field(
        OrderDirection, required=True, description="Specifies the direction."
    )
    field = graphene.Field(
        TaxClassSortField, required=True, description="Sort tax classes by the field."
    )


class TaxClassFilterInput(graphene.InputObjectType):
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    countries = graphene.List(graphene.NonNull(CountryCode))


class TaxQueries(graphene.ObjectType):
    tax_class = graphene.Field(
        TaxClass,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of a tax class."
        ),
        description="Look up a tax class." + STAFF_NOTE,
    )
    tax_classes = ConnectionField(
        TaxClassCountableConnection,
        sort_by=TaxClassSortingInput(description="Sort tax classes."),
        filter=TaxClassFilterInput(description="Filtering options for tax classes."),
        description="List of tax classes." + STAFF_NOTE,
    )

    @staticmethod
    def resolve_tax_class(root, info, id):
        require_staff(info)
        return None

    @staticmethod
    def resolve_tax_classes(root, info, **kwargs):
        require_staff(info)
        # No tax classes exist: prices include what the shopper pays.
        return connection_from([], info, kwargs, TaxClassCountableConnection)
