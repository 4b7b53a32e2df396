"""Read a catalog file and check its values, naming the file in each error."""

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from backend.core.files import display_path
from backend.core.languages import LANGUAGE_CODE_CHOICES
from backend.core.yaml_text import yaml_safe_load

from .errors import DemoDataError

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_CODES = {code for code, _ in LANGUAGE_CODE_CHOICES}
SEO_KEYS = {"seo_title", "seo_description"}
TRANSLATABLE = {"name", "slug", "description", *SEO_KEYS}
# USD, the demo's only currency, has cents; a price with more is a typo.
PRICE_PLACES = 2


def read_yaml(path: Path, top_key: str) -> list[dict]:
    """Return the list under the file's top-level key."""
    check = Check(display_path(path))
    if not path.is_file():
        check.fail("the file is missing")
    try:
        with path.open(encoding="utf-8") as handle:
            document = yaml_safe_load(handle)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        check.fail(f"not valid YAML: {where}{problem}")
    except UnicodeDecodeError:
        check.fail("not UTF-8 text")
    if not isinstance(document, dict) or top_key not in document:
        check.fail(f'expected a mapping with the key "{top_key}"')
    items = document[top_key]
    if not isinstance(items, list):
        check.fail(f'"{top_key}" must be a list')
    for item in items:
        if not isinstance(item, dict):
            check.fail(f'every entry of "{top_key}" must be a mapping')
    return items


class Check:
    """Checks one file's values; ``at`` narrows the place an error names."""

    def __init__(self, label: str, *context: str):
        self.label = label
        self.context = context

    def at(self, place: str) -> "Check":
        return Check(self.label, *self.context, place)

    def fail(self, message: str):
        raise DemoDataError(": ".join([self.label, *self.context, message]))

    def keys(self, mapping: dict, *, required: set[str], optional=frozenset()):
        if not isinstance(mapping, dict):
            self.fail("expected a mapping")
        for key in sorted(required - set(mapping)):
            self.fail(f'"{key}" is missing')
        for key in sorted(set(mapping) - required - optional):
            self.fail(f'unknown key "{key}"')

    def text(self, mapping: dict, key: str, *, required: bool = True, max_length=250):
        value = mapping.get(key)
        if value is None:
            if required:
                self.fail(f'"{key}" is missing')
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key} {value!r} must be non-empty text")
        if max_length and len(value) > max_length:
            self.fail(f"{key} is longer than {max_length} characters")
        return value.strip()

    def slug(self, mapping: dict, key: str = "slug") -> str:
        value = mapping.get(key)
        if not isinstance(value, str) or not SLUG_RE.match(value):
            self.fail(
                f"{key} {value!r} is not a slug (lower-case letters, digits, hyphens)"
            )
        return value

    def slugs(self, mapping: dict, key: str) -> list[str]:
        values = mapping.get(key, [])
        if not isinstance(values, list):
            self.fail(f"{key} must be a list of slugs")
        for value in values:
            if not isinstance(value, str) or not SLUG_RE.match(value):
                self.fail(f"{key}: {value!r} is not a slug")
        if len(set(values)) != len(values):
            self.fail(f"{key} names a slug twice")
        return values

    def decimal(self, mapping: dict, key: str, *, required: bool = True):
        value = mapping.get(key)
        if value is None:
            if required:
                self.fail(f'"{key}" is missing')
            return None
        if isinstance(value, float):
            self.fail(f'{key} {value} must be a quoted decimal string ("{value}")')
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.fail(f"{key} {value!r} is not a decimal")
        try:
            amount = Decimal(str(value).strip())
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite():
            self.fail(f'{key} "{value}" is not a decimal')
        if amount < 0:
            self.fail(f'{key} "{value}" is negative')
        if -amount.as_tuple().exponent > PRICE_PLACES:
            self.fail(f'{key} "{value}" has more than {PRICE_PLACES} decimal places')
        return amount

    def integer(self, mapping: dict, key: str, *, required: bool = False):
        value = mapping.get(key)
        if value is None:
            if required:
                self.fail(f'"{key}" is missing')
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(f"{key} {value!r} is not a whole number of at least 0")
        return value

    def number(self, value: Any, key: str) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.fail(f"{key} {value!r} is not a number")
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            self.fail(f'{key} "{value}" is not a number')
        return number

    def boolean(self, mapping: dict, key: str, *, default: bool | None = None):
        value = mapping.get(key, default)
        if not isinstance(value, bool) and not (value is None and default is None):
            self.fail(f"{key} {value!r} must be true or false")
        return value

    def editorjs(self, value: Any, key: str = "description") -> dict:
        """Check an Editor.js document: blocks, each with a type and data."""
        if not isinstance(value, dict) or not isinstance(value.get("blocks"), list):
            self.fail(f"{key} must be an Editor.js document with a list of blocks")
        for index, block in enumerate(value["blocks"], start=1):
            if (
                not isinstance(block, dict)
                or not isinstance(block.get("type"), str)
                or not isinstance(block.get("data"), dict)
            ):
                self.fail(f"{key}: block {index} needs a type and a data mapping")
        return value

    def language(self, code: Any) -> str:
        if not isinstance(code, str) or code not in LANGUAGE_CODES:
            self.fail(f"unknown language code {code!r} (use e.g. es, fr, de-de)")
        return code

    def translations(self, mapping: dict, allowed: set[str]) -> dict[str, dict]:
        translations = mapping.get("translations") or {}
        if not isinstance(translations, dict):
            self.fail("translations must map a language code to fields")
        for code, fields in translations.items():
            check = self.at(f"translation {code!r}")
            check.language(code)
            check.keys(fields, required=set(), optional=allowed)
            for name in ("name", "seo_title", "seo_description"):
                if name in fields:
                    check.text(fields, name, max_length=300)
            if "slug" in fields:
                check.slug(fields)
            if "description" in fields:
                check.editorjs(fields["description"])
        return translations
