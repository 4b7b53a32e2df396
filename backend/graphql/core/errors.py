"""Saleor's mutation error types and their code enums.

A domain service raises ``django.core.exceptions.ValidationError`` keyed by
input field with a Saleor code; ``validation_error_to_list`` turns it into
the ``errors { field code message }`` entries a payload carries.
"""

import re

import graphene
from django.core.exceptions import ValidationError

from backend.core.errors import error_items


def _code_enum(name: str, codes: str) -> type[graphene.Enum]:
    return graphene.Enum(name, [(code, code) for code in codes.split()])


ProductErrorCode = _code_enum(
    "ProductErrorCode",
    "ALREADY_EXISTS ATTRIBUTE_ALREADY_ASSIGNED ATTRIBUTE_CANNOT_BE_ASSIGNED "
    "ATTRIBUTE_VARIANTS_DISABLED MEDIA_ALREADY_ASSIGNED DUPLICATED_INPUT_ITEM "
    "GRAPHQL_ERROR INVALID INVALID_PRICE PRODUCT_WITHOUT_CATEGORY NOT_PRODUCTS_IMAGE "
    "NOT_PRODUCTS_VARIANT NOT_FOUND REQUIRED UNIQUE "
    "CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT PRODUCT_NOT_ASSIGNED_TO_CHANNEL "
    "UNSUPPORTED_MEDIA_PROVIDER PREORDER_VARIANT_CANNOT_BE_DEACTIVATED "
    "INVALID_FILE_TYPE UNSUPPORTED_MIME_TYPE FILE_SIZE_LIMIT_EXCEEDED",
)
AttributeErrorCode = _code_enum(
    "AttributeErrorCode",
    "ALREADY_EXISTS GRAPHQL_ERROR INVALID NOT_FOUND REQUIRED UNIQUE",
)
MenuErrorCode = _code_enum(
    "MenuErrorCode",
    "CANNOT_ASSIGN_NODE GRAPHQL_ERROR INVALID INVALID_MENU_ITEM NO_MENU_ITEM_PROVIDED "
    "NOT_FOUND REQUIRED TOO_MANY_MENU_ITEMS UNIQUE",
)
TranslationErrorCode = _code_enum(
    "TranslationErrorCode", "GRAPHQL_ERROR INVALID NOT_FOUND REQUIRED UNIQUE"
)
StockErrorCode = _code_enum(
    "StockErrorCode", "ALREADY_EXISTS GRAPHQL_ERROR INVALID NOT_FOUND REQUIRED UNIQUE"
)
CollectionErrorCode = _code_enum(
    "CollectionErrorCode",
    "DUPLICATED_INPUT_ITEM GRAPHQL_ERROR INVALID NOT_FOUND REQUIRED UNIQUE "
    "CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT FILE_SIZE_LIMIT_EXCEEDED",
)
MetadataErrorCode = _code_enum(
    "MetadataErrorCode", "GRAPHQL_ERROR INVALID NOT_FOUND REQUIRED NOT_UPDATED"
)


class Error(graphene.ObjectType):
    field = graphene.String(
        description=(
            "Name of a field that caused the error. A value of `null` indicates "
            "that the error isn't associated with a particular field."
        )
    )
    message = graphene.String(description="The error message.")


class ProductError(Error):
    code = graphene.Field(
        ProductErrorCode, required=True, description="The error code."
    )
    attributes = graphene.List(graphene.NonNull(graphene.ID))
    values = graphene.List(graphene.NonNull(graphene.ID))


class ProductChannelListingError(ProductError):
    channels = graphene.List(graphene.NonNull(graphene.ID))
    variants = graphene.List(graphene.NonNull(graphene.ID))


class CollectionChannelListingError(ProductError):
    channels = graphene.List(graphene.NonNull(graphene.ID))


class BulkStockError(ProductError):
    index = graphene.Int(
        description="Index of an input list item that caused the error."
    )


class CollectionError(Error):
    products = graphene.List(graphene.NonNull(graphene.ID))
    code = graphene.Field(
        CollectionErrorCode, required=True, description="The error code."
    )


class AttributeError_(Error):
    code = graphene.Field(
        AttributeErrorCode, required=True, description="The error code."
    )

    class Meta:
        name = "AttributeError"


class MenuError(Error):
    code = graphene.Field(MenuErrorCode, required=True, description="The error code.")


class TranslationError(Error):
    code = graphene.Field(
        TranslationErrorCode, required=True, description="The error code."
    )


class StockError(Error):
    code = graphene.Field(StockErrorCode, required=True, description="The error code.")


class MetadataError(Error):
    code = graphene.Field(
        MetadataErrorCode, required=True, description="The error code."
    )


def _camel(name: str) -> str:
    return re.sub(r"_([a-z])", lambda match: match.group(1).upper(), name)


def error_params(error: ValidationError) -> list[dict]:
    """Return each single error's params, in the order of the payload's errors."""
    return [item.params for item in error_items(error)]


def validation_error_to_list(
    error: ValidationError, *, code_enum: type[graphene.Enum]
) -> list[dict]:
    """Return Saleor error dicts for a domain ValidationError."""
    known = set(code_enum._meta.enum.__members__)
    items = []
    for error_item in error_items(error):
        code = error_item.code if error_item.code in known else "INVALID"
        item = {
            "field": None if error_item.is_general else _camel(error_item.field),
            "message": error_item.message,
            "code": code_enum._meta.enum[code],
        }
        params = error_item.params
        for extra in (
            "index",
            "attributes",
            "values",
            "channels",
            "variants",
            "products",
        ):
            if params.get(extra) is not None:
                item[extra] = params[extra]
        items.append(item)
    return items
