"""orderNoteAdd: add a staff note to an order's timeline."""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.order.services import order_note_add

from ...core.input_columns import input_columns_refusal
from ...core.mutations import BaseMutation
from ..errors import OrderNoteAddError
from ..types import Order, OrderEvent
from .base import order_for_payload, order_pk_from_global_id


class OrderNoteInput(graphene.InputObjectType):
    message = graphene.String(required=True, description="Note message.")


def _as_note_error(error: ValidationError) -> ValidationError:
    """Keep REQUIRED; every other code is GRAPHQL_ERROR in this enum."""
    return ValidationError(
        {
            field: [
                ValidationError(
                    item.message,
                    code=item.code if item.code == "REQUIRED" else "GRAPHQL_ERROR",
                    params=item.params,
                )
                for item in items
            ]
            for field, items in error.error_dict.items()
        }
    )


class OrderNoteAdd(BaseMutation):
    order = graphene.Field(Order, description="Order with the note added.")
    event = graphene.Field(OrderEvent, description="Order note created.")

    class Arguments:
        order = graphene.ID(
            required=True, description="ID of the order to add a note for."
        )
        input = OrderNoteInput(
            required=True, description="Fields required to create a note for the order."
        )

    class Meta:
        description = "Adds note to the order."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderNoteAddError

    @classmethod
    def mutate(cls, root, info, **data):
        cls.check_permissions(info)
        refusal = input_columns_refusal(cls, data)
        if refusal is not None:
            return cls.error_payload(_as_note_error(refusal))
        try:
            order_pk = order_pk_from_global_id(data["order"], field="order")
            event = order_note_add(
                order_id=order_pk,
                message=data["input"]["message"],
                user=info.context.user,
            )
        except ValidationError as error:
            return cls.error_payload(_as_note_error(error))
        return cls.success(order=order_for_payload(order_pk), event=event)
