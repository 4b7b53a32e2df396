"""Per-request loaders of staff groups: members, codes, who manages them."""

from django.contrib.auth.models import Group

from backend.account.models import User
from backend.account.selectors import groups_user_can_manage, user_groups_by_permission
from backend.channel.models import Channel
from backend.core.permissions import PermissionEnum

from ..core.dataloaders import DataLoader

CODES = {permission.value: permission for permission in PermissionEnum}


class UserByIdLoader(DataLoader):
    context_key = "user_by_id"

    def batch_load(self, keys):
        users = User.objects.in_bulk([key for key in keys if key is not None])
        return [users.get(key) for key in keys]


class UsersByGroupIdLoader(DataLoader):
    context_key = "users_by_group_id"

    def batch_load(self, keys):
        links = (
            User.groups.through.objects.filter(group_id__in=keys)
            .select_related("user")
            .order_by("user__email", "user__pk")
        )
        found = {key: [] for key in keys}
        for link in links:
            found[link.group_id].append(link.user)
        return [found[key] for key in keys]


class PermissionsByGroupIdLoader(DataLoader):
    """The store permissions each group gives, in Saleor's enum order."""

    context_key = "permissions_by_group_id"

    def batch_load(self, keys):
        links = Group.permissions.through.objects.filter(
            group_id__in=keys, permission__content_type__app_label="core"
        ).values_list("group_id", "permission__codename")
        found = {key: set() for key in keys}
        for group_id, codename in links:
            if codename in CODES:
                found[group_id].add(CODES[codename])
        return [
            [permission for permission in PermissionEnum if permission in found[key]]
            for key in keys
        ]


class GroupsByUserIdLoader(DataLoader):
    context_key = "groups_by_user_id"

    def batch_load(self, keys):
        links = (
            User.groups.through.objects.filter(user_id__in=keys)
            .select_related("group")
            .order_by("group__name", "group__pk")
        )
        found = {key: [] for key in keys}
        for link in links:
            found[link.user_id].append(link.group)
        return [found[key] for key in keys]


class GroupsByPermissionOfUserLoader(DataLoader):
    """For a user's pk, the user's groups giving each store permission."""

    context_key = "groups_by_permission_of_user"

    def batch_load(self, keys):
        return [user_groups_by_permission(user_id=key) for key in keys]


class ManageableGroupIdsLoader(DataLoader):
    """The pks of the groups the requestor may manage (one key: "manageable")."""

    context_key = "manageable_group_ids"

    def batch_load(self, keys):
        user = getattr(self.context, "user", None)
        if user is None or not user.is_authenticated:
            pks = frozenset()
        else:
            user = getattr(user, "_wrapped", user)
            pks = frozenset(
                groups_user_can_manage(user=user).values_list("pk", flat=True)
            )
        return [pks for _ in keys]


class AllChannelsLoader(DataLoader):
    """Every channel, by slug (one key: "all")."""

    context_key = "all_channels"

    def batch_load(self, keys):
        channels = list(Channel.objects.order_by("slug", "pk"))
        return [channels for _ in keys]
