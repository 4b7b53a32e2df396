"""Log in with email and password (tokenCreate and the login page)."""

from django.contrib.auth import authenticate

from ..errors import AccountErrorCode, account_error
from ..models import User
from ..throttling import LoginAttemptDelayed, login_delayed_error
from ._common import normalize_email


def user_authenticate(*, email: str, password: str, request=None) -> User:
    """Return the user the credentials name, or raise Saleor's errors.

    Failed attempts slow the next ones from the same IP for the same email
    (LOGIN_ATTEMPT_DELAYED), whether or not the email has an account: the
    authentication backend keeps that count for every door.
    """
    email = normalize_email(email)
    try:
        user = authenticate(request, email=email, password=password)
    except LoginAttemptDelayed as delayed:
        raise login_delayed_error(delayed, field="email") from None
    if user is None:
        known = User.objects.filter(email=email).first()
        if (
            known is not None
            and not known.is_active
            and known.check_password(password or "")
        ):
            raise account_error("email", "Account inactive.", AccountErrorCode.INACTIVE)
        raise account_error(
            "email",
            "The email address or the password is not right.",
            AccountErrorCode.INVALID_CREDENTIALS,
        )
    if not user.is_confirmed:
        raise account_error(
            "email",
            "Account needs to be confirmed via email.",
            AccountErrorCode.ACCOUNT_NOT_CONFIRMED,
        )
    return user
