"""Saleor's LanguageCodeEnum: the languages a translation can be in.

The table is data, ``language_codes.tsv`` (enum name, a tab, the English
name), copied from Saleor's schema. Babel keeps the same CLDR names, but
the installed release differs from Saleor's in 33 of them ("Fula" for
"Fulah", "Türkiye", "Māori", ...) and has no ``kok_IN``; the schema must
repeat Saleor's descriptions exactly, so they are kept as Saleor prints
them. The stored code is the name's lower-case BCP 47 form (``EN_US`` ->
``en-us``).
"""

from pathlib import Path

TABLE_PATH = Path(__file__).with_name("language_codes.tsv")


def _languages_read() -> list[tuple[str, str]]:
    rows = TABLE_PATH.read_text(encoding="utf-8").splitlines()
    return [tuple(row.split("\t")) for row in rows]


LANGUAGES: list[tuple[str, str]] = _languages_read()


def language_code_from_enum(name: str) -> str:
    """Return the stored code for a LanguageCodeEnum name."""
    return name.replace("_", "-").lower()


LANGUAGE_CODE_CHOICES = [(language_code_from_enum(n), d) for n, d in LANGUAGES]
