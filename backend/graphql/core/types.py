"""Small object types several domains return."""

import graphene

from backend.core.languages import LANGUAGES

from .enums import LanguageCodeEnum

LANGUAGE_NAMES = dict(LANGUAGES)


class Image(graphene.ObjectType):
    url = graphene.String(required=True, description="The URL of the image.")
    alt = graphene.String(description="Alt text for an image.")

    class Meta:
        description = "Represents an image."


class CountryDisplay(graphene.ObjectType):
    code = graphene.String(required=True, description="Country code.")
    country = graphene.String(required=True, description="Country name.")

    class Meta:
        description = "Represents country."


def country_display(country) -> CountryDisplay | None:
    """Return the CountryDisplay of a django-countries Country."""
    if not country or not country.code:
        return None
    return CountryDisplay(code=country.code, country=country.name)


class LanguageDisplay(graphene.ObjectType):
    code = graphene.Field(
        LanguageCodeEnum,
        required=True,
        description="ISO 639 representation of the language name.",
    )
    language = graphene.String(required=True, description="Full name of the language.")


def language_display(code: str) -> LanguageDisplay:
    """Return the LanguageDisplay of a stored language code ("en-us")."""
    name = code.replace("-", "_").upper()
    return LanguageDisplay(code=name, language=LANGUAGE_NAMES.get(name, code))
