"""Create and change attributes, their values and translations."""

from typing import Any

from django.db import transaction
from django.utils.text import slugify

from backend.core.cache_versions import CATALOG, bump

from ..models import (
    Attribute,
    AttributeInputType,
    AttributeTranslation,
    AttributeType,
    AttributeValue,
    AttributeValueTranslation,
)
from .common import (
    ATTRIBUTE_FIELDS,
    UPDATABLE_ATTRIBUTE_FIELDS,
    field_error,
    language_code_check,
)


@transaction.atomic
def attribute_create(
    *,
    name: str,
    type: str,
    input_type: str = AttributeInputType.DROPDOWN,
    slug: str | None = None,
    values: list[dict] | None = None,
    **options: Any,
) -> Attribute:
    """Create an attribute with its initial values."""
    bump(CATALOG)
    if not name or not name.strip():
        raise field_error("name", "This field cannot be blank.", "REQUIRED")
    if type not in AttributeType.values:
        raise field_error("type", "Unknown attribute type.", "INVALID")
    if input_type not in AttributeInputType.values:
        raise field_error("inputType", "Unknown input type.", "INVALID")
    if input_type == AttributeInputType.REFERENCE and not options.get("entity_type"):
        raise field_error(
            "entityType", "A reference attribute needs an entity type.", "REQUIRED"
        )
    slug = slug or slugify(name, allow_unicode=True)
    if Attribute.objects.filter(slug=slug).exists():
        raise field_error("slug", "Attribute with this Slug already exists.", "UNIQUE")
    unknown = set(options) - set(ATTRIBUTE_FIELDS)
    if unknown:
        raise field_error(sorted(unknown)[0], "Unknown attribute field.", "INVALID")
    attribute = Attribute.objects.create(
        name=name.strip(), slug=slug, type=type, input_type=input_type, **options
    )
    for value in values or []:
        attribute_value_create(attribute=attribute, **value)
    return attribute


@transaction.atomic
def attribute_update(
    *,
    attribute: Attribute,
    remove_value_ids: list[int] | None = None,
    add_values: list[dict] | None = None,
    **changes: Any,
) -> Attribute:
    """Change an attribute's fields, remove some values and add new ones."""
    bump(CATALOG)
    attribute = Attribute.objects.select_for_update().get(pk=attribute.pk)
    unknown = set(changes) - set(UPDATABLE_ATTRIBUTE_FIELDS)
    if unknown:
        raise field_error(
            sorted(unknown)[0], "This field cannot be changed.", "INVALID"
        )
    if "name" in changes and not (changes["name"] or "").strip():
        raise field_error("name", "This field cannot be blank.", "REQUIRED")
    if (
        changes.get("slug")
        and Attribute.objects.filter(slug=changes["slug"])
        .exclude(pk=attribute.pk)
        .exists()
    ):
        raise field_error("slug", "Attribute with this Slug already exists.", "UNIQUE")
    for name, value in changes.items():
        setattr(attribute, name, value)
    if changes:
        attribute.save(update_fields=list(changes))
    if remove_value_ids:
        owned = set(
            attribute.values.filter(pk__in=remove_value_ids).values_list(
                "pk", flat=True
            )
        )
        if owned != set(remove_value_ids):
            raise field_error(
                "removeValues", "Value does not belong to this attribute.", "INVALID"
            )
        attribute.values.filter(pk__in=owned).delete()
    for value in add_values or []:
        attribute_value_create(attribute=attribute, **value)
    return attribute


@transaction.atomic
def attribute_value_create(
    *,
    attribute: Attribute,
    name: str,
    value: str = "",
    slug: str | None = None,
    file_url: str | None = None,
    content_type: str | None = None,
    rich_text: Any = None,
    plain_text: str | None = None,
    external_reference: str | None = None,
) -> AttributeValue:
    """Add a value to a choice attribute's list."""
    bump(CATALOG)
    if not name or not name.strip():
        raise field_error("name", "This field cannot be blank.", "REQUIRED")
    slug = slug or slugify(name, allow_unicode=True)
    if not slug:
        raise field_error("name", "The name gives an empty slug.", "INVALID")
    if AttributeValue.objects.filter(attribute=attribute, slug=slug).exists():
        raise field_error(
            "name", "Attribute value with this name already exists.", "ALREADY_EXISTS"
        )
    if (
        external_reference
        and AttributeValue.objects.filter(
            external_reference=external_reference
        ).exists()
    ):
        raise field_error("externalReference", "This reference is taken.", "UNIQUE")
    return AttributeValue.objects.create(
        attribute=attribute,
        name=name.strip(),
        slug=slug,
        value=value or "",
        file_url=file_url,
        content_type=content_type,
        rich_text=rich_text,
        plain_text=plain_text,
        external_reference=external_reference,
        sort_order=attribute.values.count(),
    )


@transaction.atomic
def attribute_translate(
    *, attribute: Attribute, language_code: str, name: str
) -> AttributeTranslation:
    """Set an attribute's name in one language."""
    bump(CATALOG)
    language_code_check(language_code)
    translation, _ = AttributeTranslation.objects.select_for_update().get_or_create(
        attribute=attribute, language_code=language_code, defaults={"name": name}
    )
    if translation.name != name:
        translation.name = name
        translation.save(update_fields=["name"])
    return translation


@transaction.atomic
def attribute_value_translate(
    *,
    attribute_value: AttributeValue,
    language_code: str,
    name: str | None = None,
    rich_text: Any = None,
    plain_text: str | None = None,
) -> AttributeValueTranslation:
    """Set an attribute value's name or text in one language."""
    bump(CATALOG)
    language_code_check(language_code)
    translation, _ = (
        AttributeValueTranslation.objects.select_for_update().get_or_create(
            attribute_value=attribute_value,
            language_code=language_code,
            defaults={"name": name or attribute_value.name},
        )
    )
    changed = []
    for field_name, new in (
        ("name", name),
        ("rich_text", rich_text),
        ("plain_text", plain_text),
    ):
        if new is not None and getattr(translation, field_name) != new:
            setattr(translation, field_name, new)
            changed.append(field_name)
    if changed:
        translation.save(update_fields=changed)
    return translation
