"""Field-level access checks with Saleor's PermissionDenied error."""

from graphql import GraphQLError

from backend.core.permissions import PermissionEnum, user_has_any_permission

from ..core.mutations import PermissionDenied

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
