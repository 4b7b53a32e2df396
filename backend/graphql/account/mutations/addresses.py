"""accountAddressCreate/Update/Delete and accountSetDefaultAddress."""

import graphene

from backend.account import services
from backend.account.models import User as UserModel
from backend.account.services.addresses import AddressType

from ...core.address import AddressInput
from ...core.enums import AddressTypeEnum
from ...shop.types import Address
from ..access import current_user
from ..errors import AccountError
from ..types import User
from .base import AccountMutation, address_data, address_pk
from .profile import _refuse_other_customer


def _address_type(value) -> AddressType | None:
    if value is None:
        return None
    return AddressType(getattr(value, "value", value))


class AccountAddressCreate(AccountMutation):
    user = graphene.Field(
        User, description="A user instance for which the address was created."
    )
    address = graphene.Field(Address)

    class Arguments:
        customer_id = graphene.ID(
            description=(
                "ID of customer the application is impersonating. The field can be "
                "used and is required by apps only. Requires IMPERSONATE_USER and "
                "AUTHENTICATED_APP permission."
            )
        )
        input = AddressInput(
            description="Fields required to create address.", required=True
        )
        type = AddressTypeEnum(
            description=(
                "A type of address. If provided, the new address will be "
                "automatically assigned as the customer's default address of that "
                "type."
            )
        )

    class Meta:
        description = (
            "Create a new address for the customer. Requires one of the following "
            "permissions: AUTHENTICATED_USER."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, input, type=None, customer_id=None):
        user = current_user(info)
        _refuse_other_customer(customer_id)
        address = services.account_address_create(
            user=user, data=address_data(input), address_type=_address_type(type)
        )
        return cls.success(user=_fresh(user), address=address)


def _fresh(user):
    """Return the user as saved, defaults included."""
    return UserModel.objects.get(pk=user.pk)


class AccountAddressUpdate(AccountMutation):
    user = graphene.Field(
        User, description="A user object for which the address was edited."
    )
    address = graphene.Field(Address)

    class Arguments:
        id = graphene.ID(description="ID of the address to update.", required=True)
        input = AddressInput(
            description="Fields required to update the address.", required=True
        )

    class Meta:
        description = (
            "Updates an address of the logged-in user. Requires one of the "
            "following permissions: MANAGE_USERS, IS_OWNER."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, id, input):
        user = current_user(info)
        address = services.account_address_update(
            user=user, address_id=address_pk(id), data=address_data(input)
        )
        return cls.success(user=_fresh(user), address=address)


class AccountAddressDelete(AccountMutation):
    user = graphene.Field(
        User, description="A user instance for which the address was deleted."
    )
    address = graphene.Field(Address)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the address to delete.")

    class Meta:
        description = (
            "Delete an address of the logged-in user. Requires one of the following"
            " permissions: MANAGE_USERS, IS_OWNER."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, id):
        user = current_user(info)
        address = services.account_address_delete(user=user, address_id=address_pk(id))
        return cls.success(user=_fresh(user), address=address)


class AccountSetDefaultAddress(AccountMutation):
    user = graphene.Field(User, description="An updated user instance.")

    class Arguments:
        id = graphene.ID(
            required=True, description="ID of the address to set as default."
        )
        type = AddressTypeEnum(required=True, description="The type of address.")

    class Meta:
        description = (
            "Sets a default address for the authenticated user. Requires one of the"
            " following permissions: AUTHENTICATED_USER."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, id, type):
        user = services.account_set_default_address(
            user=current_user(info),
            address_id=address_pk(id),
            address_type=_address_type(type),
        )
        return cls.success(user=user)
