"""Small object types several domains return."""

import graphene

from backend.core.languages import LANGUAGES

from .shared_enums import shared_enum

LANGUAGE_NAMES = {name.replace("_", "-").lower(): label for name, label in LANGUAGES}


class Image(graphene.ObjectType):
    url = graphene.String(required=True, description="The URL of the image.")
    alt = graphene.String(description="Alt text for an image.")

    class Meta:
        description = "Represents an image."


class LanguageDisplay(graphene.ObjectType):
    code = graphene.Field(
        lambda: shared_enum("LanguageCodeEnum"),
        description="ISO 639 representation of the language name.",
        required=True,
    )
    language = graphene.String(description="Full name of the language.", required=True)

    @staticmethod
    def resolve_code(root, info):
        return language_enum_member(root)

    @staticmethod
    def resolve_language(root, info):
        return LANGUAGE_NAMES.get(root.lower(), root)


def language_enum_member(code: str):
    """Return the LanguageCodeEnum member of a stored language code."""
    return shared_enum("LanguageCodeEnum")._meta.enum[code.upper().replace("-", "_")]
