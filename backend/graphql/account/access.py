"""The caller as an account holder."""

from ..core.permissions import StaffOnly

AUTHENTICATED_USER = ("AUTHENTICATED_USER",)


def current_user(info):
    """Return the logged-in active user or refuse with Saleor's error."""
    user = getattr(info.context, "user", None)
    if not user or not user.is_authenticated or not user.is_active:
        raise StaffOnly(AUTHENTICATED_USER)
    # The request holds a lazy wrapper; services want the model instance.
    return getattr(user, "_wrapped", user)


def current_user_or_none(info):
    """Return the logged-in active user, or None for anonymous callers."""
    user = getattr(info.context, "user", None)
    if not user or not user.is_authenticated or not user.is_active:
        return None
    return getattr(user, "_wrapped", user)
