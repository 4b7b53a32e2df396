"""requestPasswordReset, setPassword, passwordChange."""

import graphene

from backend.account import services
from backend.account.errors import AccountErrorCode, account_error
from backend.channel.models import Channel

from ..access import current_user
from ..errors import AccountError
from ..types import User
from .base import AccountMutation
from .tokens import tokens_for


class RequestPasswordReset(AccountMutation):
    class Arguments:
        channel = graphene.String(
            description=(
                "Slug of a channel which will be used for notify user. Optional "
                "when only one channel exists."
            )
        )
        email = graphene.String(
            required=True,
            description="Email of the user that will be used for password recovery.",
        )
        redirect_url = graphene.String(
            required=True,
            description=(
                "URL of a view where users should be redirected to reset the "
                "password. URL in RFC 1808 format."
            ),
        )

    class Meta:
        description = "Sends an email with the account password modification link."
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, email, redirect_url, channel=None):
        if channel is not None:
            found = Channel.objects.filter(slug=channel).first()
            if found is None:
                raise account_error(
                    "channel",
                    f"Channel with '{channel}' slug does not exist.",
                    AccountErrorCode.NOT_FOUND,
                )
            if not found.is_active:
                raise account_error(
                    "channel",
                    f"Channel with '{channel}' is inactive.",
                    AccountErrorCode.CHANNEL_INACTIVE,
                )
        services.password_reset_request(email=email, redirect_url=redirect_url)
        return cls.success()


class SetPassword(AccountMutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    refresh_token = graphene.String(
        description="JWT refresh token, required to re-generate access token."
    )
    csrf_token = graphene.String(
        description="CSRF token required to re-generate access token."
    )
    user = graphene.Field(User, description="A user instance.")

    class Arguments:
        email = graphene.String(required=True, description="Email of a user.")
        password = graphene.String(required=True, description="Password of a user.")
        token = graphene.String(
            required=True, description="A one-time token required to set the password."
        )

    class Meta:
        description = (
            "Sets the user's password from the token sent by email using the "
            "RequestPasswordReset mutation."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, email, password, token):
        user = services.password_set(email=email, token=token, password=password)
        return cls.success(user=user, **tokens_for(user))


class PasswordChange(AccountMutation):
    user = graphene.Field(User, description="A user instance with a new password.")

    class Arguments:
        new_password = graphene.String(required=True, description="New user password.")
        old_password = graphene.String(description="Current user password.")

    class Meta:
        description = (
            "Change the password of the logged in user. Requires one of the "
            "following permissions: AUTHENTICATED_USER."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, new_password, old_password=None):
        user = services.password_change(
            user=current_user(info),
            old_password=old_password,
            new_password=new_password,
            request=info.context,
        )
        return cls.success(user=user)
