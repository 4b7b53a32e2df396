"""Find the checkout a query or mutation names, and refuse other people's.

Saleor's rule: the id is the secret. Whoever holds a checkout's id may read
and change it while its channel is active, whether it belongs to a guest or
to a customer (a storefront's server reads a signed-in shopper's bag without
their token). Only attaching and detaching a customer check the owner. In an
inactive channel the query answers only staff who manage checkouts, and the
mutations refuse with CHANNEL_INACTIVE.
"""

import uuid

from django.core.exceptions import ValidationError
from graphql import GraphQLError

# Re-exported for the mutations that name who else may act on a checkout.
from backend.checkout.access import CHECKOUT_MANAGERS  # noqa: F401
from backend.checkout.models import Checkout
from backend.checkout.selectors import checkout_by_token

from ..core.ids import uuid_from_global_id


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


# The relations a checkout payload reads, loaded with the checkout.
PAYLOAD_RELATIONS = (
    "channel",
    "shipping_address",
    "billing_address",
    "shipping_method",
    "user",
)


def checkout_for_requestor(
    info, token, *, relations=PAYLOAD_RELATIONS, lock: bool = False
) -> Checkout:
    """Return the checkout the requestor may use, or raise NOT_FOUND or refuse.

    ``relations`` (the channel always among them) are read with it. ``lock``
    reads its row FOR UPDATE: a mutation that writes it checks the requestor
    on the row its write uses, in one read (inside the open transaction).
    """
    checkout = checkout_by_token(token, relations=relations, lock=lock)
    if checkout is None:
        raise ValidationError(
            {
                "id": ValidationError(
                    f"Couldn't resolve to a node: {token}", code="NOT_FOUND"
                )
            }
        )
    if not checkout.channel.is_active:
        raise ValidationError(
            {
                "channel": ValidationError(
                    "Cannot perform mutation on a checkout in an inactive channel.",
                    code="CHANNEL_INACTIVE",
                )
            }
        )
    return checkout


def reload_checkout(checkout_token) -> Checkout | None:
    """Return the checkout as a payload shows it, with its relations loaded."""
    return checkout_by_token(checkout_token, relations=PAYLOAD_RELATIONS)
