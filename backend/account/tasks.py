"""Background jobs of the account domain: the one-time-link emails.

Each task takes ids, reloads the user and sends only while the email still
makes sense (an account confirmed meanwhile gets no confirmation link), so
a retried task does no harm.
"""

from celery import shared_task

from .emails import account_email_build, account_exists_email_build
from .models import User

_EMAIL_TASK = {
    "ignore_result": True,
    "acks_late": True,
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "max_retries": 5,
}


@shared_task(name="account.send_account_confirmation_email", **_EMAIL_TASK)
def send_account_confirmation_email(user_id: int, redirect_url: str) -> int:
    """Email the confirmation link unless the account is confirmed already."""
    user = User.objects.filter(pk=user_id, is_confirmed=False).first()
    if user is None:
        return 0
    return account_email_build(
        user=user, kind="confirm", redirect_url=redirect_url
    ).send()


@shared_task(name="account.send_password_reset_email", **_EMAIL_TASK)
def send_password_reset_email(user_id: int, redirect_url: str) -> int:
    """Email a password reset link to an active account."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    return account_email_build(
        user=user, kind="password_reset", redirect_url=redirect_url
    ).send()


@shared_task(name="account.send_account_delete_email", **_EMAIL_TASK)
def send_account_delete_email(user_id: int, redirect_url: str) -> int:
    """Email the account deletion link to an active account."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    return account_email_build(
        user=user, kind="delete", redirect_url=redirect_url
    ).send()


@shared_task(name="account.send_account_exists_email", **_EMAIL_TASK)
def send_account_exists_email(user_id: int) -> int:
    """Tell an active account's owner that someone signed up with it."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    return account_exists_email_build(user=user).send()
