"""checkoutEmailUpdate, the address updates and the delivery method."""

import graphene
from django.core.exceptions import ValidationError
from django.db import transaction

from backend.checkout.details import (
    checkout_billing_address_update,
    checkout_customer_attach,
    checkout_customer_detach,
    checkout_delivery_method_update,
    checkout_email_update,
    checkout_shipping_address_update,
)

from ...core.address import AddressInput
from ...core.mutations import BaseMutation, PermissionDenied, decode_global_id
from ..errors import CheckoutError
from ..inputs import CheckoutAddressValidationRules, address_data
from ..lookup import CHECKOUT_MANAGERS, authentication_required
from ..types import Checkout
from .base import requested_checkout, requestor

CHECKOUT_ID = graphene.ID(description="The checkout's ID.")
TOKEN = graphene.UUID(
    description="Checkout token.", deprecation_reason="Use `id` instead."
)
CHECKOUT_ID_OLD = graphene.ID(
    description="The ID of the checkout.", deprecation_reason="Use `id` instead."
)


class _CheckoutDetail(BaseMutation):
    """Find the checkout, call one service, return the checkout.

    The checkout is read once, FOR UPDATE, in the transaction its write
    runs in: ``clean_locked`` looks it up (refusing whom it must, in the
    order Saleor checks) and parses the rest; the service writes that row.
    A refusal rolls back before anything is written.
    """

    checkout = graphene.Field(Checkout, description="An updated checkout.")

    class Meta:
        abstract = True

    @classmethod
    def clean_locked(cls, info, **data) -> dict:
        """Return the service's arguments: the locked checkout, the rest as given.

        A mutation whose arguments need parsing or checks of their own says so.
        """
        return {"checkout": locked_checkout(info, **_ids(data)), **data}

    @classmethod
    def perform_mutation(cls, info, **data):
        with transaction.atomic():
            cleaned = cls.clean_locked(info, **data)
            updated = cls.service(info, **cleaned)
        return cls.success(checkout=updated)


def locked_checkout(info, **ids):
    """Return the requested checkout, its row locked, with a payload's relations."""
    return requested_checkout(info, lock=True, **ids)


def _ids(data: dict) -> dict:
    return {key: data.pop(key) for key in ("id", "token", "checkout_id") if key in data}


class CheckoutEmailUpdate(_CheckoutDetail):
    class Arguments:
        checkout_id = CHECKOUT_ID_OLD
        email = graphene.String(required=True, description="email.")
        id = CHECKOUT_ID
        token = TOKEN

    class Meta:
        description = "Updates email address in the existing checkout object."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def service(cls, info, *, checkout, email):
        return checkout_email_update(checkout=checkout, email=email)


class CheckoutShippingAddressUpdate(_CheckoutDetail):
    class Arguments:
        id = CHECKOUT_ID
        save_address = graphene.Boolean(
            default_value=True,
            description="Indicates whether the shipping address should be saved to "
            "the user’s address book upon checkout completion.",
        )
        shipping_address = AddressInput(
            required=True,
            description="The mailing address to where the checkout will be shipped.",
        )
        token = TOKEN
        validation_rules = CheckoutAddressValidationRules(
            description="The rules for changing validation for received shipping "
            "address data."
        )

    class Meta:
        description = "Update shipping address in the existing checkout."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_locked(cls, info, shipping_address, **data):
        return {
            "checkout": locked_checkout(info, **_ids(data)),
            "address": address_data(shipping_address),
        }

    @classmethod
    def service(cls, info, *, checkout, address):
        return checkout_shipping_address_update(checkout=checkout, address=address)


class CheckoutBillingAddressUpdate(_CheckoutDetail):
    class Arguments:
        billing_address = AddressInput(
            required=True, description="The billing address of the checkout."
        )
        id = CHECKOUT_ID
        save_address = graphene.Boolean(
            default_value=True,
            description="Indicates whether the billing address should be saved to "
            "the user’s address book upon checkout completion.",
        )
        token = TOKEN
        validation_rules = CheckoutAddressValidationRules(
            description="The rules for changing validation for received billing "
            "address data."
        )

    class Meta:
        description = "Update billing address in the existing checkout."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_locked(cls, info, billing_address, **data):
        return {
            "checkout": locked_checkout(info, **_ids(data)),
            "address": address_data(billing_address),
        }

    @classmethod
    def service(cls, info, *, checkout, address):
        return checkout_billing_address_update(checkout=checkout, address=address)


