"""tokenCreate, tokenRefresh, tokenVerify, tokensDeactivateAll."""

import secrets

import graphene
import jwt
from django.contrib.auth.models import update_last_login
from graphene.types.generic import GenericScalar

from backend.account import services
from backend.account.errors import AccountErrorCode, account_error
from backend.account.models import User as UserModel
from backend.account.models import new_jwt_token_key
from backend.account.tokens import (
    ACCESS,
    REFRESH,
    access_token_create,
    jwt_decode,
    refresh_token_create,
    user_from_payload,
)

from ..access import current_user
from ..errors import AccountError
from ..types import User
from .base import AccountMutation

_JWT_CODES = {
    jwt.ExpiredSignatureError: AccountErrorCode.JWT_SIGNATURE_EXPIRED,
    jwt.DecodeError: AccountErrorCode.JWT_DECODE_ERROR,
}


def _decode(token: str, *, token_type: str, field: str):
    """Return (payload, user) of a token, or raise Saleor's JWT_* error."""
    try:
        payload = jwt_decode(token)
        return payload, user_from_payload(payload, token_type=token_type)
    except jwt.PyJWTError as error:
        code = next(
            (code for kind, code in _JWT_CODES.items() if isinstance(error, kind)),
            AccountErrorCode.JWT_INVALID_TOKEN,
        )
        raise account_error(field, str(error) or "Invalid token.", code) from None


def tokens_for(user) -> dict:
    """Return a fresh access token, refresh token and CSRF token."""
    csrf_token = secrets.token_urlsafe(32)
    return {
        "token": access_token_create(user=user),
        "refresh_token": refresh_token_create(user=user, csrf_token=csrf_token),
        "csrf_token": csrf_token,
    }


class CreateToken(AccountMutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    refresh_token = graphene.String(
        description="JWT refresh token, required to re-generate access token."
    )
    csrf_token = graphene.String(
        description="CSRF token required to re-generate access token."
    )
    user = graphene.Field(User, description="A user instance.")

    class Arguments:
        audience = graphene.String(
            description=(
                "The audience that will be included to JWT tokens with prefix "
                "`custom:`."
            )
        )
        email = graphene.String(required=True, description="Email of a user.")
        password = graphene.String(required=True, description="Password of a user.")

    class Meta:
        description = "Create JWT token."
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, email, password, audience=None):
        user = services.user_authenticate(
            email=email, password=password, request=info.context
        )
        update_last_login(None, user)
        return cls.success(user=user, **tokens_for(user))


class RefreshToken(AccountMutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    user = graphene.Field(User, description="A user instance.")

    class Arguments:
        csrf_token = graphene.String(
            description=(
                "CSRF token required to refresh token. This argument is required "
                "when refreshToken is provided as a cookie."
            )
        )
        refresh_token = graphene.String(description="Refresh token.")

    class Meta:
        description = (
            "Refresh JWT token. Mutation tries to take refreshToken from the input."
            " If it fails it will try to take `refreshToken` from the http-only "
            "cookie `refreshToken`. `csrfToken` is required when `refreshToken` is "
            "provided as a cookie."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, refresh_token=None, csrf_token=None):
        from_cookie = False
        if not refresh_token:
            refresh_token = info.context.COOKIES.get("refreshToken")
            from_cookie = True
        if not refresh_token:
            raise account_error(
                "refreshToken",
                "Missing refreshToken",
                AccountErrorCode.JWT_MISSING_TOKEN,
            )
        payload, user = _decode(refresh_token, token_type=REFRESH, field="refreshToken")
        if from_cookie and csrf_token != payload.get("csrf_token"):
            raise account_error(
                "csrfToken",
                "Invalid csrf token",
                AccountErrorCode.JWT_INVALID_CSRF_TOKEN,
            )
        return cls.success(user=user, token=access_token_create(user=user))


class VerifyToken(AccountMutation):
    user = graphene.Field(User, description="User assigned to token.")
    is_valid = graphene.Boolean(
        required=True,
        default_value=False,
        description="Determine if token is valid or not.",
    )
    payload = GenericScalar(description="JWT payload.")

    class Arguments:
        token = graphene.String(required=True, description="JWT token to validate.")

    class Meta:
        description = "Verify JWT token."
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info, token):
        payload, user = _decode(token, token_type=ACCESS, field="token")
        return cls.success(user=user, is_valid=True, payload=payload)

    @classmethod
    def error_payload(cls, error):
        payload = super().error_payload(error)
        payload.is_valid = False
        return payload


class DeactivateAllUserTokens(AccountMutation):
    class Meta:
        description = (
            "Deactivate all JWT tokens of the currently authenticated user. "
            "Requires one of the following permissions: AUTHENTICATED_USER."
        )
        error_type_class = AccountError
        error_type_field = "account_errors"

    @classmethod
    def perform_mutation(cls, info):
        user = current_user(info)
        UserModel.objects.filter(pk=user.pk).update(jwt_token_key=new_jwt_token_key())
        return cls.success()
