"""Filter and sorting inputs of the staff and permission group lists."""

import graphene
from django.db.models import Case, Count, IntegerField, Q, Value, When
from graphql import GraphQLError

from ..core.enums import OrderDirection
from ..core.ids import pks_from_global_ids
from ..core.inputs import sort_direction


class StaffMemberStatus(graphene.Enum):
    ACTIVE = "active"
    DEACTIVATED = "deactivated"

    class Meta:
        description = "Represents status of a staff account."

    @property
    def description(self):
        if self == StaffMemberStatus.ACTIVE:
            return "User account has been activated."
        return "User account has not been activated yet."


class StaffUserInput(graphene.InputObjectType):
    status = StaffMemberStatus()
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))


class UserSortField(graphene.Enum):
    FIRST_NAME = ["first_name", "last_name", "pk"]
    LAST_NAME = ["last_name", "first_name", "pk"]
    EMAIL = ["email"]
    ORDER_COUNT = ["order_count", "email"]
    CREATED_AT = ["date_joined", "pk"]
    LAST_MODIFIED_AT = ["updated_at", "pk"]
    RANK = ["search_rank", "email"]

    @property
    def description(self):
        return {
            "FIRST_NAME": "Sort users by first name.",
            "LAST_NAME": "Sort users by last name.",
            "EMAIL": "Sort users by email.",
            "ORDER_COUNT": "Sort users by order count.",
            "CREATED_AT": "Sort users by created at.",
            "LAST_MODIFIED_AT": "Sort users by last modified at.",
            "RANK": "Sort users by rank. Note: This option is available only "
            "with the `search` filter.",
        }[self.name]


class UserSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort users.",
    )
    field = graphene.Argument(
        UserSortField, required=True, description="Sort users by the selected field."
    )


class PermissionGroupFilterInput(graphene.InputObjectType):
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))


class PermissionGroupSortField(graphene.Enum):
    NAME = ["name", "pk"]

    @property
    def description(self):
        return "Sort permission group accounts by name."

    class Meta:
        description = "Sorting options for permission groups."


class PermissionGroupSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort permission group.",
    )
    field = graphene.Argument(
        PermissionGroupSortField,
        required=True,
        description="Sort permission group by the selected field.",
    )


def _search_q(text: str) -> Q:
    return (
        Q(email__icontains=text)
        | Q(first_name__icontains=text)
        | Q(last_name__icontains=text)
    )


def filter_staff_users(queryset, data):
    """Return the staff matching a StaffUserInput."""
    if not data:
        return queryset
    status = data.get("status")
    if status is not None:
        value = getattr(status, "value", status)
        queryset = queryset.filter(is_active=value == StaffMemberStatus.ACTIVE.value)
    if data.get("search"):
        queryset = queryset.filter(_search_q(data["search"]))
    if data.get("ids") is not None:
        queryset = queryset.filter(pk__in=pks_from_global_ids(data["ids"], "User"))
    return queryset


def sort_staff_users(queryset, sort_by, *, search: str | None):
    """Order staff by a UserSortingInput (email by default, as Saleor)."""
    if not sort_by:
        return queryset.order_by("email")
    fields = getattr(sort_by["field"], "value", sort_by["field"])
    if "order_count" in fields:
        queryset = queryset.annotate(order_count=Count("orders"))
    if "search_rank" in fields:
        if not search:
            raise GraphQLError(
                "Sorting by RANK is available only when using a search filter."
            )
        # Without a search index, an email match outranks a name match.
        queryset = queryset.annotate(
            search_rank=Case(
                When(email__icontains=search, then=Value(2)),
                When(
                    Q(first_name__icontains=search) | Q(last_name__icontains=search),
                    then=Value(1),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    prefix = sort_direction(sort_by)
    return queryset.order_by(*[prefix + field for field in fields])


def filter_permission_groups(queryset, data):
    """Return the groups matching a PermissionGroupFilterInput."""
    if not data:
        return queryset
    if data.get("search"):
        queryset = queryset.filter(name__icontains=data["search"])
    if data.get("ids") is not None:
        queryset = queryset.filter(pk__in=pks_from_global_ids(data["ids"], "Group"))
    return queryset


def sort_permission_groups(queryset, sort_by):
    """Order groups by a PermissionGroupSortingInput (name by default)."""
    if not sort_by:
        return queryset.order_by("name", "pk")
    fields = getattr(sort_by["field"], "value", sort_by["field"])
    prefix = sort_direction(sort_by)
    return queryset.order_by(*[prefix + field for field in fields])
