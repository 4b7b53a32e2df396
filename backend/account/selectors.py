"""Reads of the account domain for pages and the API."""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from backend.core.permissions import PermissionEnum

from .models import Address, User
from .services._common import normalize_email
from .tokens import password_reset_tokens


@dataclass(frozen=True)
class AddressBookEntry:
    address: Address
    is_default_shipping: bool
    is_default_billing: bool


def address_book(*, user: User) -> list[AddressBookEntry]:
    """Return the user's addresses, oldest first, marked with their defaults."""
    return [
        AddressBookEntry(
            address=address,
            is_default_shipping=address.pk == user.default_shipping_address_id,
            is_default_billing=address.pk == user.default_billing_address_id,
        )
        for address in user.addresses.order_by("pk")
    ]


def user_address_or_none(*, user: User, address_id: int) -> Address | None:
    """Return one of the user's addresses; None when it is someone else's."""
    return user.addresses.filter(pk=address_id).first()


def password_reset_link_valid(*, email: str, token: str) -> bool:
    """Return whether an emailed reset link can still set a password."""
    user = User.objects.filter(email=normalize_email(email), is_active=True).first()
    return user is not None and password_reset_tokens.check_token(user, token)


def user_permission_codes(*, user: User) -> list[PermissionEnum]:
    """Return the store permissions the user holds, a superuser holding all."""
    if user is None or not user.is_active:
        return []
    if user.is_superuser:
        return list(PermissionEnum)
    held = user.get_all_permissions()
    return [permission for permission in PermissionEnum if permission.codename in held]


def user_groups_by_permission(*, user_id: int) -> dict[PermissionEnum, list[Group]]:
    """Return, for each store permission, the user's groups that give it."""
    codes = {permission.value: permission for permission in PermissionEnum}
    links = (
        Group.permissions.through.objects.filter(
            group__user__pk=user_id, permission__content_type__app_label="core"
        )
        .select_related("group", "permission")
        .order_by("group__name", "group__pk")
    )
    found: dict[PermissionEnum, list[Group]] = {}
    for link in links:
        permission = codes.get(link.permission.codename)
        if permission is not None:
            found.setdefault(permission, []).append(link.group)
    return found


def _permission_pks_of(user: User) -> set[int]:
    """Return the pks of the Django permissions the user holds, directly or not."""
    return set(
        Permission.objects.filter(Q(group__user=user) | Q(user=user)).values_list(
            "pk", flat=True
        )
    )


def groups_user_can_manage(*, user: User):
    """Return the groups a staff member may manage, as Saleor decides it.

    A superuser manages every group; other staff manage the groups whose
    every permission they hold themselves (nobody grants what they lack).
    Lumbar restricts no group to channels, so channels never narrow it.
    """
    if user is None or not user.is_active or not user.is_staff:
        return Group.objects.none()
    if user.is_superuser:
        return Group.objects.all()
    lacking = Permission.objects.exclude(pk__in=_permission_pks_of(user))
    return Group.objects.exclude(permissions__in=lacking)


def staff_users():
    """Return the store's staff accounts."""
    return User.objects.filter(is_staff=True)
