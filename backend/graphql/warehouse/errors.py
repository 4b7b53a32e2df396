"""Saleor's WarehouseError and WarehouseErrorCode."""

import graphene

from ..core.errors import Error

WarehouseErrorCode = graphene.Enum(
    "WarehouseErrorCode",
    [
        (code, code)
        for code in (
            "ALREADY_EXISTS GRAPHQL_ERROR INVALID NOT_FOUND REQUIRED UNIQUE"
        ).split()
    ],
)


class WarehouseError(Error):
    code = graphene.Field(
        WarehouseErrorCode, required=True, description="The error code."
    )
    shipping_zones = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of shipping zones IDs which causes the error.",
    )
