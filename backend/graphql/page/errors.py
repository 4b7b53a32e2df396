"""PageError and PageErrorCode, as Saleor names them."""

import graphene

from ..core.errors import Error

PageErrorCode = graphene.Enum(
    "PageErrorCode",
    [
        (code, code)
        for code in (
            "GRAPHQL_ERROR INVALID NOT_FOUND REQUIRED UNIQUE DUPLICATED_INPUT_ITEM "
            "ATTRIBUTE_ALREADY_ASSIGNED"
        ).split()
    ],
)


class PageError(Error):
    code = graphene.Field(PageErrorCode, required=True, description="The error code.")
    attributes = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of attributes IDs which causes the error.",
    )
    values = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of attribute values IDs which causes the error.",
    )
