"""accountRegister and confirmAccount."""

import graphene

from backend.account import services
from backend.account.errors import AccountErrorCode, account_error
from backend.order.customers import customer_account_confirm

from ...core.enums import LanguageCodeEnum
from ...core.inputs import MetadataInput
from ..errors import AccountError
from ..types import User
from .base import AccountMutation, language, metadata_dict


class AccountRegisterInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    language_code = graphene.InputField(
        LanguageCodeEnum, description="User language code."
    )
    email = graphene.String(description="The email address of the user.", required=True)
    password = graphene.String(description="Password.", required=True)
    redirect_url = graphene.String(
        description=(
            "Base of frontend URL that will be needed to create confirmation URL."
        )
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="User public metadata."
    )
    channel = graphene.String(
        description=(
            "Slug of a channel which will be used to notify users. Optional when "
            "only one channel exists."
        )
    )


class AccountRegister(AccountMutation):
    requires_confirmation = graphene.Boolean(
        description="Informs whether users need to confirm their email address."
    )
    user = graphene.Field(
        User,
        deprecation_reason=(
            "The field always returns a `User` object constructed from the input "
            "data. The `user.id` is always empty. To determine whether the user "
            "exists in Saleor, query via an external app with the required "
            "permissions."
        ),
    )

    class Arguments:
        input = AccountRegisterInput(
            description="Fields required to create a user.", required=True
        )

    class Meta:
        description = "Register a new user."
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, input):
        if not input.get("redirect_url"):
            raise account_error(
                "redirectUrl",
                "This field is required.",
                AccountErrorCode.REQUIRED,
            )
        user, _ = services.account_register(
            email=input["email"],
            password=input["password"],
            redirect_url=input["redirect_url"],
            first_name=input.get("first_name") or "",
            last_name=input.get("last_name") or "",
            language_code=language(input.get("language_code")) or "en",
            metadata=metadata_dict(input.get("metadata")),
        )
        # Saleor answers alike whether or not the email had an account.
        user.pk = None
        return cls.success(user=user, requires_confirmation=True)


class ConfirmAccount(AccountMutation):
    user = graphene.Field(User, description="An activated user account.")

    class Arguments:
        email = graphene.String(
            description="E-mail of the user performing account confirmation.",
            required=True,
        )
        password = graphene.String(
            description=(
                "Password of the user performing account confirmation. Required "
                "only when user was created without a password."
            )
        )
        token = graphene.String(
            description="A one-time token required to confirm the account.",
            required=True,
        )

    class Meta:
        description = (
            "Confirm user account with token sent by email during registration."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, email, token, password=None):
        user = customer_account_confirm(email=email, token=token)
        return cls.success(user=user)
