"""The one base class of every staff mutation.

A mutation declares its permissions and error type in ``Meta``, parses its
arguments in ``clean_input`` and calls one domain service in
``perform_mutation``. Before ``clean_input``, every string and number is
checked against the column it is stored in (``input_columns``). A domain
``ValidationError`` becomes the payload's ``errors`` (and Saleor's
deprecated typed list); a refused call raises Saleor's ``PermissionDenied``
and changes nothing.
"""

import binascii
from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models
from graphene.types.mutation import MutationOptions
from graphql import GraphQLError
from graphql_relay import from_global_id
from graphql_relay import to_global_id as relay_to_global_id

from backend.core.permissions import PermissionEnum, user_has_any_permission

from .errors import validation_error_to_list
from .input_columns import input_columns_refusal


class PermissionDenied(GraphQLError):
    """Saleor's top-level error for a call the user may not make."""

    def __init__(self, permissions: tuple[PermissionEnum, ...]):
        names = ", ".join(permission.name for permission in permissions)
        super().__init__(
            f"To access this path, you need one of the following permissions: {names}",
            extensions={
                "exception": {
                    "code": "PermissionDenied",
                    "permissions": [permission.name for permission in permissions],
                }
            },
        )


class BaseMutationOptions(MutationOptions):
    permissions: tuple[PermissionEnum, ...] = ()
    error_type_class: type | None = None
    error_type_field: str | None = None


def id_error(
    field_name: str,
    message: str,
    code: str = "GRAPHQL_ERROR",
    params: dict | None = None,
) -> ValidationError:
    """Return a field error about an id that names nothing usable."""
    return ValidationError(
        {field_name: ValidationError(message, code=code, params=params)}
    )


def decode_global_id(global_id: str, *, type_names: tuple[str, ...], field_name: str):
    """Return the primary key a Saleor global id names, checking its type."""
    try:
        type_name, raw_pk = from_global_id(global_id or "")
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        type_name, raw_pk = "", ""
    if not type_name or not raw_pk:
        raise id_error(field_name, f"Couldn't resolve id: {global_id}.")
    if type_name not in type_names:
        raise id_error(
            field_name,
            f"Must receive a {type_names[0]} id, got {type_name}.",
        )
    if not raw_pk.isdigit():
        raise id_error(field_name, f"Couldn't resolve id: {global_id}.")
    return int(raw_pk)


def get_node(
    global_id: str,
    *,
    type_name: str,
    model: type[models.Model],
    field_name: str = "id",
    queryset: models.QuerySet | None = None,
):
    """Return the object a global id names, or raise a NOT_FOUND field error."""
    pk = decode_global_id(global_id, type_names=(type_name,), field_name=field_name)
    instance = (
        (queryset if queryset is not None else model.objects).filter(pk=pk).first()
    )
    if instance is None:
        raise id_error(
            field_name, f"Couldn't resolve to a node: {global_id}", code="NOT_FOUND"
        )
    return instance


def get_nodes(
    global_ids: list[str],
    *,
    type_name: str,
    model: type[models.Model],
    field_name: str,
) -> list[models.Model]:
    """Return the objects the global ids name, in order, in one query."""
    pks = [
        decode_global_id(global_id, type_names=(type_name,), field_name=field_name)
        for global_id in global_ids
    ]
    found = model.objects.in_bulk(pks)
    missing = [gid for gid, pk in zip(global_ids, pks, strict=True) if pk not in found]
    if missing:
        raise id_error(
            field_name, f"Couldn't resolve to a node: {missing[0]}", code="NOT_FOUND"
        )
    return [found[pk] for pk in pks]


def to_global_id(type_name: str, pk: int) -> str:
    return relay_to_global_id(type_name, str(pk))


class BaseMutation(graphene.Mutation):
    """Permissions in Meta, then clean_input, then one service call."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(
        cls,
        permissions: tuple[PermissionEnum, ...] = (),
        error_type_class=None,
        error_type_field: str | None = None,
        _meta=None,
        **options: Any,
    ):
        if not _meta:
            _meta = BaseMutationOptions(cls)
        if error_type_class is None:
            raise ValueError(f"{cls.__name__} must declare error_type_class in Meta.")
        errors_type = graphene.List(
            graphene.NonNull(error_type_class),
            required=True,
            description="List of errors that occurred executing the mutation.",
        )
        if error_type_field:
            setattr(
                cls,
                error_type_field,
                graphene.List(
                    graphene.NonNull(error_type_class),
                    required=True,
                    deprecation_reason="Use `errors` field instead.",
                ),
            )
        cls.errors = errors_type
        _meta.permissions = tuple(permissions)
        _meta.error_type_class = error_type_class
        _meta.error_type_field = error_type_field
        super().__init_subclass_with_meta__(_meta=_meta, **options)

    @classmethod
    def check_permissions(cls, info) -> None:
        """Refuse the call unless the user holds one of the permissions."""
        permissions = cls._meta.permissions
        if not permissions:
            return
        user = getattr(info.context, "user", None)
        if not user_has_any_permission(user, *permissions):
            raise PermissionDenied(permissions)

    @classmethod
    def clean_input(cls, info, **data: Any) -> dict[str, Any]:
        """Return the service's keyword arguments parsed from the arguments."""
        return data

    @classmethod
    def perform_mutation(cls, info, **cleaned: Any):
        """Call one service and return the payload."""
        raise NotImplementedError

    @classmethod
    def mutate(cls, root, info, **data: Any):
        cls.check_permissions(info)
        refusal = input_columns_refusal(cls, data)
        if refusal is not None:
            return cls.error_payload(refusal)
        try:
            cleaned = cls.clean_input(info, **data)
            return cls.perform_mutation(info, **cleaned)
        except ValidationError as error:
            return cls.error_payload(error)
        except IntegrityError:
            # A concurrent write took the same unique value after the
            # service checked it; the transaction rolled back.
            return cls.error_payload(
                ValidationError(
                    "The object changed meanwhile or a unique value is taken; retry.",
                    code="UNIQUE",
                )
            )

    @classmethod
    def error_payload(cls, error: ValidationError):
        code_enum = cls._meta.error_type_class._meta.fields["code"].type
        while hasattr(code_enum, "of_type"):
            code_enum = code_enum.of_type
        error_class = cls._meta.error_type_class
        known_fields = set(error_class._meta.fields)
        errors = [
            error_class(**{k: v for k, v in item.items() if k in known_fields})
            for item in validation_error_to_list(error, code_enum=code_enum)
        ]
        payload = {"errors": errors, **cls._empty_required_fields()}
        if cls._meta.error_type_field:
            payload[cls._meta.error_type_field] = errors
        return cls(**payload)

    @classmethod
    def _empty_required_fields(cls) -> dict[str, Any]:
        """Return what a refused bulk mutation answers in its non-null fields.

        Saleor answers ``count: 0`` and empty lists with the errors; null
        there would break the whole answer.
        """
        empty: dict[str, Any] = {}
        for name, field in cls._meta.fields.items():
            field_type = getattr(field, "type", None)
            if not isinstance(field_type, graphene.NonNull) or name == "errors":
                continue
            inner = field_type.of_type
            if isinstance(inner, graphene.List):
                empty[name] = []
            elif inner is graphene.Int:
                empty[name] = 0
        return empty

    @classmethod
    def success(cls, **fields: Any):
        """Return a payload with no errors and the given objects."""
        payload = {"errors": [], **fields}
        if cls._meta.error_type_field:
            payload[cls._meta.error_type_field] = []
        return cls(**payload)
