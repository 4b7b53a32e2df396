"""Account emails (HTML and text), each sent by a task after commit."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from .links import link_with_params
from .models import User
from .tokens import confirmation_tokens, deletion_tokens, password_reset_tokens

# template name → (subject, token generator)
_EMAILS = {
    "confirm": ("Confirm your Lumbar account", confirmation_tokens),
    "password_reset": ("Reset your Lumbar password", password_reset_tokens),
    "delete": ("Delete your Lumbar account", deletion_tokens),
}


ACCOUNT_EXISTS_SUBJECT = "You already have a Lumbar account"


def account_exists_email_build(*, user: User) -> EmailMultiAlternatives:
    """Return the email telling the owner someone signed up with their address."""
    context = {
        "user": user,
        "subject": ACCOUNT_EXISTS_SUBJECT,
        "login_link": f"{settings.PUBLIC_URL}/account/login/",
        "reset_link": f"{settings.PUBLIC_URL}/account/password/forgot/",
    }
    return _build(user=user, kind="account_exists", context=context)


def _build(*, user: User, kind: str, context: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=context["subject"],
        body=render_to_string(f"account/emails/{kind}.txt", context),
        to=[user.email],
    )
    message.attach_alternative(
        render_to_string(f"account/emails/{kind}.html", context), "text/html"
    )
    return message


def account_email_build(
    *, user: User, kind: str, redirect_url: str
) -> EmailMultiAlternatives:
    """Return the email of a kind with a fresh one-time link for the user."""
    subject, generator = _EMAILS[kind]
    link = link_with_params(
        redirect_url, email=user.email, token=generator.make_token(user)
    )
    context = {"user": user, "link": link, "subject": subject}
    return _build(user=user, kind=kind, context=context)
