"""The address book: list, add, edit, delete, choose the defaults.

Thin doors onto backend.account's address services; an address that is
not the customer's is a 404, and nothing about it changes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from backend.account.selectors import address_book, user_address_or_none
from backend.account.services import (
    account_address_create,
    account_address_delete,
    account_address_update,
    account_set_default_address,
)
from backend.account.services.addresses import AddressType

from ..account_forms import AddressForm, address_initial
from ..address_errors import address_error_explained
from ..seo import PageMeta

LOGIN_URL = "storefront:account_login"


def _own_address(request, address_id: int):
    address = user_address_or_none(user=request.user, address_id=address_id)
    if address is None:
        raise Http404("No such address in your address book.")
    return address


@login_required(login_url=LOGIN_URL)
def address_list(request):
    return render(
        request,
        "account/addresses.html",
        {
            "entries": address_book(user=request.user),
            "meta": PageMeta(title="Your addresses | Lumbar", noindex=True),
        },
    )


def _address_form_page(request, form, *, address=None, status=200):
    title = "Edit address" if address else "Add an address"
    return render(
        request,
        "account/address_form.html",
        {
            "form": form,
            "address": address,
            "title": title,
            "meta": PageMeta(title=f"{title} | Lumbar", noindex=True),
        },
        status=status,
    )


@login_required(login_url=LOGIN_URL)
def address_create(request):
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_address_create(user=request.user, data=form.address_data())
        except ValidationError as error:
            form.add_service_errors(
                address_error_explained(data=form.address_data(), error=error)
            )
        else:
            messages.success(request, "The address is saved.")
            return redirect("storefront:account_addresses")
    return _address_form_page(request, form, status=400 if form.errors else 200)


@login_required(login_url=LOGIN_URL)
def address_update(request, address_id: int):
    address = _own_address(request, address_id)
    form = AddressForm(request.POST or None, initial=address_initial(address))
    if request.method == "POST" and form.is_valid():
        try:
            account_address_update(
                user=request.user, address_id=address.pk, data=form.address_data()
            )
        except ValidationError as error:
            form.add_service_errors(
                address_error_explained(data=form.address_data(), error=error)
            )
        else:
            messages.success(request, "The address is saved.")
            return redirect("storefront:account_addresses")
    return _address_form_page(
        request, form, address=address, status=400 if form.errors else 200
    )


@login_required(login_url=LOGIN_URL)
@require_POST
def address_delete(request, address_id: int):
    address = _own_address(request, address_id)
    account_address_delete(user=request.user, address_id=address.pk)
    messages.success(request, "The address is deleted.")
    return redirect("storefront:account_addresses")


@login_required(login_url=LOGIN_URL)
@require_POST
def address_set_default(request, address_id: int, address_type: str):
    if address_type not in {kind.value for kind in AddressType}:
        raise Http404("No such kind of default address.")
    address = _own_address(request, address_id)
    account_set_default_address(
        user=request.user, address_id=address.pk, address_type=AddressType(address_type)
    )
    messages.success(request, f"This is now your default {address_type} address.")
    return redirect("storefront:account_addresses")
