"""Who is calling /graphql/: the Bearer JWT, and nothing else.

The API ignores the Django session cookie, as Saleor's does: a browser
sends a cookie with any page's request, a token only when a script of the
shop's own origin adds it, so no foreign page can act as a signed-in user
(the view is CSRF-exempt). Lumbar's pages never call /graphql/.

A bad token fails only the fields that read the user, with Saleor's error
(``extensions.exception.code`` is the PyJWT exception's name, e.g.
``ExpiredSignatureError``), never a 500.
"""

import jwt
from django.contrib.auth.models import AnonymousUser
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
    """Return the request's JWT, if any.

    Saleor's dashboard sends ``Authorization-Bearer: <jwt>``; other clients
    ``Authorization: Bearer <jwt>`` (or ``JWT <jwt>``).
    """
    token = request.META.get("HTTP_AUTHORIZATION_BEARER", "").strip()
    if token:
        return token
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
    """Make the token's user (read on first use) or no one the request's user."""
    token = bearer_token(request)
    if token is None:
        request.user = AnonymousUser()
    else:
        request.user = SimpleLazyObject(lambda: user_from_access_token(token))
