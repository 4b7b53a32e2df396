"""Staff access as Saleor shows it: Group (a permission group), UserPermission."""

import graphene
from django.contrib.auth.models import Group as GroupModel
from graphene import relay

from backend.core.permissions import PermissionEnum

from ..core.connection import create_connection_type
from ..core.ids import from_global_id_or_error, global_id
from ..core.lazy import lazy_type
from ..core.permissions import permission_required
from ..shop.types import Permission, PermissionEnum_
from .dataloaders import (
    AllChannelsLoader,
    GroupsByPermissionOfUserLoader,
    ManageableGroupIdsLoader,
    PermissionsByGroupIdLoader,
    UsersByGroupIdLoader,
)

# Shown in the API: Saleor's enum has no MANAGE_OBSERVABILITY (Lumbar's
# ops pages), so a group holding it shows the rest of its codes.
HIDDEN = {PermissionEnum.MANAGE_OBSERVABILITY}

USER = lazy_type("backend.graphql.account.types.User")
CHANNEL = lazy_type("backend.graphql.channel.types.Channel")


def permission_display(permission: PermissionEnum) -> Permission:
    """Return a store permission as Saleor's Permission object."""
    return Permission(code=permission.value, name=permission.description)


def shown(permissions) -> list[PermissionEnum]:
    """Return the permissions the API lists, in the enum's order."""
    return [permission for permission in permissions if permission not in HIDDEN]


class Group(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the group.")
    name = graphene.String(required=True, description="The name of the group.")
    users = graphene.List(
        graphene.NonNull(USER),
        description="List of group users\n\nRequires one of the following "
        "permissions: MANAGE_STAFF.",
    )
    permissions = graphene.List(
        graphene.NonNull(Permission), description="List of group permissions"
    )
    user_can_manage = graphene.Boolean(
        required=True,
        description="True, if the currently authenticated user has rights to "
        "manage a group.",
    )
    accessible_channels = graphene.List(
        graphene.NonNull(CHANNEL),
        description="List of channels the group has access to.",
    )
    restricted_access_to_channels = graphene.Boolean(
        required=True,
        description="Determine if the group have restricted access to channels.",
    )

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents permission group data."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, GroupModel)

    @staticmethod
    def resolve_id(root, info):
        return global_id("Group", root.pk)

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_STAFF)
    def resolve_users(root, info):
        return UsersByGroupIdLoader(info).load_for(root, lambda group: group.pk)

    @staticmethod
    def resolve_permissions(root, info):
        codes = PermissionsByGroupIdLoader(info).load_for(root, lambda g: g.pk)
        return [permission_display(code) for code in shown(codes)]

    @staticmethod
    def resolve_user_can_manage(root, info):
        return root.pk in ManageableGroupIdsLoader(info).load("manageable")

    @staticmethod
    def resolve_accessible_channels(root, info):
        # No Lumbar group is narrowed to channels: each reaches them all.
        return AllChannelsLoader(info).load("all")

    @staticmethod
    def resolve_restricted_access_to_channels(root, info):
        return False


GroupCountableConnection = create_connection_type(Group)


class UserPermission(graphene.ObjectType):
    code = graphene.Field(
        PermissionEnum_,
        required=True,
        description="Internal code for permission.",
    )
    name = graphene.String(
        required=True, description="Describe action(s) allowed to do by permission."
    )
    source_permission_groups = graphene.List(
        graphene.NonNull(Group),
        user_id=graphene.Argument(
            graphene.ID,
            required=True,
            description="ID of user whose groups should be returned.",
        ),
        description="List of user permission groups which contains this permission.",
    )

    class Meta:
        description = "Represents user's permissions."

    @staticmethod
    def resolve_code(root, info):
        return root.value

    @staticmethod
    def resolve_name(root, info):
        return root.description

    @staticmethod
    def resolve_source_permission_groups(root, info, user_id):
        pk = from_global_id_or_error(user_id, "User")
        return GroupsByPermissionOfUserLoader(info).load(pk).get(root, [])
