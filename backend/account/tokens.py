"""One-time email tokens (Django's generators) and the API's JWTs.

JWT claims follow Saleor's: ``token`` (the user's revocable key), ``email``,
``type`` (access or refresh), ``user_id`` (a global id), ``is_staff``, and
``iss``: the public GraphQL URL, which clients compare before they send a
token back.
"""

from datetime import timedelta

import jwt
from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils import timezone
from graphql_relay import to_global_id

from .models import User

JWT_ALGORITHM = "HS256"
# The API that issued the token and refreshes it (tokenRefresh). Saleor's
# clients read any other owner as an auth plugin's token and refresh it with
# externalRefresh, so Saleor's dashboard signed staff out on every reload.
JWT_OWNER = "saleor"
ACCESS = "access"
REFRESH = "refresh"


class _ConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """A token that stops working once the account is confirmed."""

    key_salt = "lumbar.account.confirm"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{user.is_confirmed}{timestamp}"


class _DeletionTokenGenerator(PasswordResetTokenGenerator):
    """A token for one account deletion; any login or edit spoils it."""

    key_salt = "lumbar.account.delete"


# Password reset uses Django's own generator: a new password spoils it.
password_reset_tokens = PasswordResetTokenGenerator()
confirmation_tokens = _ConfirmationTokenGenerator()
deletion_tokens = _DeletionTokenGenerator()


def jwt_issuer() -> str:
    """Return the public GraphQL URL every token names as its issuer."""
    return f"{settings.PUBLIC_URL}/graphql/"


def _jwt_payload(user: User, token_type: str, lifetime: timedelta) -> dict:
    now = timezone.now()
    return {
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "iss": jwt_issuer(),
        "owner": JWT_OWNER,
        "type": token_type,
        "token": user.jwt_token_key,
        "email": user.email,
        "user_id": to_global_id("User", str(user.pk)),
        "is_staff": user.is_staff,
    }


def jwt_encode(payload: dict) -> str:
    return jwt.encode(payload, settings.SECRET_KEY, algorithm=JWT_ALGORITHM)


def access_token_create(*, user: User) -> str:
    """Return a short-lived access token for the user."""
    return jwt_encode(_jwt_payload(user, ACCESS, settings.JWT_ACCESS_TTL))


def refresh_token_create(*, user: User, csrf_token: str) -> str:
    """Return a long-lived refresh token bound to a CSRF token."""
    payload = _jwt_payload(user, REFRESH, settings.JWT_REFRESH_TTL)
    payload["csrf_token"] = csrf_token
    return jwt_encode(payload)


def jwt_decode(token: str) -> dict:
    """Return a token's claims; raise PyJWT's errors when it is not ours."""
    return jwt.decode(
        token,
        settings.SECRET_KEY,
        algorithms=[JWT_ALGORITHM],
        issuer=jwt_issuer(),
        options={"require": ["exp", "iat", "iss", "type", "token", "email"]},
    )


def user_from_payload(payload: dict, *, token_type: str) -> User:
    """Return the active user a token's claims name, or raise InvalidTokenError."""
    if payload.get("type") != token_type:
        raise jwt.InvalidTokenError("Invalid token type.")
    try:
        # The email is unique: get() reads it without ordering users by email.
        user = User.objects.get(email=payload["email"], is_active=True)
    except User.DoesNotExist:
        user = None
    if user is None or user.jwt_token_key != payload["token"]:
        raise jwt.InvalidTokenError(
            "Invalid token. Create new one by using tokenCreate mutation."
        )
    return user
