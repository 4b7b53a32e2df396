"""Log in with email and password (tokenCreate and the login page)."""

from django.contrib.auth import authenticate

from ..errors import AccountErrorCode, account_error
from ..models import User
from ..throttling import (
    client_ip,
    login_attempt_check,
    login_failure_record,
    login_success_record,
)
from ._common import normalize_email


def user_authenticate(*, email: str, password: str, request=None) -> User:
    """Return the user the credentials name, or raise Saleor's errors.

    Failed attempts slow the next ones from the same IP for the same email
    (LOGIN_ATTEMPT_DELAYED), whether or not the email has an account.
    """
    ip = client_ip(request)
    login_attempt_check(ip=ip, email=normalize_email(email))
    user = authenticate(request, email=normalize_email(email), password=password)
    if user is None:
        login_failure_record(ip=ip, email=normalize_email(email))
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
    login_success_record(ip=ip, email=normalize_email(email))
    if not user.is_confirmed:
        raise account_error(
            "email",
            "Account needs to be confirmed via email.",
            AccountErrorCode.ACCOUNT_NOT_CONFIRMED,
        )
    return user
