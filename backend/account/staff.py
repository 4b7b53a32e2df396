"""Staff accounts: the groups that carry Saleor's permission codes."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from backend.core.models import StorePermission
from backend.core.permissions import STAFF_GROUPS, PermissionEnum


def _store_permissions(
    permissions: list[PermissionEnum],
) -> list[Permission]:
    # get_or_create, not a lookup: the groups must exist even where the
    # auth app's post_migrate hook has not created the permissions yet.
    content_type = ContentType.objects.get_for_model(
        StorePermission, for_concrete_model=False
    )
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=permission.value,
            defaults={"name": permission.description},
        )[0]
        for permission in permissions
    ]


@transaction.atomic
def staff_groups_sync() -> dict[str, Group]:
    """Create or update the staff groups to hold exactly their codes."""
    groups: dict[str, Group] = {}
    for name, permissions in STAFF_GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = {permission.pk for permission in _store_permissions(permissions)}
        held = set(group.permissions.values_list("pk", flat=True))
        if held != wanted:
            group.permissions.set(wanted)
        groups[name] = group
    return groups
