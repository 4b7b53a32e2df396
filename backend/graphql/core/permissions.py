"""Who may read a field: Saleor's permissions, declared on its resolver.

``@permission_required(PermissionEnum.MANAGE_ORDERS)`` on a resolver refuses
a reader holding none of the listed permissions with Saleor's
PermissionDenied error, so the field answers null and never its value.
Besides permission codes a field may accept Saleor's authorization filters:
``*STAFF`` (any active staff member, or an app, which Lumbar does not have)
or ``OWNER`` (the reader is the user that ``owner`` returns for the object).
"""

from collections.abc import Callable
from enum import Enum
from functools import wraps

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
