"""Delete an account by a link emailed to its owner."""

from django.db import transaction

from ..errors import AccountErrorCode, account_error
from ..links import redirect_url_clean
from ..models import User
from ..tokens import deletion_tokens


def account_deletion_request(*, user: User, redirect_url: str) -> None:
    """Email the user a link that deletes the account."""
    from ..tasks import send_account_delete_email

    redirect_url = redirect_url_clean(redirect_url=redirect_url)
    user_id = user.pk
    transaction.on_commit(
        lambda: send_account_delete_email.delay(user_id, redirect_url)
    )


@transaction.atomic
def account_delete(*, user: User, token: str) -> User:
    """Delete the user's account with the emailed token; staff cannot."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_staff:
        raise account_error(
            None,
            "Staff accounts are deleted by an administrator.",
            AccountErrorCode.INVALID,
        )
    if not deletion_tokens.check_token(user, token):
        raise account_error(
            "token", "Invalid or expired token.", AccountErrorCode.INVALID
        )
    addresses = list(user.addresses.values_list("pk", flat=True))
    deleted_pk = user.pk
    user.delete()
    # Orders keep their own address copies; the address book goes too.
    from ..models import Address

    Address.objects.filter(pk__in=addresses).delete()
    user.pk = deleted_pk
    return user
