"""checkoutComplete: turn a paid checkout into an order."""

import graphene
from django.core.exceptions import ValidationError

from backend.account.links import redirect_url_clean
from backend.checkout.complete import checkout_complete
from backend.checkout.selectors import checkout_channel_active
from backend.order.models import Order as OrderModel

from ...core.inputs import MetadataInput
from ...core.mutations import BaseMutation
from ...order.types import Order
from ..errors import CheckoutError
from ..lookup import checkout_token_of
from .base import requestor


class CheckoutComplete(BaseMutation):
    order = graphene.Field(Order, description="Placed order.")
    confirmation_needed = graphene.Boolean(
        required=True,
        description="Set to true if payment needs to be confirmed before checkout is "
        "complete.",
    )
    confirmation_data = graphene.JSONString(
        description="Confirmation data used to process additional authorization steps."
    )

    class Arguments:
        checkout_id = graphene.ID(
            description="The ID of the checkout.",
            deprecation_reason="Use `id` instead.",
        )
        id = graphene.ID(description="The checkout's ID.")
        metadata = graphene.List(
            graphene.NonNull(MetadataInput),
            description="Fields required to update the checkout metadata.",
        )
        payment_data = graphene.JSONString(
            description="Client-side generated data required to finalize the payment."
        )
        redirect_url = graphene.String(
            description="URL of a view where users should be redirected to see the "
            "order details."
        )
        store_source = graphene.Boolean(
            default_value=False,
            description="Determines whether to store the payment source for future "
            "usage.",
        )
        token = graphene.UUID(
            description="Checkout token.", deprecation_reason="Use `id` instead."
        )

    class Meta:
        description = (
            "Completes the checkout. The checkout's transactions must cover its "
            "total; calling it again for a completed checkout returns the same order."
        )
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_input(
        cls, info, id=None, token=None, checkout_id=None, redirect_url=None, **_
    ):
        if redirect_url:
            # Unused here, but refused as Saleor refuses it: a client must not
            # learn that a foreign or misleading link would be accepted.
            redirect_url_clean(redirect_url=redirect_url)
        checkout_token = checkout_token_of(id=id, token=token, checkout_id=checkout_id)
        # Whether it exists and its channel is active; the service reads the rest.
        channel_active = checkout_channel_active(checkout_token)
        user = getattr(info.context, "user", None)
        if channel_active is False:
            raise ValidationError(
                {
                    "channel": ValidationError(
                        "Cannot perform mutation on a checkout in an inactive channel.",
                        code="CHANNEL_INACTIVE",
                    )
                }
            )
        if channel_active is None:
            # Completed already: only whoever may read the order gets it back.
            order = OrderModel.objects.filter(
                checkout_token=str(checkout_token)
            ).first()
            if (
                order is not None
                and order.user_id is not None
                and (user is None or user.pk != order.user_id)
            ):
                raise ValidationError(
                    {
                        "id": ValidationError(
                            f"Couldn't resolve to a node: {checkout_token}",
                            code="NOT_FOUND",
                        )
                    }
                )
        return {"checkout_token": checkout_token}

    @classmethod
    def error_payload(cls, error: ValidationError):
        payload = super().error_payload(error)
        payload.confirmation_needed = False
        return payload

    @classmethod
    def perform_mutation(cls, info, *, checkout_token):
        result = checkout_complete(checkout_token=checkout_token, user=requestor(info))
        return cls.success(
            order=result.order,
            confirmation_needed=result.confirmation_needed,
            confirmation_data=result.confirmation_data or None,
        )
