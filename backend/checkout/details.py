"""Checkout writes besides lines: email, addresses, delivery method."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from prices import Money

from backend.shipping.models import ShippingMethod
from backend.shipping.selectors import shipping_methods_applicable

from .addresses import address_clean, address_save
from .errors import CheckoutErrorCode, checkout_error
from .models import Checkout
from .selectors import CheckoutLineInfo, checkout_lines_info, lines_subtotal
from .services import checkout_locked


def checkout_email_update(
    *,
    checkout_token: UUID | str | None = None,
    checkout: Checkout | None = None,
    email: str,
) -> Checkout:
    """Set the email the order confirmation goes to.

    The checkout is named by its token, or given locked (``checkout_locked``).
    """
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise checkout_error(
            field="email",
            code=CheckoutErrorCode.INVALID,
            message="Enter a valid email address.",
        ) from None
    with checkout_locked(checkout_token=checkout_token, checkout=checkout) as locked:
        locked.email = email.lower()
        locked.save(update_fields=["email", "last_change"])
    return locked


def checkout_shipping_address_update(
    *,
    checkout_token: UUID | str | None = None,
    checkout: Checkout | None = None,
    address: dict,
) -> Checkout:
    """Set the shipping address, validated for its country.

    The checkout is named by its token, or given locked (``checkout_locked``).
    """
    return _address_update(
        "shipping_address",
        checkout_token=checkout_token,
        checkout=checkout,
        data=address,
    )


def checkout_billing_address_update(
    *,
    checkout_token: UUID | str | None = None,
    checkout: Checkout | None = None,
    address: dict,
) -> Checkout:
    """Set the billing address, validated for its country.

    The checkout is named by its token, or given locked (``checkout_locked``).
    """
    return _address_update(
        "billing_address",
        checkout_token=checkout_token,
        checkout=checkout,
        data=address,
    )


def _address_update(
    field: str, *, checkout_token: UUID | str | None, checkout: Checkout | None, data
) -> Checkout:
    cleaned = address_clean(data=data)
    with checkout_locked(
        checkout_token=checkout_token, checkout=checkout, relations=("channel", field)
    ) as locked:
        setattr(
            locked, field, address_save(address=getattr(locked, field), data=cleaned)
        )
        locked.save(update_fields=[field, "last_change"])
    return locked


def checkout_shipping_method_applies(
    *,
    checkout: Checkout,
    method_id: int,
    subtotal: Money | None = None,
    lines: list[CheckoutLineInfo] | None = None,
) -> bool:
    """Tell whether the method ships the checkout to its address.

    ``lines`` (``checkout_lines_info``) and ``subtotal`` are read when not given.
    """
    if checkout.shipping_address is None:
        return False
    if lines is None:
        lines = checkout_lines_info(checkout=checkout)
    if subtotal is None:
        subtotal = lines_subtotal(checkout=checkout, lines=lines)
    options = shipping_methods_applicable(
        channel_id=checkout.channel_id,
        country=checkout.shipping_address.country.code,
        subtotal=subtotal,
        product_ids={info.line.variant.product_id for info in lines},
    )
    return any(option.method.pk == method_id for option in options)


def checkout_delivery_method_update(
    *,
    checkout_token: UUID | str | None = None,
    checkout: Checkout | None = None,
    shipping_method_id: int,
) -> Checkout:
    """Choose a shipping method that ships to the checkout's address.

    The checkout is named by its token, or given locked (``checkout_locked``).
    """
    with checkout_locked(
        checkout_token=checkout_token,
        checkout=checkout,
        relations=("channel", "shipping_address"),
    ) as locked:
        # A method that applies exists: look it up only to tell why not.
        applies = locked.shipping_address is not None and (
            checkout_shipping_method_applies(
                checkout=locked, method_id=shipping_method_id
            )
        )
        if (
            not applies
            and not ShippingMethod.objects.filter(pk=shipping_method_id).exists()
        ):
            raise checkout_error(
                field="deliveryMethodId",
                code=CheckoutErrorCode.NOT_FOUND,
                message=f"Couldn't resolve to a node: {shipping_method_id}",
            )
        if locked.shipping_address is None:
            raise checkout_error(
                field="shippingAddress",
                code=CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET,
                message="Cannot choose a shipping method for a checkout without "
                "a shipping address.",
            )
        if not applies:
            raise checkout_error(
                field="deliveryMethodId",
                code=CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE,
                message="This shipping method is not applicable.",
            )
        locked.shipping_method_id = shipping_method_id
        locked.save(update_fields=["shipping_method", "last_change"])
    return locked


def checkout_customer_attach(
    *, checkout_token: UUID | str | None = None, checkout: Checkout | None = None, user
) -> Checkout:
    """Make the signed-in customer the checkout's owner, as Saleor does on login.

    The checkout is named by its token, or given locked (``checkout_locked``).
    """
    if user is None or not user.is_authenticated:
        raise checkout_error(
            field="customerId",
            code=CheckoutErrorCode.INVALID,
            message="Only a signed-in customer can be attached.",
        )
    with checkout_locked(checkout_token=checkout_token, checkout=checkout) as locked:
        if locked.user_id not in (None, user.pk):
            raise checkout_error(
                field="customerId",
                code=CheckoutErrorCode.INVALID,
                message="This checkout belongs to another customer.",
            )
        locked.user = user
        locked.email = user.email
        locked.save(update_fields=["user", "email", "last_change"])
    return locked


def checkout_customer_detach(
    *, checkout_token: UUID | str | None = None, checkout: Checkout | None = None
) -> Checkout:
    """Remove the owner so the checkout continues as a guest's.

    The checkout is named by its token, or given locked (``checkout_locked``).
    """
    with checkout_locked(checkout_token=checkout_token, checkout=checkout) as locked:
        locked.user = None
        locked.save(update_fields=["user", "last_change"])
    return locked
