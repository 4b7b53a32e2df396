"""Checkout queries and the list of checkout mutations."""

import graphene
from django.core.exceptions import ValidationError
from graphql import GraphQLError

from backend.checkout.access import checkout_may_use

from .lookup import (
    checkout_token_of,
    reload_checkout,
)
from .mutations.complete import CheckoutComplete
from .mutations.create import CheckoutCreate
from .mutations.delivery_options import DeliveryOptionsCalculate
from .mutations.details import (
    CheckoutBillingAddressUpdate,
    CheckoutCustomerAttach,
    CheckoutCustomerDetach,
    CheckoutDeliveryMethodUpdate,
    CheckoutEmailUpdate,
    CheckoutShippingAddressUpdate,
    CheckoutShippingMethodUpdate,
)
from .mutations.lines import (
    CheckoutLineDelete,
    CheckoutLinesAdd,
    CheckoutLinesDelete,
    CheckoutLinesUpdate,
)
from .mutations.promo_code import CheckoutAddPromoCode, CheckoutRemovePromoCode
from .types import Checkout


class CheckoutQueries(graphene.ObjectType):
    checkout = graphene.Field(
        Checkout,
        id=graphene.Argument(graphene.ID, description="The checkout's ID."),
        token=graphene.Argument(
            graphene.UUID,
            description="The checkout's token.",
            deprecation_reason="Use `id` instead.",
        ),
        description="Look up a checkout by id.\n\nRequires one of the following "
        "permissions to query a checkout, if a checkout is in inactive channel: "
        "MANAGE_CHECKOUTS, IMPERSONATE_USER, HANDLE_PAYMENTS.",
    )

    @staticmethod
    def resolve_checkout(root, info, id=None, token=None):
        try:
            checkout_token = checkout_token_of(id=id, token=token)
        except ValidationError as error:
            raise GraphQLError(error.messages[0]) from None
        checkout = reload_checkout(checkout_token)
        if checkout is None:
            return None
        user = getattr(info.context, "user", None)
        if not checkout_may_use(user=user, checkout=checkout):
            return None
        return checkout


class CheckoutMutations(graphene.ObjectType):
    checkout_create = CheckoutCreate.Field()
    checkout_lines_add = CheckoutLinesAdd.Field()
    checkout_lines_update = CheckoutLinesUpdate.Field()
    checkout_lines_delete = CheckoutLinesDelete.Field()
    checkout_line_delete = CheckoutLineDelete.Field(
        deprecation_reason="Use `checkoutLinesDelete` instead."
    )
    checkout_email_update = CheckoutEmailUpdate.Field()
    checkout_shipping_address_update = CheckoutShippingAddressUpdate.Field()
    checkout_billing_address_update = CheckoutBillingAddressUpdate.Field()
    checkout_delivery_method_update = CheckoutDeliveryMethodUpdate.Field()
    checkout_shipping_method_update = CheckoutShippingMethodUpdate.Field(
        deprecation_reason="Use `checkoutDeliveryMethodUpdate` instead."
    )
    checkout_customer_attach = CheckoutCustomerAttach.Field()
    checkout_customer_detach = CheckoutCustomerDetach.Field()
    checkout_add_promo_code = CheckoutAddPromoCode.Field()
    checkout_remove_promo_code = CheckoutRemovePromoCode.Field()
    checkout_complete = CheckoutComplete.Field()
    delivery_options_calculate = DeliveryOptionsCalculate.Field()
