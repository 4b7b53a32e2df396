"""Checks several account services share."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

from ..errors import AccountErrorCode
from ..models import User

# Django's password validator codes → Saleor's AccountErrorCode.
_PASSWORD_CODES = {
    "password_too_short": AccountErrorCode.PASSWORD_TOO_SHORT,
    "password_too_common": AccountErrorCode.PASSWORD_TOO_COMMON,
    "password_entirely_numeric": AccountErrorCode.PASSWORD_ENTIRELY_NUMERIC,
    "password_too_similar": AccountErrorCode.PASSWORD_TOO_SIMILAR,
}


def password_validate(*, password: str, user: User, field: str = "password") -> None:
    """Raise Saleor's password errors when Django's validators refuse it."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError(
            {
                field: [
                    ValidationError(
                        message % (item.params or {}) if item.params else message,
                        code=_PASSWORD_CODES.get(
                            item.code, AccountErrorCode.INVALID
                        ).value,
                    )
                    for item in error.error_list
                    for message in [item.message]
                ]
            }
        ) from None


def normalize_email(email: str) -> str:
    return User.objects.normalize_email((email or "").strip()).lower()
