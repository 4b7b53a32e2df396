"""Bad delivery rules are refused with a message that names the problem."""

import pytest
from django.core.exceptions import ValidationError

from backend.shipping.promise import PostalCodeRule
from backend.shipping.rules import (
    validate_delivery_days,
    validate_postal_code_rules,
)


def _message(error: pytest.ExceptionInfo) -> str:
    return " ".join(error.value.messages)


def test_negative_days_are_refused():
    with pytest.raises(ValidationError) as error:
        validate_delivery_days(minimum=-1, maximum=2)

    assert error.value.message_dict == {
        "minimum_delivery_days": ["Days cannot be negative."]
    }


def test_reversed_postal_code_range_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_postal_code_rules([PostalCodeRule(start="99999", end="99500")])

    assert _message(error) == "Postal code range 99999-99500 ends before it starts."


def test_include_and_exclude_rules_that_do_not_overlap_are_accepted():
    validate_postal_code_rules(
        [
            PostalCodeRule(start="99500", end="99999"),
            PostalCodeRule(start="10000", end="19999", include=True),
        ]
    )
