"""orderNoteUpdate: edit a staff note on an order's timeline."""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.order.services import order_note_update

from ...core.errors import Error, _code_enum
from ...core.mutations import BaseMutation, decode_global_id
from ..types import Order, OrderEvent
from .base import order_for_payload
from .order_note_add import OrderNoteInput

OrderNoteUpdateErrorCode = _code_enum(
    "OrderNoteUpdateErrorCode", "GRAPHQL_ERROR NOT_FOUND REQUIRED"
)


class OrderNoteUpdateError(Error):
    code = graphene.Field(OrderNoteUpdateErrorCode, description="The error code.")


class OrderNoteUpdate(BaseMutation):
    order = graphene.Field(Order, description="Order with the note updated.")
    event = graphene.Field(OrderEvent, description="Order note updated.")

    class Arguments:
        note = graphene.ID(required=True, description="ID of the note.")
        input = OrderNoteInput(
            required=True, description="Fields required to create a note for the order."
        )

    class Meta:
        description = "Updates note of an order."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderNoteUpdateError

    @classmethod
    def clean_input(cls, info, note, input):
        return {
            "note_id": decode_global_id(
                note, type_names=("OrderEvent",), field_name="note"
            ),
            "message": input["message"],
            "user": info.context.user,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        event = order_note_update(**cleaned)
        return cls.success(order=order_for_payload(event.order_id), event=event)

    @classmethod
    def error_payload(cls, error: ValidationError):
        # INVALID (a note too long) has no place in this enum.
        return super().error_payload(
            ValidationError(
                {
                    field: [
                        ValidationError(
                            item.message,
                            code=item.code
                            if item.code in {"NOT_FOUND", "REQUIRED"}
                            else "GRAPHQL_ERROR",
                        )
                        for item in items
                    ]
                    for field, items in error.error_dict.items()
                }
            )
            if hasattr(error, "error_dict")
            else error
        )
