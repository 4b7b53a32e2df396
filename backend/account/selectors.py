"""Reads of the account domain for pages and the API."""

from dataclasses import dataclass

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
