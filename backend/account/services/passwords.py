"""Password reset by emailed link, and change while logged in."""

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone

from ..errors import AccountErrorCode, account_error
from ..links import redirect_url_clean
from ..models import User
from ..throttling import LoginAttemptDelayed, login_delayed_error
from ..tokens import password_reset_tokens
from ._common import normalize_email, password_validate


def password_reset_request(*, email: str, redirect_url: str) -> bool:
    """Email a reset link to the account, if there is one; return if queued.

    Every caller gets the same answer, so neither the API nor the pages
    tell who has an account: an unknown email, an inactive account and a
    second request within PASSWORD_RESET_INTERVAL queue nothing and raise
    nothing (Saleor answers the last two with INACTIVE and
    PASSWORD_RESET_ALREADY_REQUESTED, which tells that the account exists).
    """
    redirect_url = redirect_url_clean(redirect_url=redirect_url)
    with transaction.atomic():
        user = (
            User.objects.select_for_update()
            .filter(email=normalize_email(email), is_active=True)
            .first()
        )
        if user is None:
            return False
        now = timezone.now()
        last = user.last_password_reset_request
        if last and now - last < settings.PASSWORD_RESET_INTERVAL:
            return False
        user.last_password_reset_request = now
        user.save(update_fields=["last_password_reset_request"])
        _queue_reset_email(user.pk, redirect_url)
    return True


def _queue_reset_email(user_id: int, redirect_url: str) -> None:
    from ..tasks import send_password_reset_email

    transaction.on_commit(
        lambda: send_password_reset_email.delay(user_id, redirect_url)
    )


@transaction.atomic
def password_set(*, email: str, token: str, password: str) -> User:
    """Set a new password with the emailed token; the token then stops working."""
    user = User.objects.select_for_update().filter(email=normalize_email(email)).first()
    # An unknown email gets the wrong token's answer: the link's email is
    # not a way to ask who has an account.
    if user is None or not password_reset_tokens.check_token(user, token):
        raise account_error(
            "token", "Invalid or expired token.", AccountErrorCode.INVALID
        )
    password_validate(password=password, user=user)
    user.set_password(password)
    # The emailed link proves the address, as the confirmation link would.
    user.is_confirmed = True
    user.last_password_reset_request = None
    user.save(
        update_fields=[
            "password",
            "is_confirmed",
            "last_password_reset_request",
            "updated_at",
        ]
    )
    return user


@transaction.atomic
def password_change(
    *, user: User, old_password: str, new_password: str, request=None
) -> User:
    """Change the user's password once the old one is confirmed.

    The old password is checked through authenticate(), so wrong guesses
    count towards, and wait for, the same throttle as logging in.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    try:
        confirmed = authenticate(request, email=user.email, password=old_password or "")
    except LoginAttemptDelayed as delayed:
        raise login_delayed_error(delayed, field="oldPassword") from None
    if confirmed is None or confirmed.pk != user.pk:
        raise account_error(
            "oldPassword",
            "Old password isn't valid.",
            AccountErrorCode.INVALID_PASSWORD,
        )
    password_validate(password=new_password, user=user, field="newPassword")
    user.set_password(new_password)
    user.save(update_fields=["password", "updated_at"])
    return user
