"""Saleor's ShippingError and ShippingErrorCode."""

import graphene

from ..core.errors import Error

ShippingErrorCode = graphene.Enum(
    "ShippingErrorCode",
    [
        (code, code)
        for code in (
            "ALREADY_EXISTS GRAPHQL_ERROR INVALID MAX_LESS_THAN_MIN NOT_FOUND "
            "REQUIRED UNIQUE DUPLICATED_INPUT_ITEM"
        ).split()
    ],
)


class ShippingError(Error):
    code = graphene.Field(
        ShippingErrorCode, required=True, description="The error code."
    )
    warehouses = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of warehouse IDs which causes the error.",
    )
    channels = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of channels IDs which causes the error.",
    )
