"""Orders and the customer accounts they belong to."""

from django.db import transaction

from backend.account.models import User
from backend.account.services import account_confirm

from .models import Order


def guest_orders_attach(*, user: User) -> int:
    """Give a confirmed account the guest orders placed with its email.

    The confirmation link proved the address is theirs, as Saleor's
    match_orders_with_new_user assumes. Orders of another account stay put.
    Return how many orders were attached.
    """
    if not user.is_confirmed:
        return 0
    guest_orders = Order.objects.filter(
        user__isnull=True, user_email__iexact=user.email
    )
    return guest_orders.update(user=user)


@transaction.atomic
def customer_account_confirm(*, email: str, token: str) -> User:
    """Confirm an account by its emailed token and attach its guest orders."""
    user = account_confirm(email=email, token=token)
    guest_orders_attach(user=user)
    return user
