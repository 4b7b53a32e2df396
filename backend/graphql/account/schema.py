"""The account queries (me, addressValidationRules) and mutations."""

import graphene
from django.db.models import Prefetch

from backend.account.models import Address as AddressModel
from backend.account.models import User as UserModel

from ..core.enums import CountryCode
from ..core.shared_enums import member_name
from .access import current_user_or_none
from .mutations.addresses import (
    AccountAddressCreate,
    AccountAddressDelete,
    AccountAddressUpdate,
    AccountSetDefaultAddress,
)
from .mutations.passwords import PasswordChange, RequestPasswordReset, SetPassword
from .mutations.profile import AccountDelete, AccountRequestDeletion, AccountUpdate
from .mutations.register import AccountRegister, ConfirmAccount
from .mutations.tokens import (
    CreateToken,
    DeactivateAllUserTokens,
    RefreshToken,
    VerifyToken,
)
from .types import AddressValidationData, User, address_validation_data


def me_queryset():
    """Return the users with what `me` reads loaded in two queries."""
    return UserModel.objects.select_related(
        "default_shipping_address", "default_billing_address"
    ).prefetch_related(
        Prefetch("addresses", queryset=AddressModel.objects.order_by("pk"))
    )


class AccountQueries(graphene.ObjectType):
    me = graphene.Field(User, description="Return the currently authenticated user.")
    address_validation_rules = graphene.Field(
        AddressValidationData,
        description="Returns address validation rules.",
        country_code=graphene.Argument(
            CountryCode,
            required=True,
            description="Two-letter ISO 3166-1 country code.",
        ),
        country_area=graphene.String(
            description="Designation of a region, province or state."
        ),
        city=graphene.String(description="City or a town name."),
        city_area=graphene.String(description="Sublocality like a district."),
    )

    @staticmethod
    def resolve_me(root, info):
        user = current_user_or_none(info)
        if user is None:
            return None
        return me_queryset().filter(pk=user.pk).first()

    @staticmethod
    def resolve_address_validation_rules(
        root, info, country_code, country_area=None, city=None, city_area=None
    ):
        return address_validation_data(
            country_code=member_name(country_code),
            country_area=country_area,
            city=city,
            city_area=city_area,
        )


class AccountMutations(graphene.ObjectType):
    token_create = CreateToken.Field()
    token_refresh = RefreshToken.Field()
    token_verify = VerifyToken.Field()
    tokens_deactivate_all = DeactivateAllUserTokens.Field()
    request_password_reset = RequestPasswordReset.Field()
    confirm_account = ConfirmAccount.Field()
    set_password = SetPassword.Field()
    password_change = PasswordChange.Field()
    account_address_create = AccountAddressCreate.Field()
    account_address_update = AccountAddressUpdate.Field()
    account_address_delete = AccountAddressDelete.Field()
    account_set_default_address = AccountSetDefaultAddress.Field()
    account_register = AccountRegister.Field()
    account_update = AccountUpdate.Field()
    account_request_deletion = AccountRequestDeletion.Field()
    account_delete = AccountDelete.Field()
