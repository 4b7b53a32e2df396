"""Sign up and confirm by email, as Saleor's accountRegister/confirmAccount."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from ..errors import AccountErrorCode, account_error
from ..links import redirect_url_clean
from ..models import User
from ..tokens import confirmation_tokens
from ._common import normalize_email, password_validate


def account_register(
    *,
    email: str,
    password: str,
    redirect_url: str,
    first_name: str = "",
    last_name: str = "",
    language_code: str = "en",
    metadata: dict | None = None,
) -> tuple[User, bool]:
    """Create an unconfirmed account and email a confirmation link.

    Return the user and whether it was created. An email that already has
    an account changes nothing; its owner is emailed that they have one
    (at most once per PASSWORD_RESET_INTERVAL), and the caller answers as
    if it succeeded, so neither the answer nor its timing tells who has an
    account.
    """
    email = normalize_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise account_error(
            "email", "Enter a valid email address.", AccountErrorCode.INVALID
        ) from None
    redirect_url = redirect_url_clean(redirect_url=redirect_url)
    user = User(
        email=email,
        first_name=(first_name or "").strip(),
        last_name=(last_name or "").strip(),
        language_code=language_code or "en",
        is_active=True,
        is_confirmed=False,
        metadata=dict(metadata or {}),
    )
    password_validate(password=password, user=user)
    # Hash before looking, so a taken email answers as slowly as a new one.
    user.set_password(password)
    with transaction.atomic():
        existing = User.objects.filter(email=email).values("pk", "is_active").first()
        if existing is not None:
            if existing["is_active"]:
                _queue_account_exists(existing["pk"])
            return user, False
        user.save()
        _queue_confirmation(user.pk, redirect_url)
    return user, True


def _queue_account_exists(user_id: int) -> None:
    from ..tasks import send_account_exists_email

    # One such email per interval, however often someone signs up with it.
    interval = int(settings.PASSWORD_RESET_INTERVAL.total_seconds())
    if cache.add(f"account-exists-email:{user_id}", 1, timeout=interval):
        transaction.on_commit(lambda: send_account_exists_email.delay(user_id))


def _queue_confirmation(user_id: int, redirect_url: str) -> None:
    from ..tasks import send_account_confirmation_email

    transaction.on_commit(
        lambda: send_account_confirmation_email.delay(user_id, redirect_url)
    )


@transaction.atomic
def account_confirm(*, email: str, token: str) -> User:
    """Confirm the account the emailed token was made for."""
    user = User.objects.select_for_update().filter(email=normalize_email(email)).first()
    # An unknown email gets the wrong token's answer: the link's email is
    # not a way to ask who has an account.
    if user is None or not confirmation_tokens.check_token(user, token):
        raise account_error(
            "token", "Invalid or expired token.", AccountErrorCode.INVALID
        )
    user.is_confirmed = True
    user.is_active = True
    user.save(update_fields=["is_confirmed", "is_active", "updated_at"])
    return user
