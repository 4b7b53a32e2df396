"""Saleor's OrderSortingInput for the staff's orders list."""

import graphene

from ..core.enums import OrderDirection
from ..core.shared_enums import member_name

OrderSortField = graphene.Enum(
    "OrderSortField",
    [
        ("NUMBER", "NUMBER"),
        ("CREATION_DATE", "CREATION_DATE"),
        ("CREATED_AT", "CREATED_AT"),
        ("LAST_MODIFIED_AT", "LAST_MODIFIED_AT"),
        ("CUSTOMER", "CUSTOMER"),
        ("STATUS", "STATUS"),
    ],
)
SORT_COLUMNS = {
    "NUMBER": ("number",),
    "CREATION_DATE": ("created_at", "number"),
    "CREATED_AT": ("created_at", "number"),
    "LAST_MODIFIED_AT": ("updated_at", "number"),
    "CUSTOMER": ("user_email", "number"),
    "STATUS": ("status", "number"),
}


class OrderSortingInput(graphene.InputObjectType):
    direction = graphene.Field(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort orders.",
    )
    field = graphene.Field(
        OrderSortField, required=True, description="Sort orders by the selected field."
    )


def sort_orders(queryset, sort_by):
    """Return the orders in a OrderSortingInput's order (newest number first)."""
    if not sort_by:
        return queryset.order_by("-number")
    columns = SORT_COLUMNS[member_name(sort_by["field"])]
    descending = member_name(sort_by["direction"]) == "DESC"
    return queryset.order_by(*(f"-{c}" if descending else c for c in columns))
