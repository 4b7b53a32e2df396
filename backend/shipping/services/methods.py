"""Shipping methods (Saleor's shipping prices) and their postal-code rules."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from backend.core.promise_version import promise_rules_changed

from ..errors import ShippingErrorCode, shipping_error
from ..models import (
    PostalCodeRuleInclusionType,
    ShippingMethod,
    ShippingMethodPostalCodeRule,
    ShippingMethodType,
    ShippingZone,
)
from ..promise import PostalCodeRule
from ..rules import validate_delivery_days, validate_postal_code_rules

NAME_MAX_LENGTH = ShippingMethod._meta.get_field("name").max_length
CARRIER_MAX_LENGTH = ShippingMethod._meta.get_field("carrier").max_length
POSTAL_CODE_MAX_LENGTH = ShippingMethodPostalCodeRule._meta.get_field(
    "start"
).max_length


@dataclass(frozen=True)
class PostalCodeRange:
    start: str
    end: str | None = None


@dataclass(frozen=True)
class ShippingMethodChanges:
    """What to set on a method; None keeps a field as it is."""

    name: str | None = None
    description: str | None = None
    type: str | None = None
    carrier: str | None = None
    minimum_delivery_days: int | None = None
    maximum_delivery_days: int | None = None
    shipping_zone_id: int | None = None
    add_postal_code_rules: tuple[PostalCodeRange, ...] = ()
    delete_postal_code_rule_ids: tuple[int, ...] = ()
    # Saleor applies one inclusion type to every rule the method keeps.
    inclusion_type: str | None = None


def _clean_text(value: str | None, field: str, limit: int, *, required: bool):
    if value is None and not required:
        return None
    value = (value or "").strip()
    if required and not value:
        raise shipping_error(
            field, "This field is required.", ShippingErrorCode.REQUIRED
        )
    if len(value) > limit:
        raise shipping_error(
            field,
            f"Ensure this value has at most {limit} characters.",
            ShippingErrorCode.INVALID,
        )
    return value


def _clean_delivery_days(
    changes: ShippingMethodChanges, method: ShippingMethod | None
) -> None:
    """Refuse negative days and a minimum above the maximum, after the change.

    The check is rules.py's, as the admin's; a minimum above the maximum is
    reported on the field the change gave.
    """
    given_min, given_max = changes.minimum_delivery_days, changes.maximum_delivery_days
    minimum = (
        given_min
        if given_min is not None
        else getattr(method, "minimum_delivery_days", None)
    )
    maximum = (
        given_max
        if given_max is not None
        else getattr(method, "maximum_delivery_days", None)
    )
    try:
        validate_delivery_days(minimum=minimum, maximum=maximum)
    except ValidationError as error:
        errors = {}
        for field, items in error.error_dict.items():
            for item in items:
                if item.code == "minimum_above_maximum" and given_min is None:
                    field = "maximum_delivery_days"
                errors[field] = ValidationError(
                    item.message, code=ShippingErrorCode.INVALID.value
                )
        raise ValidationError(errors) from None


def _clean_type(value: str | None) -> None:
    if value is not None and value not in ShippingMethodType.values:
        raise shipping_error(
            "type",
            "Lumbar ships by order price only; weight-based methods are not supported.",
            ShippingErrorCode.INVALID,
        )


def _clean_inclusion_type(changes: ShippingMethodChanges) -> None:
    if changes.add_postal_code_rules and not changes.inclusion_type:
        raise shipping_error(
            "inclusion_type", "This field is required.", ShippingErrorCode.REQUIRED
        )
    if (
        changes.inclusion_type is not None
        and changes.inclusion_type not in PostalCodeRuleInclusionType.values
    ):
        raise shipping_error(
            "inclusion_type", "Unknown inclusion type.", ShippingErrorCode.INVALID
        )


def _zone(zone_id: int) -> ShippingZone:
    zone = ShippingZone.objects.filter(pk=zone_id).first()
    if zone is None:
        raise shipping_error(
            "shipping_zone", "Shipping zone not found.", ShippingErrorCode.NOT_FOUND
        )
    return zone


def _new_postal_rules(
    changes: ShippingMethodChanges, method: ShippingMethod | None
) -> tuple[list[ShippingMethodPostalCodeRule], list[ShippingMethodPostalCodeRule]]:
    """Return (rules kept, rules added), checked together as rules.py checks.

    Refuses a deleted rule that is not the method's, a rule given twice or
    already there, a reversed range, and INCLUDE/EXCLUDE ranges that overlap.
    """
    existing = list(method.postal_code_rules.all()) if method else []
    by_pk = {rule.pk: rule for rule in existing}
    unknown = sorted(set(changes.delete_postal_code_rule_ids) - set(by_pk))
    if unknown:
        raise shipping_error(
            "delete_postal_code_rules",
            "Postal code rule not found on this shipping method.",
            ShippingErrorCode.NOT_FOUND,
        )
    kept = [
        rule for rule in existing if rule.pk not in changes.delete_postal_code_rule_ids
    ]
    inclusion = changes.inclusion_type
    if inclusion:
        for rule in kept:
            rule.inclusion_type = inclusion
    added = []
    spans = {(rule.start, rule.end or None) for rule in kept}
    for item in changes.add_postal_code_rules:
        start = (item.start or "").strip()
        end = (item.end or "").strip() or None
        if not start:
            raise shipping_error(
                "add_postal_code_rules",
                "A postal code rule needs a start.",
                ShippingErrorCode.REQUIRED,
            )
        if max(len(start), len(end or "")) > POSTAL_CODE_MAX_LENGTH:
            raise shipping_error(
                "add_postal_code_rules",
                f"A postal code has at most {POSTAL_CODE_MAX_LENGTH} characters.",
                ShippingErrorCode.INVALID,
            )
        if (start, end) in spans:
            raise shipping_error(
                "add_postal_code_rules",
                f"Postal code rule {start}{'-' + end if end else ''} is given twice "
                "or already exists.",
                ShippingErrorCode.ALREADY_EXISTS,
            )
        spans.add((start, end))
        added.append(
            ShippingMethodPostalCodeRule(start=start, end=end, inclusion_type=inclusion)
        )
    try:
        validate_postal_code_rules(
            PostalCodeRule(
                start=rule.start,
                end=rule.end,
                include=rule.inclusion_type == PostalCodeRuleInclusionType.INCLUDE,
            )
            for rule in [*kept, *added]
        )
    except ValidationError as error:
        raise shipping_error(
            "add_postal_code_rules", error.messages[0], ShippingErrorCode.INVALID
        ) from None
    return kept, added


def _save_postal_rules(
    method: ShippingMethod,
    changes: ShippingMethodChanges,
    kept: list[ShippingMethodPostalCodeRule],
    added: list[ShippingMethodPostalCodeRule],
) -> None:
    if changes.delete_postal_code_rule_ids:
        method.postal_code_rules.filter(
            pk__in=changes.delete_postal_code_rule_ids
        ).delete()
    if changes.inclusion_type:
        ShippingMethodPostalCodeRule.objects.filter(
            pk__in=[rule.pk for rule in kept]
        ).update(inclusion_type=changes.inclusion_type)
    for rule in added:
        rule.shipping_method = method
    ShippingMethodPostalCodeRule.objects.bulk_create(added)


def _fields(changes: ShippingMethodChanges, *, creating: bool) -> dict:
    fields = {
        "name": _clean_text(changes.name, "name", NAME_MAX_LENGTH, required=creating),
        "carrier": _clean_text(
            changes.carrier, "carrier", CARRIER_MAX_LENGTH, required=False
        ),
        "description": changes.description,
        "type": changes.type,
        "minimum_delivery_days": changes.minimum_delivery_days,
        "maximum_delivery_days": changes.maximum_delivery_days,
    }
    return {key: value for key, value in fields.items() if value is not None}


@transaction.atomic
def shipping_method_create(*, changes: ShippingMethodChanges) -> ShippingMethod:
    """Create a method in a zone, with its delivery days and postal rules."""
    if changes.shipping_zone_id is None:
        raise shipping_error(
            "shipping_zone", "This field is required.", ShippingErrorCode.REQUIRED
        )
    fields = _fields(changes, creating=True)
    _clean_type(changes.type)
    _clean_delivery_days(changes, None)
    _clean_inclusion_type(changes)
    zone = _zone(changes.shipping_zone_id)
    kept, added = _new_postal_rules(changes, None)
    method = ShippingMethod.objects.create(shipping_zone=zone, **fields)
    _save_postal_rules(method, changes, kept, added)
    promise_rules_changed()
    return method


@transaction.atomic
def shipping_method_update(
    *, method_id: int, changes: ShippingMethodChanges
) -> ShippingMethod:
    """Change a method; the banner and every promise use it once committed."""
    method = ShippingMethod.objects.select_for_update().filter(pk=method_id).first()
    if method is None:
        raise shipping_error(
            "id", "Shipping method not found.", ShippingErrorCode.NOT_FOUND
        )
    fields = _fields(changes, creating=False)
    _clean_type(changes.type)
    _clean_delivery_days(changes, method)
    _clean_inclusion_type(changes)
    if changes.shipping_zone_id is not None:
        fields["shipping_zone"] = _zone(changes.shipping_zone_id)
    kept, added = _new_postal_rules(changes, method)
    changed = [name for name, value in fields.items() if getattr(method, name) != value]
    for name in changed:
        setattr(method, name, fields[name])
    if changed:
        method.save(update_fields=changed)
    _save_postal_rules(method, changes, kept, added)
    promise_rules_changed()
    return method


@transaction.atomic
def shipping_method_delete(*, method_id: int) -> ShippingMethod:
    """Delete a method; orders keep its name. Return it with its id kept."""
    method = (
        ShippingMethod.objects.select_for_update()
        .select_related("shipping_zone")
        .filter(pk=method_id)
        .first()
    )
    if method is None:
        raise shipping_error(
            "id", "Shipping method not found.", ShippingErrorCode.NOT_FOUND
        )
    method.delete()
    method.pk = method_id
    promise_rules_changed()
    return method
