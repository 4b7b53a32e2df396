"""deliveryOptionsCalculate: the deliveries a checkout can choose from."""

import graphene
from django.core.exceptions import ValidationError

from ...core.errors import Error, _code_enum
from ...core.mutations import BaseMutation
from ...shipping.types import Delivery
from ..dataloaders import shipping_options
from ..lookup import checkout_token_of
from .base import requested_checkout

DeliveryOptionsCalculateErrorCode = _code_enum(
    "DeliveryOptionsCalculateErrorCode", "GRAPHQL_ERROR NOT_FOUND INVALID"
)


class DeliveryOptionsCalculateError(Error):
    code = graphene.Field(
        DeliveryOptionsCalculateErrorCode, required=True, description="The error code."
    )


class DeliveryOptionsCalculate(BaseMutation):
    deliveries = graphene.List(
        graphene.NonNull(Delivery),
        required=True,
        description="List of the available deliveries.",
    )

    class Arguments:
        id = graphene.ID(required=True, description="The ID of the checkout.")

    class Meta:
        description = "Calculates available delivery options for a checkout."
        error_type_class = DeliveryOptionsCalculateError

    @classmethod
    def clean_input(cls, info, id):
        checkout_token_of(id=id)
        return {"checkout": requested_checkout(info, id=id)}

    @classmethod
    def perform_mutation(cls, info, *, checkout):
        return cls.success(deliveries=shipping_options(info, checkout))

    @classmethod
    def error_payload(cls, error: ValidationError):
        payload = super().error_payload(error)
        payload.deliveries = []
        return payload
