"""Find the checkout a query or mutation names, and refuse other people's.

Saleor's rule: whoever holds a guest checkout's id may use it; a checkout
that belongs to a customer is theirs alone (or staff's who manage
checkouts).
"""

import binascii
import uuid

from django.core.exceptions import ValidationError
from graphql import GraphQLError
from graphql_relay import from_global_id

from backend.checkout.models import Checkout
from backend.core.permissions import PermissionEnum, user_has_any_permission

from ..core.mutations import PermissionDenied

CHECKOUT_MANAGERS = (PermissionEnum.MANAGE_CHECKOUTS, PermissionEnum.IMPERSONATE_USER)


def _invalid_id(field: str, value) -> ValidationError:
    return ValidationError(
        {field: ValidationError(f"Couldn't resolve id: {value}.", code="GRAPHQL_ERROR")}
    )


def uuid_from_global_id(value: str, *, type_name: str, field: str) -> uuid.UUID:
    """Return the UUID a global id of this type names, or raise a field error."""
    try:
        found_type, raw = from_global_id(value or "")
        if found_type != type_name:
            raise ValueError(found_type)
        return uuid.UUID(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise _invalid_id(field, value) from None


def checkout_token_of(*, id=None, token=None, checkout_id=None) -> uuid.UUID:
    """Return the token of the checkout named by one of Saleor's arguments."""
    given = [value for value in (id, token, checkout_id) if value is not None]
    if len(given) != 1:
        raise ValidationError(
            {
                "id": ValidationError(
                    "Provide exactly one of: id, token, checkoutId.",
                    code="GRAPHQL_ERROR",
                )
            }
        )
    if token is not None:
        return token
    field = "id" if id is not None else "checkoutId"
    return uuid_from_global_id(given[0], type_name="Checkout", field=field)


def authentication_required() -> GraphQLError:
    """Return Saleor's refusal of a call only a signed-in customer may make."""
    return GraphQLError(
        "To access this path, you need one of the following permissions: "
        "AUTHENTICATED_USER",
        extensions={
            "exception": {
                "code": "PermissionDenied",
                "permissions": ["AUTHENTICATED_USER"],
            }
        },
    )


def may_use_checkout(user, checkout: Checkout) -> bool:
    """Tell whether this requestor may read or change the checkout."""
    if checkout.user_id is None:
        return True
    if user is not None and user.is_authenticated and user.pk == checkout.user_id:
        return True
    return user_has_any_permission(user, *CHECKOUT_MANAGERS)


def checkout_for_requestor(info, token) -> Checkout:
    """Return the checkout the requestor may use, or raise NOT_FOUND or refuse."""
    checkout = (
        Checkout.objects.select_related(
            "channel", "shipping_address", "billing_address", "shipping_method", "user"
        )
        .by_token(token)
        .first()
    )
    if checkout is None:
        raise ValidationError(
            {
                "id": ValidationError(
                    f"Couldn't resolve to a node: {token}", code="NOT_FOUND"
                )
            }
        )
    if not may_use_checkout(getattr(info.context, "user", None), checkout):
        raise PermissionDenied(CHECKOUT_MANAGERS)
    return checkout


def reload_checkout(checkout_token) -> Checkout | None:
    """Return the checkout as a payload shows it, with its relations loaded."""
    return (
        Checkout.objects.select_related(
            "channel", "shipping_address", "billing_address", "shipping_method", "user"
        )
        .by_token(checkout_token)
        .first()
    )
