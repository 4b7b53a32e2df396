"""orderUpdate: staff change a placed order's customer email and addresses."""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.order.updates import order_update

from ...checkout.inputs import address_data
from ...core.address import AddressInput
from ...core.enums import LanguageCodeEnum
from ...core.inputs import MetadataInput
from ..errors import OrderError
from ..types import Order
from .base import OrderMutation, order_for_payload, order_pk_from_global_id


class OrderUpdateInput(graphene.InputObjectType):
    billing_address = AddressInput(description="Billing address of the customer.")
    user_email = graphene.String(description="Email address of the customer.")
    shipping_address = AddressInput(description="Shipping address of the customer.")
    external_reference = graphene.String(
        description="External ID of this order. Lumbar's orders carry none."
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Order public metadata."
    )
    private_metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Order private metadata."
    )
    language_code = graphene.Argument(
        LanguageCodeEnum,
        description="Order language code. Lumbar's orders keep none.",
    )


def _not_kept(input) -> None:
    for key, name in (
        ("external_reference", "externalReference"),
        ("language_code", "languageCode"),
    ):
        if input.get(key) is not None:
            raise ValidationError(
                {
                    name: ValidationError(
                        f"Lumbar's orders keep no {name}.", code="INVALID"
                    )
                }
            )


class OrderUpdate(OrderMutation):
    order = graphene.Field(Order, description="Updated order.")

    class Arguments:
        id = graphene.ID(description="ID of an order to update.")
        external_reference = graphene.String(
            description="External ID of an order to update. Lumbar's orders carry none."
        )
        input = OrderUpdateInput(
            required=True, description="Fields required to update an order."
        )

    class Meta:
        description = "Updates an order."
        permissions = (PermissionEnum.MANAGE_ORDERS,)
        error_type_class = OrderError
        error_type_field = "order_errors"

    @classmethod
    def clean_input(cls, info, input, id=None, external_reference=None):
        if id is None:
            raise ValidationError(
                {"id": ValidationError("Provide the order's id.", code="REQUIRED")}
            )
        _not_kept(input)
        billing = input.get("billing_address")
        shipping = input.get("shipping_address")
        return {
            "order_id": order_pk_from_global_id(id),
            "user_email": input.get("user_email"),
            "billing_address": address_data(billing) if billing is not None else None,
            "shipping_address": address_data(shipping)
            if shipping is not None
            else None,
            "metadata": {m["key"]: m["value"] for m in input.get("metadata") or []},
            "private_metadata": {
                m["key"]: m["value"] for m in input.get("private_metadata") or []
            },
            "user": info.context.user,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        order = order_update(**cleaned)
        return cls.success(order=order_for_payload(order.pk))
