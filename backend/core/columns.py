"""Whether a value fits the database column it is stored in.

PostgreSQL refuses a string longer than its varchar, a number with more
digits than its numeric and an integer out of its type's range; the
statement fails (a 500, and an aborted transaction). Doors check values
against the model field first and answer with a field error instead.
"""

from decimal import Decimal, InvalidOperation

from django.db import connection, models


def column_value_refusal(field: models.Field, value) -> str | None:
    """Return why the value does not fit the field's column, or None."""
    if value is None:
        return None
    if isinstance(field, models.CharField) and field.max_length is not None:
        if isinstance(value, str) and len(value) > field.max_length:
            name = str(field.verbose_name)
            return (
                f"{name[:1].upper()}{name[1:]} can be at most "
                f"{field.max_length} characters."
            )
        return None
    if isinstance(field, models.DecimalField):
        return _decimal_refusal(field, value)
    if isinstance(field, models.IntegerField) and isinstance(value, int):
        low, high = connection.ops.integer_field_range(field.get_internal_type())
        # The sign of a positive field is the domain's rule, with its own code.
        if (low is not None and low < 0 and value < low) or (
            high is not None and value > high
        ):
            return f"Ensure this value is between {low} and {high}."
    return None


def _decimal_refusal(field: models.DecimalField, value) -> str | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None
    if not number.is_finite():
        return "Enter a finite number."
    sign, digits, exponent = number.normalize().as_tuple()
    places = max(-exponent, 0)
    whole_digits = max(len(digits) + exponent, 0)
    if places > field.decimal_places:
        return (
            f"Ensure this value has no more than {field.decimal_places} decimal places."
        )
    if whole_digits > field.max_digits - field.decimal_places:
        limit = Decimal(10) ** (field.max_digits - field.decimal_places)
        return f"Ensure this value is less than {limit}."
    return None
