"""What every order mutation shares: id lookups and OrderError payloads."""

from django.core.exceptions import ValidationError
from graphql_relay import to_global_id

from backend.core.errors import error_items
from backend.order.errors import OrderErrorCode, order_error
from backend.order.models import Order as OrderModel

from ...core.errors import error_params
from ...core.ids import uuid_from_global_id
from ...core.mutations import BaseMutation, decode_global_id
from ..lookup import order_queryset


def order_pk_from_global_id(global_id: str, *, field: str = "id") -> int:
    """Return the primary key of the order a global id names."""
    token = uuid_from_global_id(global_id, type_name="Order", field=field)
    pk = OrderModel.objects.filter(token=token).values_list("pk", flat=True).first()
    if pk is None:
        raise order_error(
            field, f"Couldn't resolve to a node: {global_id}", OrderErrorCode.NOT_FOUND
        )
    return pk


def fulfillment_pk_from_global_id(global_id: str, *, field: str = "id") -> int:
    return decode_global_id(global_id, type_names=("Fulfillment",), field_name=field)


def stock_exceeded_refusal(error: ValidationError) -> ValidationError:
    """Answer a "fulfil anyway" the stock cannot meet.

    Saleor lets stock go negative when asked; Lumbar's stock never does, so
    the dashboard's second try is refused on its own flag, not looped back
    to the same INSUFFICIENT_STOCK dialog.
    """
    if not any(
        item.code == OrderErrorCode.INSUFFICIENT_STOCK for item in error_items(error)
    ):
        return error
    return order_error(
        "allow_stock_to_be_exceeded",
        "Lumbar does not fulfil beyond the stock a warehouse holds: "
        + error_items(error)[0].message,
        OrderErrorCode.INVALID,
    )


def order_for_payload(pk: int) -> OrderModel:
    """Return the order as the payload shows it, read after the write."""
    return order_queryset().get(pk=pk)


class OrderMutation(BaseMutation):
    """A mutation answering with Saleor's OrderError (and orderErrors)."""

    class Meta:
        abstract = True

    @classmethod
    def error_payload(cls, error: ValidationError):
        payload = super().error_payload(error)
        # Carry the order lines and warehouse the domain names, as global ids.
        params = error_params(error)
        for item, extra in zip(payload.errors, params, strict=True):
            if extra.get("order_line"):
                item.order_lines = [to_global_id("OrderLine", extra["order_line"])]
            if extra.get("warehouse"):
                item.warehouse = to_global_id("Warehouse", extra["warehouse"])
            if extra.get("address_type"):
                item.address_type = extra["address_type"]
        return payload
