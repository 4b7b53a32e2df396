"""Who is calling /graphql/: a Bearer JWT, else the Django session.

A bad token fails only the fields that read the user, with Saleor's error
(``extensions.exception.code`` is the PyJWT exception's name, e.g.
``ExpiredSignatureError``), never a 500.
"""

import jwt
from django.utils.functional import SimpleLazyObject
from graphql import GraphQLError

from backend.account.tokens import ACCESS, jwt_decode, user_from_payload

_MESSAGES = {
    "ExpiredSignatureError": "Signature has expired",
    "DecodeError": "Invalid token.",
}


class JWTAuthError(GraphQLError):
    def __init__(self, error: jwt.PyJWTError):
        code = type(error).__name__
        super().__init__(
            _MESSAGES.get(code, str(error) or "Invalid token."),
            extensions={"exception": {"code": code}},
        )


def bearer_token(request) -> str | None:
    """Return the JWT of an ``Authorization: Bearer`` header, if any."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    prefix, _, token = header.partition(" ")
    if prefix.lower() in {"bearer", "jwt"} and token.strip():
        return token.strip()
    return None


def user_from_access_token(token: str):
    """Return the token's user, or raise Saleor's error for a bad token."""
    try:
        return user_from_payload(jwt_decode(token), token_type=ACCESS)
    except jwt.PyJWTError as error:
        raise JWTAuthError(error) from None


def authenticate_request(request) -> None:
    """Replace the session user with the Bearer token's, read on first use."""
    token = bearer_token(request)
    if token is not None:
        request.user = SimpleLazyObject(lambda: user_from_access_token(token))
