"""A customer's address book: add, edit, delete, choose the defaults."""

import enum

from django.db import transaction

from ..addresses import address_clean, address_save
from ..errors import AccountErrorCode, account_error
from ..models import Address, User


class AddressType(enum.StrEnum):
    BILLING = "billing"
    SHIPPING = "shipping"


def _default_field(address_type: AddressType) -> str:
    return f"default_{AddressType(address_type).value}_address"


def user_address(*, user: User, address_id: int, field: str = "id") -> Address:
    """Return one of the user's addresses, or raise NOT_FOUND."""
    address = user.addresses.filter(pk=address_id).first()
    if address is None:
        raise account_error(
            field,
            "Couldn't resolve to a node: the address is not in your address book.",
            AccountErrorCode.NOT_FOUND,
        )
    return address


@transaction.atomic
def account_address_create(
    *, user: User, data: dict, address_type: AddressType | None = None
) -> Address:
    """Add a validated address; the first one becomes both defaults."""
    cleaned = address_clean(data=data)
    user = User.objects.select_for_update().get(pk=user.pk)
    address = address_save(address=None, data=cleaned)
    user.addresses.add(address)
    fields = []
    for kind in AddressType:
        field = _default_field(kind)
        if kind == address_type or getattr(user, f"{field}_id") is None:
            setattr(user, field, address)
            fields.append(field)
    if fields:
        user.save(update_fields=[*fields, "updated_at"])
    return address


@transaction.atomic
def account_address_update(*, user: User, address_id: int, data: dict) -> Address:
    """Replace one of the user's addresses with validated data."""
    cleaned = address_clean(data=data)
    user = User.objects.select_for_update().get(pk=user.pk)
    address = user_address(user=user, address_id=address_id)
    return address_save(address=address, data=cleaned)


@transaction.atomic
def account_address_delete(*, user: User, address_id: int) -> Address:
    """Delete one of the user's addresses; a default it was becomes unset."""
    user = User.objects.select_for_update().get(pk=user.pk)
    address = user_address(user=user, address_id=address_id)
    deleted = Address(pk=address.pk, **{f: getattr(address, f) for f in _fields()})
    address.delete()
    return deleted


def _fields() -> list[str]:
    from ..addresses import ADDRESS_FIELDS

    return list(ADDRESS_FIELDS)


@transaction.atomic
def account_set_default_address(
    *, user: User, address_id: int, address_type: AddressType
) -> User:
    """Make one of the user's addresses the default of a kind."""
    user = User.objects.select_for_update().get(pk=user.pk)
    address = user_address(user=user, address_id=address_id)
    field = _default_field(address_type)
    setattr(user, field, address)
    user.save(update_fields=[field, "updated_at"])
    return user
