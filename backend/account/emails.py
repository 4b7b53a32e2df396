"""Account emails (HTML and text), each sent by a task after commit."""

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


def account_email_build(
    *, user: User, kind: str, redirect_url: str
) -> EmailMultiAlternatives:
    """Return the email of a kind with a fresh one-time link for the user."""
    subject, generator = _EMAILS[kind]
    link = link_with_params(
        redirect_url, email=user.email, token=generator.make_token(user)
    )
    context = {"user": user, "link": link, "subject": subject}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"account/emails/{kind}.txt", context),
        to=[user.email],
    )
    message.attach_alternative(
        render_to_string(f"account/emails/{kind}.html", context), "text/html"
    )
    return message
