"""Inputs, errors and slugs the attribute services share."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from backend.core.languages import LANGUAGE_CODE_CHOICES

from ..models import (
    Attribute,
    AttributeValue,
)

ATTRIBUTE_FIELDS = (
    "name",
    "slug",
    "input_type",
    "entity_type",
    "unit",
    "value_required",
    "is_variant_only",
    "visible_in_storefront",
    "filterable_in_storefront",
    "filterable_in_dashboard",
    "storefront_search_position",
    "available_in_grid",
    "external_reference",
)
LANGUAGE_CODES = {code for code, _ in LANGUAGE_CODE_CHOICES}
UPDATABLE_ATTRIBUTE_FIELDS = tuple(
    name for name in ATTRIBUTE_FIELDS if name not in {"input_type", "entity_type"}
)


@dataclass(frozen=True)
class ValueChoice:
    """A value of a choice attribute: an existing id, or a name to find or add."""

    id: int | None = None
    value: str | None = None


@dataclass(frozen=True)
class AttributeAssignment:
    """What one attribute of a product, variant or page is set to."""

    attribute_id: int
    choices: tuple[ValueChoice, ...] = ()
    numeric: str | None = None
    boolean: bool | None = None
    rich_text: Any = None
    plain_text: str | None = None
    reference_ids: tuple[int, ...] = ()
    file_url: str | None = None
    content_type: str | None = None
    extra: dict = field(default_factory=dict)


def field_error(field_name: str, message: str, code: str) -> ValidationError:
    return ValidationError({field_name: ValidationError(message, code=code)})


def language_code_check(language_code: str) -> None:
    """Refuse a language code Saleor does not know."""
    if language_code not in LANGUAGE_CODES:
        raise field_error(
            "languageCode", f"Unknown language code {language_code}.", "INVALID"
        )


def unique_slug(*, base: str, taken) -> str:
    """Return a slug from base that the predicate ``taken`` does not reject."""
    root = slugify(base, allow_unicode=True)[:240] or "item"
    candidate, suffix = root, 2
    while taken(candidate):
        candidate, suffix = f"{root}-{suffix}", suffix + 1
    return candidate


def value_slug(attribute: Attribute, base: str) -> str:
    return unique_slug(
        base=base,
        taken=lambda slug: AttributeValue.objects.filter(
            attribute=attribute, slug=slug
        ).exists(),
    )
