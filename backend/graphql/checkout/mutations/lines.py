"""checkoutLinesAdd, checkoutLinesUpdate and checkoutLinesDelete."""

import graphene
from django.core.exceptions import ValidationError

from backend.checkout.models import CheckoutLine
from backend.checkout.services import (
    checkout_lines_add,
    checkout_lines_delete,
    checkout_lines_update,
)

from ...core.ids import uuid_from_global_id
from ...core.mutations import BaseMutation
from ..errors import CheckoutError
from ..inputs import (
    CheckoutLineInput,
    CheckoutLineUpdateInput,
    lines_to_add,
    refuse_price_override,
    variant_pk,
)
from ..types import Checkout
from .base import reload_checkout, requested_checkout, requestor

CHECKOUT_ID_ARGS = {
    "id": graphene.ID(description="The checkout's ID."),
    "token": graphene.UUID(
        description="Checkout token.",
        deprecation_reason="Use `id` instead.",
    ),
}


class CheckoutLinesAdd(BaseMutation):
    checkout = graphene.Field(Checkout, description="An updated checkout.")

    class Arguments:
        checkout_id = graphene.ID(
            description="The ID of the checkout.",
            deprecation_reason="Use `id` instead.",
        )
        id = CHECKOUT_ID_ARGS["id"]
        lines = graphene.List(
            graphene.NonNull(CheckoutLineInput),
            required=True,
            description="A list of checkout lines, each containing information about "
            "an item in the checkout.",
        )
        token = CHECKOUT_ID_ARGS["token"]

    class Meta:
        description = (
            "Adds a checkout line to the existing checkout. If line was already in "
            "checkout, its quantity will be increased."
        )
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_input(cls, info, lines, **ids):
        checkout = requested_checkout(info, **ids)
        return {"checkout": checkout, "lines": lines_to_add(lines)}

    @classmethod
    def perform_mutation(cls, info, *, checkout, lines):
        checkout_lines_add(
            checkout_token=checkout.token, lines=lines, user=requestor(info)
        )
        return cls.success(checkout=reload_checkout(checkout.token))


def _update_pairs(checkout, lines) -> list[tuple[int, int]]:
    """Return (variant pk, quantity) pairs of CheckoutLineUpdateInput items."""
    refuse_price_override(lines)
    line_pks = {
        str(
            uuid_from_global_id(
                line["line_id"], type_name="CheckoutLine", field="lineId"
            )
        )
        for line in lines
        if line.get("line_id")
    }
    variants_of_lines = {
        str(pk): variant_id
        for pk, variant_id in CheckoutLine.objects.filter(
            checkout=checkout, pk__in=line_pks
        ).values_list("pk", "variant_id")
    }
    pairs = []
    for line in lines:
        if line.get("quantity") is None:
            raise ValidationError(
                {"quantity": ValidationError("Quantity is required.", code="REQUIRED")}
            )
        if line.get("line_id"):
            pk = str(
                uuid_from_global_id(
                    line["line_id"], type_name="CheckoutLine", field="lineId"
                )
            )
            if pk not in variants_of_lines:
                raise ValidationError(
                    {
                        "lineId": ValidationError(
                            f"Couldn't resolve to a node: {line['line_id']}",
                            code="NOT_FOUND",
                        )
                    }
                )
            pairs.append((variants_of_lines[pk], line["quantity"]))
        elif line.get("variant_id"):
            pairs.append((variant_pk(line["variant_id"]), line["quantity"]))
        else:
            raise ValidationError(
                {
                    "lineId": ValidationError(
                        "Provide lineId or variantId.", code="REQUIRED"
                    )
                }
            )
    return pairs


class CheckoutLinesUpdate(BaseMutation):
    checkout = graphene.Field(Checkout, description="An updated checkout.")

    class Arguments:
        checkout_id = graphene.ID(
            description="The ID of the checkout.",
            deprecation_reason="Use `id` instead.",
        )
        id = CHECKOUT_ID_ARGS["id"]
        lines = graphene.List(
            graphene.NonNull(CheckoutLineUpdateInput),
            required=True,
            description="A list of checkout lines, each containing information about "
            "an item in the checkout.",
        )
        token = CHECKOUT_ID_ARGS["token"]

    class Meta:
        description = "Updates checkout line in the existing checkout."
        error_type_class = CheckoutError
        error_type_field = "checkout_errors"

    @classmethod
    def clean_input(cls, info, lines, **ids):
        checkout = requested_checkout(info, **ids)
        return {"checkout": checkout, "lines": _update_pairs(checkout, lines)}

    @classmethod
    def perform_mutation(cls, info, *, checkout, lines):
        checkout_lines_update(
            checkout_token=checkout.token, lines=lines, user=requestor(info)
        )
        return cls.success(checkout=reload_checkout(checkout.token))


class CheckoutLinesDelete(BaseMutation):
    checkout = graphene.Field(Checkout, description="An updated checkout.")

    class Arguments:
        id = CHECKOUT_ID_ARGS["id"]
        lines_ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="A list of checkout lines.",
        )
        token = CHECKOUT_ID_ARGS["token"]

    class Meta:
        description = "Deletes checkout lines."
        error_type_class = CheckoutError

    @classmethod
    def clean_input(cls, info, lines_ids, **ids):
        checkout = requested_checkout(info, **ids)
        line_ids = [
            uuid_from_global_id(value, type_name="CheckoutLine", field="lineId")
            for value in lines_ids
        ]
        return {"checkout": checkout, "line_ids": line_ids}

    @classmethod
    def perform_mutation(cls, info, *, checkout, line_ids):
        checkout_lines_delete(checkout_token=checkout.token, line_ids=line_ids)
        return cls.success(checkout=reload_checkout(checkout.token))


class CheckoutLineDelete(BaseMutation):
    """Saleor's one-line delete, dropped upstream but still in its storefront."""

    checkout = graphene.Field(Checkout, description="An updated checkout.")

    class Arguments:
        checkout_id = graphene.ID(
            description="The ID of the checkout.",
            deprecation_reason="Use `id` instead.",
        )
        id = CHECKOUT_ID_ARGS["id"]
        line_id = graphene.ID(description="ID of the checkout line to delete.")
        token = CHECKOUT_ID_ARGS["token"]

    class Meta:
        description = "Deletes a CheckoutLine."
        error_type_class = CheckoutError

    @classmethod
    def clean_input(cls, info, line_id=None, **ids):
        checkout = requested_checkout(info, **ids)
        line = uuid_from_global_id(line_id, type_name="CheckoutLine", field="lineId")
        return {"checkout": checkout, "line_ids": [line]}

    @classmethod
    def perform_mutation(cls, info, *, checkout, line_ids):
        checkout_lines_delete(checkout_token=checkout.token, line_ids=line_ids)
        return cls.success(checkout=reload_checkout(checkout.token))
