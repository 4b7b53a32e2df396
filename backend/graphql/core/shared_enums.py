"""Read the members of parsed enum arguments as the models store them."""

from backend.attribute.models import AttributeEntityType
from backend.core.languages import language_code_from_enum


def member_name(value) -> str | None:
    """Return the enum member name of a parsed enum argument."""
    if value is None:
        return None
    name = getattr(value, "name", None)
    if name is not None:
        return name
    text = str(value)
    # Some enums carry the stored form as their value; turn it back.
    if text in {entity.value for entity in AttributeEntityType}:
        return AttributeEntityType(text).name
    return text.upper().replace("-", "_")


def stored_language_code(value) -> str:
    """Return the stored language code of a LanguageCodeEnum argument."""
    return language_code_from_enum(member_name(value))


def input_type_value(value) -> str | None:
    """Return the stored attribute input type of an AttributeInputTypeEnum."""
    name = member_name(value)
    return name and name.lower().replace("_", "-")


def entity_type_value(value) -> str | None:
    """Return the stored entity type of an AttributeEntityTypeEnum."""
    name = member_name(value)
    return name and AttributeEntityType[name].value
