"""Staff queries: staffUsers, permissionGroups, permissionGroup (MANAGE_STAFF)."""

import graphene
from django.contrib.auth.models import Group as GroupModel

from backend.account.selectors import staff_users
from backend.core.permissions import PermissionEnum

from ..core.connection import ConnectionField, connection_from, create_connection_type
from ..core.ids import from_global_id_or_error
from ..core.permissions import require_any_permission
from .filters import (
    PermissionGroupFilterInput,
    PermissionGroupSortingInput,
    StaffUserInput,
    UserSortingInput,
    filter_permission_groups,
    filter_staff_users,
    sort_permission_groups,
    sort_staff_users,
)
from .staff_types import Group, GroupCountableConnection
from .types import User

UserCountableConnection = create_connection_type(User)
MANAGE_STAFF_NOTE = "\n\nRequires one of the following permissions: MANAGE_STAFF."


class StaffQueries(graphene.ObjectType):
    staff_users = ConnectionField(
        UserCountableConnection,
        filter=StaffUserInput(description="Filtering options for staff users."),
        sort_by=UserSortingInput(description="Sort staff users."),
        description="List of the shop's staff users." + MANAGE_STAFF_NOTE,
    )
    permission_groups = ConnectionField(
        GroupCountableConnection,
        filter=PermissionGroupFilterInput(
            description="Filtering options for permission groups."
        ),
        sort_by=PermissionGroupSortingInput(description="Sort permission groups."),
        description="List of permission groups." + MANAGE_STAFF_NOTE,
    )
    permission_group = graphene.Field(
        Group,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of the group."
        ),
        description="Look up permission group by ID." + MANAGE_STAFF_NOTE,
    )

    @staticmethod
    def resolve_staff_users(root, info, filter=None, sort_by=None, **kwargs):
        require_any_permission(info, PermissionEnum.MANAGE_STAFF)
        search = (filter or {}).get("search")
        queryset = sort_staff_users(
            filter_staff_users(staff_users(), filter), sort_by, search=search
        )
        return connection_from(queryset, info, kwargs, UserCountableConnection)

    @staticmethod
    def resolve_permission_groups(root, info, filter=None, sort_by=None, **kwargs):
        require_any_permission(info, PermissionEnum.MANAGE_STAFF)
        queryset = sort_permission_groups(
            filter_permission_groups(GroupModel.objects.all(), filter), sort_by
        )
        return connection_from(queryset, info, kwargs, GroupCountableConnection)

    @staticmethod
    def resolve_permission_group(root, info, id):
        require_any_permission(info, PermissionEnum.MANAGE_STAFF)
        pk = from_global_id_or_error(id, "Group")
        return GroupModel.objects.filter(pk=pk).first()
