"""Change the name, language, default addresses and metadata of an account."""

from django.db import transaction

from ..addresses import address_clean, address_save
from ..models import User


@transaction.atomic
def account_update(
    *,
    user: User,
    first_name: str | None = None,
    last_name: str | None = None,
    language_code: str | None = None,
    default_billing_address: dict | None = None,
    default_shipping_address: dict | None = None,
    metadata: dict | None = None,
) -> User:
    """Update the fields given; a default address given is validated and kept."""
    # Validate every address before anything is written.
    billing = (
        address_clean(data=default_billing_address) if default_billing_address else None
    )
    shipping = (
        address_clean(data=default_shipping_address)
        if default_shipping_address
        else None
    )
    user = User.objects.select_for_update().get(pk=user.pk)
    fields = ["updated_at"]
    for name, value in (
        ("first_name", first_name),
        ("last_name", last_name),
        ("language_code", language_code),
    ):
        if value is not None:
            setattr(user, name, value.strip())
            fields.append(name)
    if metadata:
        user.metadata = {**(user.metadata or {}), **metadata}
        fields.append("metadata")
    for attribute, cleaned in (
        ("default_billing_address", billing),
        ("default_shipping_address", shipping),
    ):
        if cleaned is None:
            continue
        current = getattr(user, attribute)
        address = address_save(address=current, data=cleaned)
        user.addresses.add(address)
        setattr(user, attribute, address)
        fields.append(attribute)
    user.save(update_fields=fields)
    return user
