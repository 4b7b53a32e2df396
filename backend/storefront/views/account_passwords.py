"""Password pages: change while logged in, reset by an emailed link.

Thin doors onto backend.account's password services, which run Django's
validators, rate-limit reset emails and spoil a used reset link.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from backend.account.selectors import password_reset_link_valid
from backend.account.services import (
    password_change,
    password_reset_request,
    password_set,
)

from ..account_forms import (
    PasswordChangeForm,
    PasswordResetRequestForm,
    PasswordSetForm,
)
from ..seo import PageMeta


def _meta(title: str) -> PageMeta:
    return PageMeta(title=f"{title} | Lumbar", noindex=True)


@login_required(login_url="storefront:account_login")
def change(request):
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = password_change(
                user=request.user,
                old_password=form.cleaned_data["old_password"],
                new_password=form.cleaned_data["new_password"],
                request=request,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            # The new password changes the session hash; keep this session.
            update_session_auth_hash(request, user)
            messages.success(request, "Your password is changed.")
            return redirect("storefront:account")
    return render(
        request,
        "account/password_change.html",
        {"form": form, "meta": _meta("Change your password")},
        status=400 if form.errors else 200,
    )


def reset_request(request):
    """Ask for a reset link; the answer never tells who has an account."""
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Unknown, inactive or asked again too soon: no email, same answer.
        password_reset_request(
            email=form.cleaned_data["email"],
            redirect_url=settings.PUBLIC_URL
            + reverse("storefront:account_password_reset"),
        )
        return render(
            request,
            "account/password_reset_sent.html",
            {"email": form.cleaned_data["email"], "meta": _meta("Check your email")},
        )
    return render(
        request,
        "account/password_reset_request.html",
        {"form": form, "meta": _meta("Reset your password")},
        status=400 if form.errors else 200,
    )


def _invalid_link(request):
    return render(
        request,
        "account/password_reset_invalid.html",
        {"meta": _meta("This link no longer works")},
        status=400,
    )


def reset(request):
    """Set a new password from the emailed link (email and token in it)."""
    data = request.POST if request.method == "POST" else None
    form = PasswordSetForm(data, initial=request.GET.dict())
    email = (data or request.GET).get("email", "")
    token = (data or request.GET).get("token", "")
    if not password_reset_link_valid(email=email, token=token):
        return _invalid_link(request)
    if request.method == "POST" and form.is_valid():
        try:
            password_set(
                email=form.cleaned_data["email"],
                token=form.cleaned_data["token"],
                password=form.cleaned_data["new_password"],
            )
        except ValidationError as error:
            if _names_the_link(error):
                return _invalid_link(request)
            form.add_service_errors(error)
        else:
            return render(
                request,
                "account/password_reset_done.html",
                {"meta": _meta("Your password is changed")},
            )
    return render(
        request,
        "account/password_reset.html",
        {"form": form, "meta": _meta("Choose a new password")},
        status=400 if form.errors else 200,
    )


def _names_the_link(error: ValidationError) -> bool:
    fields = getattr(error, "error_dict", {})
    return "token" in fields or "email" in fields
