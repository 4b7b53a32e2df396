"""Log in with email and password (tokenCreate and the login page)."""

from django.contrib.auth import authenticate

from ..errors import AccountErrorCode, account_error
from ..models import User
from ._common import normalize_email


def user_authenticate(*, email: str, password: str, request=None) -> User:
    """Return the user the credentials name, or raise Saleor's errors."""
    user = authenticate(request, email=normalize_email(email), password=password)
    if user is None:
        known = User.objects.filter(email=normalize_email(email)).first()
        if (
            known is not None
            and not known.is_active
            and known.check_password(password or "")
        ):
            raise account_error("email", "Account inactive.", AccountErrorCode.INACTIVE)
        raise account_error(
            "email",
            "Please, enter valid credentials",
            AccountErrorCode.INVALID_CREDENTIALS,
        )
    if not user.is_confirmed:
        raise account_error(
            "email",
            "Account needs to be confirmed via email.",
            AccountErrorCode.ACCOUNT_NOT_CONFIRMED,
        )
    return user
