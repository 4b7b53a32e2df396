"""Saleor's global ids: base64 of "<Type>:<pk>" (or "<Type>:<uuid>"), decoded
with a type check."""

import binascii
import uuid

from django.core.exceptions import ValidationError
from graphql import GraphQLError
from graphql_relay import from_global_id, to_global_id


def global_id(type_name: str, pk) -> str:
    """Return the global id Saleor gives an object of this type."""
    return to_global_id(type_name, str(pk))


def from_global_id_or_error(
    global_id_value: str, only_type: str, *, raise_error: bool = True
) -> int | None:
    """Return the primary key of a global id naming an object of only_type.

    An id that does not decode, names another type or carries a non-numeric
    key raises Saleor's GraphQLError ("Invalid ID: ... Expected: ...").
    """
    try:
        type_name, raw_pk = from_global_id(global_id_value or "")
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        type_name, raw_pk = "", ""
    if not type_name or not raw_pk.isdigit():
        if not raise_error:
            return None
        raise GraphQLError(
            f"Invalid ID: {global_id_value}. Expected: {only_type}.",
            extensions={"exception": {"code": "GraphQLError"}},
        )
    if type_name != only_type:
        if not raise_error:
            return None
        raise GraphQLError(
            f"Invalid ID: {global_id_value}. Expected: {only_type}, "
            f"received: {type_name}.",
            extensions={"exception": {"code": "GraphQLError"}},
        )
    return int(raw_pk)


def pks_from_global_ids(global_ids, only_type: str) -> list[int]:
    """Return the primary keys of a list of global ids of one type."""
    return [from_global_id_or_error(value, only_type) for value in global_ids or []]


def _invalid_id(field: str, value) -> ValidationError:
    return ValidationError(
        {field: ValidationError(f"Couldn't resolve id: {value}.", code="GRAPHQL_ERROR")}
    )


def uuid_from_global_id(value: str, *, type_name: str, field: str) -> uuid.UUID:
    """Return the UUID a global id of this type names, or raise a field error."""
    try:
        found_type, raw = from_global_id(value or "")
        if found_type != type_name:
            raise ValueError(found_type)
        return uuid.UUID(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise _invalid_id(field, value) from None
