"""A query compiled once per process still reads the moment it runs at."""

import datetime
import itertools

import pytest
from django.utils import timezone

from backend.core.compiled_sql import compiled_rows
from backend.page.models import Page
from tests import factories

pytestmark = pytest.mark.django_db
NOON = datetime.datetime(2026, 12, 7, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)
_keys = itertools.count()


def _published_titles(now):
    return Page.objects.filter(published_at__lte=now).values_list("title")


def test_a_compiled_query_answers_for_the_moment_of_each_run():
    factories.PageFactory(title="Morning", published_at=NOON - 3 * HOUR)
    factories.PageFactory(title="Evening", published_at=NOON + 6 * HOUR)
    key = ("published-titles", next(_keys))

    at_noon = compiled_rows(model=Page, key=key, build=_published_titles, now=NOON)
    at_night = compiled_rows(
        model=Page,
        key=key,
        build=_published_titles,
        now=NOON + 12 * HOUR,
    )

    assert at_noon == [("Morning",)]
    assert sorted(at_night) == [("Evening",), ("Morning",)]


def test_a_moment_derived_from_the_argument_is_refused():
    def published_a_day_before(now):
        return _published_titles(now - datetime.timedelta(days=1))

    with pytest.raises(ValueError, match="depends on the time"):
        compiled_rows(
            model=Page,
            key=("a-day-before", next(_keys)),
            build=published_a_day_before,
            now=NOON,
        )


def test_a_query_reading_the_clock_itself_is_refused():
    with pytest.raises(ValueError, match="depends on the time"):
        compiled_rows(
            model=Page,
            key=("clock", next(_keys)),
            build=lambda _now: _published_titles(timezone.now()),
            now=NOON,
        )
