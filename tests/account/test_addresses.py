"""A customer's address book."""

import pytest
from django.core.exceptions import ValidationError

from backend.account.models import Address, User
from backend.account.services import (
    account_address_create,
    account_address_delete,
    account_address_update,
    account_set_default_address,
    account_update,
)
from backend.account.services.addresses import AddressType
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RENO = {
    "first_name": "Ann",
    "last_name": "Reader",
    "street_address_1": "1 Main St",
    "city": "Reno",
    "postal_code": "89501",
    "country": "US",
    "country_area": "NV",
}


def _codes(error: ValidationError) -> dict[str, list[str]]:
    return {
        field: [e.code for e in errors] for field, errors in error.error_dict.items()
    }


def test_the_first_address_becomes_both_defaults_normalised():
    user = UserFactory()

    address = account_address_create(user=user, data=RENO)

    user = User.objects.get(pk=user.pk)
    assert (user.default_shipping_address, user.default_billing_address) == (
        address,
        address,
    )
    assert address.city == "RENO"


def test_an_invalid_postal_code_is_refused_and_nothing_written():
    user = UserFactory()

    with pytest.raises(ValidationError) as error:
        account_address_create(user=user, data={**RENO, "postal_code": "ABC"})

    assert _codes(error.value) == {"postalCode": ["INVALID"]}
    assert not Address.objects.exists()


def test_a_second_address_of_a_type_becomes_that_default_only():
    user = UserFactory()
    first = account_address_create(user=user, data=RENO)

    second = account_address_create(
        user=user,
        data={**RENO, "street_address_1": "2 Side St"},
        address_type=AddressType.BILLING,
    )

    user = User.objects.get(pk=user.pk)
    assert user.default_shipping_address == first
    assert user.default_billing_address == second


def test_a_customer_cannot_touch_another_customers_address():
    owner, other = UserFactory(), UserFactory()
    address = account_address_create(user=owner, data=RENO)

    for call in (
        lambda: account_address_update(
            user=other, address_id=address.pk, data={**RENO, "city": "Sparks"}
        ),
        lambda: account_address_delete(user=other, address_id=address.pk),
        lambda: account_set_default_address(
            user=other, address_id=address.pk, address_type=AddressType.SHIPPING
        ),
    ):
        with pytest.raises(ValidationError) as error:
            call()
        assert _codes(error.value) == {"id": ["NOT_FOUND"]}
    assert Address.objects.get(pk=address.pk).city == "RENO"
    assert User.objects.get(pk=other.pk).default_shipping_address is None


def test_deleting_the_default_address_unsets_the_default():
    user = UserFactory()
    address = account_address_create(user=user, data=RENO)

    account_address_delete(user=user, address_id=address.pk)

    user = User.objects.get(pk=user.pk)
    assert user.default_shipping_address is None
    assert not user.addresses.exists()


def test_account_update_changes_names_and_refuses_a_bad_default_address():
    user = UserFactory(first_name="Ann")

    with pytest.raises(ValidationError):
        account_update(
            user=user,
            first_name="Anna",
            default_shipping_address={**RENO, "country": "ZZ"},
        )
    assert User.objects.get(pk=user.pk).first_name == "Ann"

    account_update(user=user, first_name="Anna", default_shipping_address=RENO)
    user = User.objects.get(pk=user.pk)
    assert user.first_name == "Anna"
    assert user.default_shipping_address.postal_code == "89501"
