"""checkoutAddPromoCode and checkoutRemovePromoCode: vouchers on a checkout."""

import graphene
from django.core.exceptions import ValidationError

from backend.checkout.promo_codes import (
    checkout_promo_code_add,
    checkout_promo_code_remove,
)

from ...core.mutations import BaseMutation
from ..errors import CheckoutError
from ..types import Checkout
from .base import reload_checkout, requested_checkout

CHECKOUT_ID_OLD = graphene.ID(
    description="The ID of the checkout.", deprecation_reason="Use `id` instead."
)
CHECKOUT_ID = graphene.ID(description="The checkout's ID.")
TOKEN = graphene.UUID(
    description="Checkout token.", deprecation_reason="Use `id` instead."
)


class CheckoutAddPromoCode(BaseMutation):
    checkout = graphene.Field(
        Checkout, description="The checkout with the added gift card or voucher."
    )

    class Arguments:
        checkout_id = CHECKOUT_ID_OLD
        id = CHECKOUT_ID
        promo_code = graphene.String(
            required=True, description="Gift card code or voucher code."
        )
        token = TOKEN

    class Meta:
        description = "Adds a gift card or a voucher to a checkout."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_input(cls, info, promo_code, **ids):
        return {"checkout": requested_checkout(info, **ids), "promo_code": promo_code}

    @classmethod
    def perform_mutation(cls, info, *, checkout, promo_code):
        checkout_promo_code_add(checkout_token=checkout.token, promo_code=promo_code)
        return cls.success(checkout=reload_checkout(checkout.token))


class CheckoutRemovePromoCode(BaseMutation):
    checkout = graphene.Field(
        Checkout, description="The checkout with the removed gift card or voucher."
    )

    class Arguments:
        checkout_id = CHECKOUT_ID_OLD
        id = CHECKOUT_ID
        promo_code = graphene.String(description="Gift card code or voucher code.")
        promo_code_id = graphene.ID(description="Gift card ID.")
        token = TOKEN

    class Meta:
        description = "Remove a gift card or a voucher from a checkout."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_input(cls, info, promo_code=None, promo_code_id=None, **ids):
        checkout = requested_checkout(info, **ids)
        if promo_code_id is not None:
            # Saleor's promoCodeId names a gift card; Lumbar sells none.
            raise ValidationError(
                {
                    "promoCodeId": ValidationError(
                        f"Couldn't resolve to a node: {promo_code_id}",
                        code="NOT_FOUND",
                    )
                }
            )
        if promo_code is None:
            raise ValidationError(
                {
                    "promoCode": ValidationError(
                        "Either promoCode or promoCodeId is required.",
                        code="REQUIRED",
                    )
                }
            )
        return {"checkout": checkout, "promo_code": promo_code}

    @classmethod
    def perform_mutation(cls, info, *, checkout, promo_code):
        checkout_promo_code_remove(checkout_token=checkout.token, promo_code=promo_code)
        return cls.success(checkout=reload_checkout(checkout.token))
