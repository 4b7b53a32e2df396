"""Public and private metadata of any object that carries it."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .cache_versions import CATALOG, bump
from .models import ModelWithMetadata


@transaction.atomic
def metadata_update(
    *, instance: ModelWithMetadata, items: dict[str, str], private: bool = False
) -> ModelWithMetadata:
    """Set keys in an object's public or private metadata."""
    for key in items:
        if not key or not key.strip():
            raise ValidationError(
                {
                    "input": ValidationError(
                        "Metadata key cannot be empty.", code="REQUIRED"
                    )
                }
            )
    field_name = "private_metadata" if private else "metadata"
    instance = type(instance).objects.select_for_update().get(pk=instance.pk)
    data = dict(getattr(instance, field_name) or {})
    data.update(items)
    setattr(instance, field_name, data)
    instance.save(update_fields=[field_name])
    if not private:
        # Cached answers show products', pages' and menus' public metadata.
        bump(CATALOG)
    return instance
