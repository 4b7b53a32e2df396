"""Cache versions move once per committed transaction, never for a rollback."""

import time

import pytest
from django.core.cache import cache
from django.db import transaction

from backend.core import cache_versions
from backend.core.cache_versions import CATALOG, PROMISE_RULES, bump, versions


@pytest.mark.django_db(transaction=True)
def test_a_bump_moves_the_version_when_the_transaction_commits():
    (before,) = versions(CATALOG)

    with transaction.atomic():
        bump(CATALOG)
        during = versions(CATALOG)

    assert during == (before,)
    assert versions(CATALOG) == (before + 1,)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_moves_nothing():
    before = versions(CATALOG, PROMISE_RULES)

    with transaction.atomic():
        bump(CATALOG, PROMISE_RULES)
        transaction.set_rollback(True)

    assert versions(CATALOG, PROMISE_RULES) == before


@pytest.mark.django_db(transaction=True)
def test_a_bump_outside_a_transaction_moves_at_once():
    (before,) = versions(CATALOG)

    bump(CATALOG)

    assert versions(CATALOG) == (before + 1,)


@pytest.mark.django_db
def test_bumps_in_one_transaction_move_each_version_once(
    django_capture_on_commit_callbacks,
):
    catalog, rules = versions(CATALOG, PROMISE_RULES)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        bump(CATALOG)
        bump(CATALOG, PROMISE_RULES)
        bump(CATALOG)

    assert len(callbacks) == 1
    assert versions(CATALOG, PROMISE_RULES) == (catalog + 1, rules + 1)


@pytest.mark.django_db
def test_a_rolled_back_savepoint_drops_only_its_own_bump(
    django_capture_on_commit_callbacks,
):
    catalog, rules = versions(CATALOG, PROMISE_RULES)

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                bump(PROMISE_RULES)
                raise RuntimeError("refused")
        except RuntimeError:
            pass
        bump(CATALOG)

    assert versions(CATALOG, PROMISE_RULES) == (catalog + 1, rules)


@pytest.mark.django_db
def test_a_bump_after_a_rolled_back_savepoint_still_moves(
    django_capture_on_commit_callbacks,
):
    (before,) = versions(CATALOG)

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                bump(CATALOG)
                raise RuntimeError("refused")
        except RuntimeError:
            pass
        bump(CATALOG)

    assert versions(CATALOG) == (before + 1,)


@pytest.mark.django_db
def test_a_transaction_sees_its_own_bumps_pending_until_they_run(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        assert not cache_versions.pending(CATALOG)
        bump(CATALOG)
        seen_before_commit = cache_versions.pending(CATALOG)

    assert seen_before_commit
    assert not cache_versions.pending(CATALOG)


def test_an_unknown_version_name_is_refused():
    with pytest.raises(ValueError, match="Unknown cache version"):
        bump("catalgo")


def test_a_lost_version_starts_again_above_its_old_number():
    (before,) = versions(CATALOG)

    cache_versions.cache.delete(cache_versions.version_key(CATALOG))

    assert versions(CATALOG)[0] > before


def _fine(*names):
    return dict(cache_versions.fine_snapshot(names, sequence=2**62) or ())


@pytest.mark.django_db(transaction=True)
def test_a_fine_version_moves_past_the_sequence_read_before_it():
    found = cache.get_many([cache_versions.SEQUENCE_KEY])
    sequence = cache_versions.sequence_from(found)

    bump(cache_versions.stock(12))

    assert (
        cache_versions.fine_snapshot([cache_versions.stock(12)], sequence=sequence)
        is None
    )
    assert (
        _fine(cache_versions.stock(12))[
            cache_versions.version_key(cache_versions.stock(12))
        ]
        > sequence
    )


@pytest.mark.django_db(transaction=True)
def test_a_fine_version_moved_before_the_sequence_was_read_keeps_the_entry():
    bump(cache_versions.stock(12))
    found = cache.get_many([cache_versions.SEQUENCE_KEY])

    snapshot = cache_versions.fine_snapshot(
        [cache_versions.stock(12)], sequence=cache_versions.sequence_from(found)
    )

    assert snapshot is not None
    assert cache_versions.fine_current(snapshot)


@pytest.mark.django_db(transaction=True)
def test_a_fine_move_makes_an_entry_stale_and_leaves_others_current():
    twelve, thirteen = cache_versions.stock(12), cache_versions.stock(13)
    kept_12 = cache_versions.fine_snapshot([twelve], sequence=2**62)
    kept_13 = cache_versions.fine_snapshot([thirteen], sequence=2**62)

    bump(twelve)

    assert not cache_versions.fine_current(kept_12)
    assert cache_versions.fine_current(kept_13)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_fine_bump_moves_nothing():
    kept = cache_versions.fine_snapshot([cache_versions.stock(12)], sequence=2**62)

    with transaction.atomic():
        bump(cache_versions.stock(12), cache_versions.LISTINGS)
        transaction.set_rollback(True)

    assert cache_versions.fine_current(kept)


def test_depends_on_records_only_inside_recording():
    cache_versions.depends_on(cache_versions.stock(1))

    with cache_versions.recording() as names:
        cache_versions.depends_on(cache_versions.stock(2), cache_versions.LISTINGS)

    assert names == {cache_versions.stock(2), cache_versions.LISTINGS}


def test_reading_a_fine_version_the_cache_lacks_reads_0_and_writes_nothing():
    key = cache_versions.version_key(cache_versions.PRODUCTS_TEXT)
    cache.delete(key)

    assert versions(cache_versions.PRODUCTS_TEXT) == (0,)
    assert cache.get(key) is None


@pytest.mark.django_db(transaction=True)
def test_a_fine_version_the_sequence_never_issued_is_renumbered_then_entries_store():
    """An earlier release started missing fine versions from the clock."""
    key = cache_versions.version_key(cache_versions.PRODUCTS_TEXT)
    bump(cache_versions.stock(12))  # the sequence stands at some number
    cache.set(key, time.time_ns(), None)

    def snapshot():
        found = cache.get_many([cache_versions.SEQUENCE_KEY])
        sequence = cache_versions.sequence_from(found)
        return cache_versions.fine_snapshot(
            [cache_versions.PRODUCTS_TEXT], sequence=sequence
        )

    assert snapshot() is None  # stored with it, an entry could never be served
    assert snapshot() is not None
    assert cache.get(key) == cache.get(cache_versions.SEQUENCE_KEY)
