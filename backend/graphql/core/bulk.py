"""Saleor's bulk mutations: a list of ids in, ``count`` out."""

import graphene
from django.core.exceptions import ValidationError

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
