"""accountUpdate, accountRequestDeletion, accountDelete."""

import graphene

from backend.account import services
from backend.account.errors import AccountErrorCode, account_error

from ...core.address import AddressInput
from ...core.enums import LanguageCodeEnum
from ...core.inputs import MetadataInput
from ..access import current_user
from ..errors import AccountError
from ..types import User
from .base import AccountMutation, address_data, language, metadata_dict


class AccountInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    language_code = graphene.InputField(
        LanguageCodeEnum, description="User language code."
    )
    default_billing_address = AddressInput(
        description="Billing address of the customer."
    )
    default_shipping_address = AddressInput(
        description="Shipping address of the customer."
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataInput),
        description="Fields required to update the user metadata.",
    )


def _refuse_other_customer(customer_id) -> None:
    # Saleor lets apps act for a customer; a customer acts for itself only.
    if customer_id is not None:
        raise account_error(
            "customerId",
            "Only apps may act for another customer.",
            AccountErrorCode.INVALID,
        )


class AccountUpdate(AccountMutation):
    user = graphene.Field(User)

    class Arguments:
        customer_id = graphene.ID(
            description=(
                "ID of customer, which the apps can use to update their account. "
                "Customer ID is required when the mutation is called by an app."
            )
        )
        input = AccountInput(
            description="Fields required to update the account of the logged-in user.",
            required=True,
        )

    class Meta:
        description = (
            "Updates the account of the logged-in user. Requires one of the "
            "following permissions: AUTHENTICATED_USER."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, input, customer_id=None):
        user = current_user(info)
        _refuse_other_customer(customer_id)
        billing = input.get("default_billing_address")
        shipping = input.get("default_shipping_address")
        user = services.account_update(
            user=user,
            first_name=input.get("first_name"),
            last_name=input.get("last_name"),
            language_code=language(input.get("language_code")),
            default_billing_address=address_data(billing) if billing else None,
            default_shipping_address=address_data(shipping) if shipping else None,
            metadata=metadata_dict(input.get("metadata")),
        )
        return cls.success(user=user)


class AccountRequestDeletion(AccountMutation):
    class Arguments:
        channel = graphene.String(
            description=(
                "Slug of a channel which will be used to notify users. Optional "
                "when only one channel exists."
            )
        )
        redirect_url = graphene.String(
            required=True,
            description=(
                "URL of a view where users should be redirected to delete their "
                "account. URL in RFC 1808 format."
            ),
        )

    class Meta:
        description = (
            "Sends an email with the account removal link for the logged-in user. "
            "Requires one of the following permissions: AUTHENTICATED_USER."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, redirect_url, channel=None):
        services.account_deletion_request(
            user=current_user(info), redirect_url=redirect_url
        )
        return cls.success()


class AccountDelete(AccountMutation):
    user = graphene.Field(User)

    class Arguments:
        token = graphene.String(
            required=True,
            description=(
                "A one-time token required to remove account. Sent by email using "
                "AccountRequestDeletion mutation."
            ),
        )

    class Meta:
        description = (
            "Remove user account. Requires one of the following permissions: "
            "AUTHENTICATED_USER."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, token):
        user = services.account_delete(user=current_user(info), token=token)
        return cls.success(user=user)
