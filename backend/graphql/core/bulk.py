"""Saleor's bulk mutations.

Two shapes: a list of ids in and ``count`` out (``BulkMutation``), and a
list of input rows applied one by one under an ``errorPolicy`` with a result
per row (``bulk_rows_apply``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .errors import _code_enum
from .mutations import BaseMutation, decode_global_id, id_error

# Saleor refuses larger lists with INVALID (its default limit).
BULK_IDS_LIMIT = 100


class BulkMutation(BaseMutation):
    """A mutation over many objects answering how many it changed."""

    count = graphene.Int(
        required=True, description="Returns how many objects were affected."
    )

    class Meta:
        abstract = True

    @classmethod
    def error_payload(cls, error: ValidationError):
        payload = super().error_payload(error)
        payload.count = 0
        return payload


def bulk_pks(ids: list[str], *, type_name: str, model) -> list[int]:
    """Return the primary keys the ids name; every one must exist."""
    if len(ids) > BULK_IDS_LIMIT:
        raise id_error(
            "ids",
            f"Cannot handle more than {BULK_IDS_LIMIT} objects at once.",
            code="INVALID",
        )
    pks = [
        decode_global_id(value, type_names=(type_name,), field_name="ids")
        for value in ids
    ]
    found = set(model.objects.filter(pk__in=pks).values_list("pk", flat=True))
    missing = [value for value, pk in zip(ids, pks, strict=True) if pk not in found]
    if missing:
        raise id_error(
            "ids", f"Couldn't resolve to a node: {missing[0]}", code="NOT_FOUND"
        )
    return list(dict.fromkeys(pks))


# Saleor's row-by-row bulk mutations (productVariantBulkCreate, ...Update).
ErrorPolicyEnum = _code_enum(
    "ErrorPolicyEnum", "IGNORE_FAILED REJECT_EVERYTHING REJECT_FAILED_ROWS"
)


def error_policy(value) -> str:
    """Return the policy's name; Saleor's default rejects everything."""
    return getattr(value, "name", None) or str(value or "REJECT_EVERYTHING")


@dataclass
class RowOutcome:
    """One input row's result: the object it saved, or why it saved nothing."""

    value: Any = None
    error: ValidationError | None = None


class _RejectEverything(Exception):
    """Raised to roll back every row once one row failed."""


def _row_outcome(apply: Callable[[Any], Any], row) -> RowOutcome:
    try:
        with transaction.atomic():
            return RowOutcome(value=apply(row))
    except ValidationError as error:
        return RowOutcome(error=error)
    except IntegrityError:
        # A concurrent write took a unique value; the row's savepoint rolled back.
        return RowOutcome(
            error=ValidationError("A unique value is taken; retry.", code="UNIQUE")
        )


def bulk_rows_apply(
    rows: list, apply: Callable[[Any], Any], policy: str
) -> list[RowOutcome]:
    """Apply each row in its own savepoint, following Saleor's error policy.

    A row is all or nothing. With REJECT_EVERYTHING (Saleor's default) one
    failed row rolls every row back and no outcome keeps its value; with
    REJECT_FAILED_ROWS or IGNORE_FAILED the failed rows roll back alone and
    the others are kept.
    """
    outcomes: list[RowOutcome] = []
    try:
        with transaction.atomic():
            outcomes = [_row_outcome(apply, row) for row in rows]
            failed = any(outcome.error is not None for outcome in outcomes)
            if failed and policy == "REJECT_EVERYTHING":
                raise _RejectEverything
    except _RejectEverything:
        for outcome in outcomes:
            outcome.value = None
    return outcomes
