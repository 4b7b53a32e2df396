"""Staff edit a placed order's customer email and addresses."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from backend.account.addresses import address_clean, address_save
from backend.account.models import User
from backend.core.metadata import metadata_update

from .errors import OrderErrorCode, order_error
from .models import Order, OrderEvent, OrderEvents, OrderStatus


def _address(data: dict, *, address_type: str) -> dict:
    try:
        return address_clean(data=data)
    except ValidationError as error:
        # Say which of the two addresses the field belongs to, as Saleor does.
        raise ValidationError(
            {
                field: [
                    ValidationError(
                        item.message,
                        code=item.code,
                        params={"address_type": address_type},
                    )
                    for item in items
                ]
                for field, items in error.error_dict.items()
            }
        ) from None


@transaction.atomic
def order_update(
    *,
    order_id: int,
    user_email: str | None = None,
    billing_address: dict | None = None,
    shipping_address: dict | None = None,
    metadata: dict[str, str] | None = None,
    private_metadata: dict[str, str] | None = None,
    user=None,
) -> Order:
    """Change the customer email or the addresses of a placed order.

    Addresses are the order's own copies: a new copy is written, so the
    customer's address book and earlier events keep what they showed.
    """
    email = None
    if user_email is not None:
        email = user_email.strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise order_error(
                "user_email", "Enter a valid email address.", OrderErrorCode.INVALID
            ) from None
    billing = (
        _address(billing_address, address_type="BILLING")
        if billing_address is not None
        else None
    )
    shipping = (
        _address(shipping_address, address_type="SHIPPING")
        if shipping_address is not None
        else None
    )
    order = Order.objects.select_for_update().filter(pk=order_id).first()
    if order is None:
        raise order_error("id", "Order not found.", OrderErrorCode.NOT_FOUND)
    if order.status == OrderStatus.CANCELED and (billing or shipping):
        raise order_error(
            "id", "A canceled order's addresses cannot change.", OrderErrorCode.INVALID
        )
    actor = user if user is not None and user.is_authenticated else None
    fields = ["updated_at"]
    if email is not None:
        order.user_email = email
        # As Saleor does: the order belongs to the account with that email.
        order.user = User.objects.filter(email__iexact=email).first()
        fields += ["user_email", "user"]
    for address_type, data in (("billing", billing), ("shipping", shipping)):
        if data is None:
            continue
        setattr(order, f"{address_type}_address", address_save(address=None, data=data))
        fields.append(f"{address_type}_address")
        OrderEvent.objects.create(
            order=order,
            type=OrderEvents.UPDATED_ADDRESS,
            user=actor,
            parameters={"address_type": address_type},
        )
    order.save(update_fields=fields)
    if metadata:
        metadata_update(instance=order, items=metadata)
    if private_metadata:
        metadata_update(instance=order, items=private_metadata, private=True)
    return order
