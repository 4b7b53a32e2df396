"""Saleor's AccountError and its code enum."""

import graphene

from backend.account.errors import AccountErrorCode as DomainCodes

from ..core.enums import AddressTypeEnum
from ..core.errors import Error

# Saleor's full list, in Saleor's order; the domain raises a subset.
AccountErrorCode = graphene.Enum(
    "AccountErrorCode",
    [
        (code, code)
        for code in (
            "ACTIVATE_OWN_ACCOUNT ACTIVATE_SUPERUSER_ACCOUNT DUPLICATED_INPUT_ITEM "
            "DEACTIVATE_OWN_ACCOUNT DEACTIVATE_SUPERUSER_ACCOUNT "
            "DELETE_NON_STAFF_USER DELETE_OWN_ACCOUNT DELETE_STAFF_ACCOUNT "
            "DELETE_SUPERUSER_ACCOUNT GRAPHQL_ERROR INACTIVE INVALID "
            "INVALID_PASSWORD LEFT_NOT_MANAGEABLE_PERMISSION INVALID_CREDENTIALS "
            "NOT_FOUND OUT_OF_SCOPE_USER OUT_OF_SCOPE_GROUP OUT_OF_SCOPE_PERMISSION "
            "PASSWORD_ENTIRELY_NUMERIC PASSWORD_TOO_COMMON PASSWORD_TOO_SHORT "
            "PASSWORD_TOO_SIMILAR PASSWORD_RESET_ALREADY_REQUESTED REQUIRED UNIQUE "
            "JWT_SIGNATURE_EXPIRED JWT_INVALID_TOKEN JWT_DECODE_ERROR "
            "JWT_MISSING_TOKEN JWT_INVALID_CSRF_TOKEN CHANNEL_INACTIVE "
            "MISSING_CHANNEL_SLUG ACCOUNT_NOT_CONFIRMED LOGIN_ATTEMPT_DELAYED "
            "DISABLED_AUTHENTICATION_METHOD UNKNOWN_IP_ADDRESS "
            "FILE_SIZE_LIMIT_EXCEEDED"
        ).split()
    ],
)
assert {code.value for code in DomainCodes} <= set(
    AccountErrorCode._meta.enum.__members__
)


class AccountError(Error):
    code = graphene.Field(
        AccountErrorCode, required=True, description="The error code."
    )
    address_type = graphene.Field(
        AddressTypeEnum, description="A type of address that causes the error."
    )
    attributes = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of attributes IDs which causes the error.",
    )
