"""Helpers the catalog services share."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

from backend.attribute.services import unique_slug


def error(field_name: str, message: str, code: str) -> ValidationError:
    """Return a domain error for one input field with a Saleor code."""
    return ValidationError({field_name: ValidationError(message, code=code)})


def apply_changes(instance: models.Model, changes: dict[str, Any]) -> list[str]:
    """Set the changed fields on the instance and return their names."""
    changed = []
    for name, value in changes.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


def slug_for(
    *,
    model: type[models.Model],
    name: str,
    slug: str | None,
    instance_pk: int | None = None,
) -> str:
    """Return the given slug if free, or a free one made from the name."""
    others = (
        model.objects.exclude(pk=instance_pk) if instance_pk else model.objects.all()
    )
    if slug:
        slug = slugify(slug, allow_unicode=True)
        if not slug:
            raise error("slug", "Slug value cannot be blank.", "REQUIRED")
        if others.filter(slug=slug).exists():
            raise error(
                "slug", f"{model.__name__} with this Slug already exists.", "UNIQUE"
            )
        return slug
    return unique_slug(base=name, taken=lambda s: others.filter(slug=s).exists())


def require_name(name: str | None) -> str:
    """Return the stripped name, refusing a blank one."""
    if name is None or not name.strip():
        raise error("name", "This field cannot be blank.", "REQUIRED")
    return name.strip()


def plain_text_of(description: Any) -> str:
    """Return the text of an Editor.js document, for search and snippets."""
    if not isinstance(description, dict):
        return ""
    texts = []
    for block in description.get("blocks", []) or []:
        data = block.get("data", {}) if isinstance(block, dict) else {}
        text = data.get("text")
        if text:
            texts.append(str(text))
        for item in data.get("items", []) or []:
            texts.append(str(item))
    return "\n".join(texts)
