"""Saleor's AccountErrorCode values and the error account services raise."""

import enum

from django.core.exceptions import ValidationError


class AccountErrorCode(enum.StrEnum):
    ACCOUNT_NOT_CONFIRMED = "ACCOUNT_NOT_CONFIRMED"
    CHANNEL_INACTIVE = "CHANNEL_INACTIVE"
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INACTIVE = "INACTIVE"
    INVALID = "INVALID"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_PASSWORD = "INVALID_PASSWORD"
    JWT_DECODE_ERROR = "JWT_DECODE_ERROR"
    JWT_INVALID_TOKEN = "JWT_INVALID_TOKEN"
    JWT_MISSING_TOKEN = "JWT_MISSING_TOKEN"
    JWT_SIGNATURE_EXPIRED = "JWT_SIGNATURE_EXPIRED"
    LOGIN_ATTEMPT_DELAYED = "LOGIN_ATTEMPT_DELAYED"
    NOT_FOUND = "NOT_FOUND"
    PASSWORD_ENTIRELY_NUMERIC = "PASSWORD_ENTIRELY_NUMERIC"
    PASSWORD_RESET_ALREADY_REQUESTED = "PASSWORD_RESET_ALREADY_REQUESTED"
    PASSWORD_TOO_COMMON = "PASSWORD_TOO_COMMON"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    PASSWORD_TOO_SIMILAR = "PASSWORD_TOO_SIMILAR"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"


def account_error(
    field: str | None, message: str, code: AccountErrorCode, **params
) -> ValidationError:
    """Return a ValidationError for one field (None: the whole call)."""
    error = ValidationError(message, code=code.value, params=params or None)
    if field is None:
        return error
    return ValidationError({field: error})
