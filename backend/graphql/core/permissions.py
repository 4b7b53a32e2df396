"""Who may read a field: Saleor's permissions, declared on its resolver.

``@permission_required(PermissionEnum.MANAGE_ORDERS)`` on a resolver refuses
a reader holding none of the listed permissions with Saleor's
PermissionDenied error, so the field answers null and never its value.
Besides permission codes a field may accept Saleor's authorization filters:
``*STAFF`` (any active staff member, or an app, which Lumbar does not have)
or ``OWNER`` (the reader is the user that ``owner`` returns for the object).
A resolver that decides in its body calls ``require_staff(info)`` or
``require_any_permission(info, ...)``; both refuse with Saleor's error.
"""

from collections.abc import Callable
from enum import Enum
from functools import wraps

from graphql import GraphQLError

from backend.core.permissions import PermissionEnum, user_has_any_permission

from .mutations import PermissionDenied


# A str mixin, as Saleor declares it; the error names a member by its name.
class AuthorizationFilters(str, Enum):  # noqa: UP042
    AUTHENTICATED_APP = "authorization_filters.authenticated_app"
    AUTHENTICATED_STAFF_USER = "authorization_filters.authenticated_staff_user"
    OWNER = "authorization_filters.owner"


STAFF = (
    AuthorizationFilters.AUTHENTICATED_APP,
    AuthorizationFilters.AUTHENTICATED_STAFF_USER,
)
OWNER = AuthorizationFilters.OWNER


def reader_may(info, permissions, *, owner_id=None) -> bool:
    """Return whether the reader holds one of the permissions or owns the object."""
    user = getattr(info.context, "user", None)
    if user is None or not user.is_active or not user.is_authenticated:
        return False
    if AuthorizationFilters.AUTHENTICATED_STAFF_USER in permissions and user.is_staff:
        return True
    if OWNER in permissions and owner_id is not None and owner_id == user.pk:
        return True
    codes = [code for code in permissions if isinstance(code, PermissionEnum)]
    return user_has_any_permission(user, *codes)


def permission_required(
    *permissions: PermissionEnum | AuthorizationFilters, owner: Callable | None = None
):
    """Refuse the resolver's field unless the reader may read it."""

    def decorate(resolver):
        @wraps(resolver)
        def guarded(root, info, *args, **kwargs):
            owner_id = owner(root) if owner is not None else None
            if not reader_may(info, permissions, owner_id=owner_id):
                raise PermissionDenied(permissions)
            return resolver(root, info, *args, **kwargs)

        return guarded

    return decorate


# Saleor's authorization filters that are not permission codes.
AUTHENTICATED_STAFF = ("AUTHENTICATED_APP", "AUTHENTICATED_STAFF_USER")


class StaffOnly(GraphQLError):
    """Saleor's refusal of a field that only staff (or apps) may read."""

    def __init__(self, names: tuple[str, ...] = AUTHENTICATED_STAFF):
        joined = ", ".join(names)
        super().__init__(
            f"To access this path, you need one of the following permissions: {joined}",
            extensions={
                "exception": {"code": "PermissionDenied", "permissions": list(names)}
            },
        )


def is_staff(info) -> bool:
    """Return whether the requestor is an active staff member."""
    user = getattr(info.context, "user", None)
    return bool(user and user.is_active and user.is_staff)


def require_staff(info) -> None:
    """Refuse the field unless the requestor is staff."""
    if not is_staff(info):
        raise StaffOnly()


def require_any_permission(info, *permissions: PermissionEnum) -> None:
    """Refuse the field unless the requestor holds one of the permissions."""
    user = getattr(info.context, "user", None)
    if not user_has_any_permission(user, *permissions):
        raise PermissionDenied(permissions)
