"""Account pages: overview, sign up, confirm, log in and out, order history.

Thin doors onto backend.account's services; the guest's cart follows the
shopper into their account through checkout_merge_on_login.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from backend.account.errors import AccountErrorCode
from backend.account.services import (
    account_register,
    user_authenticate,
)
from backend.checkout.merge import checkout_merge_on_login
from backend.order.customers import customer_account_confirm
from backend.order.selectors import orders_of_user

from ..account_forms import ConfirmForm, LoginForm, SignUpForm
from ..seo import PageMeta

# The session key of the shopper's cart (the storefront cart pages use it).
CHECKOUT_SESSION_KEY = "lumbar_checkout_token"


def _public_url(name: str) -> str:
    return settings.PUBLIC_URL + reverse(name)


def _meta(title: str) -> PageMeta:
    return PageMeta(title=f"{title} | Lumbar", noindex=True)


@login_required(login_url="storefront:account_login")
def overview(request):
    return render(request, "account/overview.html", {"meta": _meta("Your account")})


def signup(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_register(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                first_name=form.cleaned_data["first_name"],
                redirect_url=_public_url("storefront:account_confirm"),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            # The same answer whether or not the email had an account.
            return render(
                request,
                "account/signup_done.html",
                {
                    "email": form.cleaned_data["email"],
                    "meta": _meta("Check your email"),
                },
            )
    status = 400 if form.errors else 200
    return render(
        request,
        "account/signup.html",
        {"form": form, "meta": _meta("Create an account")},
        status=status,
    )


def confirm(request):
    """Show the emailed link's button; confirming is a POST, not a visit."""
    data = request.POST if request.method == "POST" else request.GET
    form = ConfirmForm(data)
    confirmed = False
    if request.method == "POST" and form.is_valid():
        try:
            customer_account_confirm(
                email=form.cleaned_data["email"], token=form.cleaned_data["token"]
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            confirmed = True
    status = 400 if request.method == "POST" and not confirmed else 200
    return render(
        request,
        "account/confirm.html",
        {
            "form": form,
            "confirmed": confirmed,
            "meta": _meta("Confirm your account"),
        },
        status=status,
    )


def _is_delayed(error: ValidationError) -> bool:
    codes = [item.code for item in getattr(error, "error_dict", {}).get("email", [])]
    return AccountErrorCode.LOGIN_ATTEMPT_DELAYED in codes


def login_view(request):
    form = LoginForm(request.POST or None)
    status = None
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if request.method == "POST" and form.is_valid():
        try:
            user = user_authenticate(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                request=request,
            )
        except ValidationError as error:
            form.add_service_errors(error)
            if _is_delayed(error):
                status = 429
        else:
            guest_token = request.session.get(CHECKOUT_SESSION_KEY)
            login(request, user)
            checkout = checkout_merge_on_login(checkout_token=guest_token, user=user)
            if checkout is not None:
                request.session[CHECKOUT_SESSION_KEY] = str(checkout.token)
            if not url_has_allowed_host_and_scheme(
                next_url,
                allowed_hosts={request.get_host()},
                require_https=request.is_secure(),
            ):
                next_url = reverse("storefront:account_orders")
            return redirect(next_url)
    status = status or (400 if form.errors else 200)
    return render(
        request,
        "account/login.html",
        {"form": form, "next": next_url, "meta": _meta("Log in")},
        status=status,
    )


@require_POST
def logout_view(request):
    logout(request)
    messages.success(request, "You are logged out.")
    return redirect("storefront:home")


def _order_status_url(order) -> str | None:
    try:
        return reverse("storefront:order-status", kwargs={"token": order.token})
    except NoReverseMatch:
        return None


@login_required(login_url="storefront:account_login")
def orders(request):
    rows = [
        {
            "number": order.number,
            "created_at": order.created_at,
            "status": order.shopper_status,
            "total": order.total,
            "url": _order_status_url(order),
        }
        for order in orders_of_user(user=request.user)
    ]
    return render(
        request,
        "account/orders.html",
        {"orders": rows, "meta": _meta("Your orders")},
    )
