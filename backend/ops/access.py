"""Who may use the ops pages: staff holding MANAGE_ORDERS, as Saleor asks."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from backend.core.permissions import PermissionEnum, user_has_any_permission
from backend.warehouse.selectors import operations_time_zone


def operations_required(view):
    """Send anonymous users to log in; refuse everyone without MANAGE_ORDERS.

    The page tells time in the operations zone, as the ship-by promise does.
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(
                request.get_full_path(), login_url=reverse("admin:login")
            )
        if not user.is_staff or not user_has_any_permission(
            user, PermissionEnum.MANAGE_ORDERS
        ):
            raise PermissionDenied(
                "Operations pages need the MANAGE_ORDERS permission."
            )
        with timezone.override(operations_time_zone()):
            return view(request, *args, **kwargs)

    return guarded
