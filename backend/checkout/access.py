"""Who may use a checkout: the rule the API and the store's cart share.

Saleor's rule: the id (token, a random UUID) is the secret. Whoever holds
it may read and change the checkout while its channel is active, whether
it belongs to a guest or to a customer (a storefront's server reads a
signed-in shopper's bag without their token). In an inactive channel only
staff who manage checkouts or payments may read it.
"""

from backend.core.permissions import PermissionEnum, user_has_any_permission

from .models import Checkout

CHECKOUT_MANAGERS = (PermissionEnum.MANAGE_CHECKOUTS, PermissionEnum.IMPERSONATE_USER)
# Who reads a checkout of an inactive channel, as Saleor's `checkout` says.
INACTIVE_CHANNEL_READERS = (*CHECKOUT_MANAGERS, PermissionEnum.HANDLE_PAYMENTS)


def checkout_may_use(*, user, checkout: Checkout) -> bool:
    """Tell whether this holder of the checkout's token may read or change it."""
    if checkout.channel.is_active:
        return True
    return user_has_any_permission(user, *INACTIVE_CHANNEL_READERS)
