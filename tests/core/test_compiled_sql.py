"""A query compiled once per process still reads the moment it runs at.

It runs as a prepared statement, so the connection keeps its plan.
"""

import datetime
import itertools
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.checkout.models import Checkout
from backend.core.compiled_sql import (
    compiled_objects,
    compiled_rows,
    id_in,
    prepared_statements,
)
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


def _titles_of(_now, ids):
    return Page.objects.filter(id_in("pk", ids)).order_by("title").values_list("title")


def test_a_compiled_query_reads_the_ids_of_each_run_whatever_their_number():
    pages = [factories.PageFactory(title=title) for title in ("A", "B", "C")]
    key = ("titles-of", next(_keys))

    answers = [
        compiled_rows(model=Page, key=key, build=_titles_of, id_lists=(ids,))
        for ids in ([pages[0].pk], [pages[1].pk, pages[2].pk], [])
    ]

    assert answers == [[("A",)], [("B",), ("C",)], []]


def test_an_id_list_written_into_the_sql_is_refused():
    def titles_in(_now, ids):
        return Page.objects.filter(pk__in=ids).values_list("title")

    with pytest.raises(ValueError, match="id_in"):
        compiled_rows(
            model=Page, key=("in", next(_keys)), build=titles_in, id_lists=([1],)
        )


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


def test_a_compiled_query_runs_as_a_prepared_statement_logged_with_its_values():
    page = factories.PageFactory(title="Kept plan")
    key = ("prepared", next(_keys))

    with CaptureQueriesContext(connection) as captured:
        rows = compiled_rows(
            model=Page, key=key, build=_titles_of, id_lists=([page.pk],)
        )

    assert rows == [("Kept plan",)]
    assert any('"page_page"."id" = ANY($1' in sql for sql in _prepared_statements())
    assert f"{{{page.pk}}}" in captured.captured_queries[-1]["sql"]


def test_a_listing_block_runs_its_orm_queries_as_prepared_statements():
    factories.PageFactory(title="Listed")

    with prepared_statements(using="default"):
        titles = list(Page.objects.filter(title="Listed").values_list("title"))

    assert titles == [("Listed",)]
    assert any(
        "'Listed'" not in sql and '"title" = $1' in sql
        for sql in _prepared_statements()
    )


def _titles_starting(_now, word):
    return Page.objects.filter(title__startswith=word).values_list("title")


def test_a_compiled_query_reads_the_words_of_each_run():
    factories.PageFactory(title="Sciatica stretches")
    factories.PageFactory(title="Heat packs")
    key = ("titles-starting", next(_keys))

    answers = [
        compiled_rows(model=Page, key=key, build=_titles_starting, words=(word,))
        for word in ("Heat", "Sciatica", "lumbarwordstandin0x")
    ]

    assert answers == [[("Heat packs",)], [("Sciatica stretches",)], []]


def test_a_word_written_into_the_sql_is_refused():
    def titles_in_sql(_now, word):
        return Page.objects.extra(where=[f"title = '{word}'"]).values_list("title")

    with pytest.raises(ValueError, match="text parameters"):
        compiled_rows(
            model=Page, key=("sql", next(_keys)), build=titles_in_sql, words=("a",)
        )


def test_a_word_with_other_characters_is_refused():
    with pytest.raises(ValueError, match="letters and digits"):
        compiled_rows(
            model=Page,
            key=("quote", next(_keys)),
            build=_titles_starting,
            words=("it's",),
        )


def test_compiled_objects_are_instances_with_their_relations_for_each_uuid():
    checkouts = [factories.CheckoutFactory(email=f"{n}@example.com") for n in (1, 2)]
    key = ("checkout-with-channel", next(_keys))

    def build(_now, token):
        return Checkout.objects.select_related("channel", "user").filter(pk=token)

    found = [
        compiled_objects(model=Checkout, key=key, build=build, uuids=(c.token,))
        for c in checkouts
    ]

    assert [[c.email for c in answer] for answer in found] == [
        ["1@example.com"],
        ["2@example.com"],
    ]
    assert found[0][0].channel == checkouts[0].channel
    assert Checkout.user.is_cached(found[0][0])
    assert found[0][0].user is None


def test_a_uuid_written_into_the_sql_is_refused():
    def by_text(_now, token):
        return Checkout.objects.filter(email=str(token))

    with pytest.raises(ValueError, match="UUID"):
        compiled_objects(
            model=Checkout,
            key=("uuid-as-text", next(_keys)),
            build=by_text,
            uuids=(uuid.uuid4(),),
        )


def test_compiled_objects_refuse_a_values_query():
    with pytest.raises(ValueError, match="model instances"):
        compiled_objects(
            model=Page,
            key=("values", next(_keys)),
            build=lambda _now: Page.objects.values_list("title"),
        )


def test_a_uuid_argument_is_put_in_at_each_run():
    first = factories.CheckoutFactory()
    second = factories.CheckoutFactory()
    key = ("checkout-email-by-token", next(_keys))

    def email_of(now, token):
        return Checkout.objects.filter(token=token).values_list("email")

    found = [
        compiled_rows(model=Checkout, key=key, build=email_of, uuids=(token,))
        for token in (first.token, second.token)
    ]

    assert found == [[(first.email,)], [(second.email,)]]


def test_a_uuid_argument_the_sql_does_not_take_is_refused():
    def not_a_parameter(now, token):
        return Checkout.objects.filter(token=first_token).values_list("email")

    first_token = factories.CheckoutFactory().token

    with pytest.raises(ValueError, match="UUID is not a parameter"):
        compiled_rows(
            model=Checkout,
            key=("uuid-not-a-parameter", next(_keys)),
            build=not_a_parameter,
            uuids=(first_token,),
        )
