"""Enums that both queries and mutations expose, found once by name.

The read side defines these for its object types; mutations take the same
enum objects as arguments, because a schema may hold one type per name.
Until the read side has one, the definition here is used.
"""

import importlib
from functools import cache

import graphene

from backend.attribute.models import AttributeEntityType
from backend.core.languages import LANGUAGES, language_code_from_enum

# Where the read side keeps its enums (first match wins).
READ_SIDE_MODULES = (
    "backend.graphql.core.enums",
    "backend.graphql.attribute.enums",
    "backend.graphql.translations.enums",
    "backend.graphql.core.types",
    "backend.graphql.attribute.types",
)

FALLBACK_MEMBERS = {
    "LanguageCodeEnum": [name for name, _ in LANGUAGES],
    "AttributeInputTypeEnum": (
        "DROPDOWN MULTISELECT FILE REFERENCE SINGLE_REFERENCE NUMERIC RICH_TEXT "
        "PLAIN_TEXT SWATCH BOOLEAN DATE DATE_TIME"
    ).split(),
    "AttributeTypeEnum": ["PRODUCT_TYPE", "PAGE_TYPE", "CUSTOMER_TYPE"],
    "AttributeEntityTypeEnum": [
        "PAGE",
        "PRODUCT",
        "PRODUCT_VARIANT",
        "CATEGORY",
        "COLLECTION",
    ],
    "MeasurementUnitsEnum": (
        "MM CM DM M KM FT YD INCH SQ_MM SQ_CM SQ_DM SQ_M SQ_KM SQ_FT SQ_YD SQ_INCH "
        "CUBIC_MILLIMETER CUBIC_CENTIMETER CUBIC_DECIMETER CUBIC_METER LITER "
        "CUBIC_FOOT CUBIC_INCH CUBIC_YARD QT PINT FL_OZ ACRE_IN ACRE_FT G LB OZ KG "
        "TONNE"
    ).split(),
}


@cache
def shared_enum(name: str):
    """Return the read side's enum of this name, or the one defined here."""
    for module_name in READ_SIDE_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if not module_name.startswith(error.name or "?"):
                raise
            continue
        found = getattr(module, name, None)
        if found is not None:
            return found
    return graphene.Enum(name, [(member, member) for member in FALLBACK_MEMBERS[name]])


def lazy_enum(name: str):
    """Return a thunk graphene resolves to the shared enum when it builds."""
    return lambda: shared_enum(name)


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


def language_code(value) -> str:
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