def shipping_method_pk(value: str, field: str) -> int:
    """Return the method pk of a ShippingMethod or CheckoutDelivery id."""
    return decode_global_id(
        value, type_names=("CheckoutDelivery", "ShippingMethod"), field_name=field
    )


class CheckoutDeliveryMethodUpdate(_CheckoutDetail):
    class Arguments:
        delivery_method_id = graphene.ID(
            description="Delivery Method ID (`Warehouse` ID or `ShippingMethod` ID or "
            "`CheckoutDelivery` ID)."
        )
        id = CHECKOUT_ID
        token = TOKEN

    class Meta:
        description = "Updates the delivery method (shipping method) of the checkout."
        error_type_class = CheckoutError

    @classmethod
    def clean_locked(cls, info, delivery_method_id=None, **ids):
        checkout = locked_checkout(info, **ids)
        if delivery_method_id is None:
            raise ValidationError(
                {
                    "deliveryMethodId": ValidationError(
                        "Choose a delivery method.", code="REQUIRED"
                    )
                }
            )
        return {
            "checkout": checkout,
            "method_pk": shipping_method_pk(delivery_method_id, "deliveryMethodId"),
        }

    @classmethod
    def service(cls, info, *, checkout, method_pk):
        return checkout_delivery_method_update(
            checkout=checkout, shipping_method_id=method_pk
        )


class CheckoutShippingMethodUpdate(_CheckoutDetail):
    class Arguments:
        checkout_id = CHECKOUT_ID_OLD
        id = CHECKOUT_ID
        shipping_method_id = graphene.ID(description="Shipping method.")
        token = TOKEN

    class Meta:
        description = "Updates the shipping method of the checkout."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_locked(cls, info, shipping_method_id=None, **ids):
        return CheckoutDeliveryMethodUpdate.clean_locked(
            info, delivery_method_id=shipping_method_id, **ids
        )

    @classmethod
    def service(cls, info, *, checkout, method_pk):
        return CheckoutDeliveryMethodUpdate.service(
            info, checkout=checkout, method_pk=method_pk
        )


class CheckoutCustomerAttach(_CheckoutDetail):
    class Arguments:
        checkout_id = CHECKOUT_ID_OLD
        customer_id = graphene.ID(
            description="ID of customer to attach to checkout. Requires "
            "IMPERSONATE_USER "
            "permission when customerId is different than the logged-in user."
        )
        id = CHECKOUT_ID
        token = TOKEN

    class Meta:
        description = "Sets the customer as the owner of the checkout."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_locked(cls, info, customer_id=None, **ids):
        user = requestor(info)
        if user is None:
            raise authentication_required()
        if customer_id is not None:
            pk = decode_global_id(
                customer_id, type_names=("User",), field_name="customerId"
            )
            if pk != user.pk:
                # Attaching someone else needs IMPERSONATE_USER; Lumbar has no
                # impersonation, so only the signed-in customer can be attached.
                raise PermissionDenied(CHECKOUT_MANAGERS[1:])
        checkout = locked_checkout(info, **ids)
        if checkout.user_id is not None and checkout.user_id != user.pk:
            # Saleor: a checkout that has an owner is not handed to another.
            raise PermissionDenied(CHECKOUT_MANAGERS[1:])
        return {"checkout": checkout, "user": user}

    @classmethod
    def service(cls, info, *, checkout, user):
        return checkout_customer_attach(checkout=checkout, user=user)


class CheckoutCustomerDetach(_CheckoutDetail):
    class Arguments:
        checkout_id = CHECKOUT_ID_OLD
        id = CHECKOUT_ID
        token = TOKEN

    class Meta:
        description = "Removes the user assigned as the owner of the checkout."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_locked(cls, info, **ids):
        user = requestor(info)
        if user is None:
            raise authentication_required()
        checkout = locked_checkout(info, **ids)
        if checkout.user_id is None or checkout.user_id != user.pk:
            # Saleor: only the owner detaches; a guest checkout has none.
            raise PermissionDenied(CHECKOUT_MANAGERS)
        return {"checkout": checkout}

    @classmethod
    def service(cls, info, *, checkout):
        return checkout_customer_detach(checkout=checkout)
