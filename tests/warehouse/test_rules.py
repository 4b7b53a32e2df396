"""A bad warehouse calendar is refused with a message that names the problem."""

import pytest
from django.core.exceptions import ValidationError

from backend.warehouse.rules import validate_time_zone, validate_weekdays


def _message(error: pytest.ExceptionInfo) -> str:
    return " ".join(error.value.messages)


def test_known_time_zone_is_accepted():
    validate_time_zone("America/Los_Angeles")


def test_unknown_time_zone_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_time_zone("Pacific/Atlantis")

    assert _message(error) == (
        '"Pacific/Atlantis" is not a known time zone (e.g. America/New_York).'
    )


@pytest.mark.parametrize("days", [[], [7], [0, 0], "Mon", [True]])
def test_weekdays_must_be_distinct_days_of_the_week(days):
    with pytest.raises(ValidationError):
        validate_weekdays(days)
