"""A process's copies of large cache entries stay within their byte budget."""

from django.core.cache import cache

from backend.core.cache import LocalCopies


def test_the_least_recently_read_entry_goes_first_when_the_budget_is_full():
    copies = LocalCopies(max_bytes=800)
    for name in "abcdefgh":
        copies.keep(name, f"page {name}", size=100)
    copies.get("a")  # read again: now "b" is the least recent

    copies.keep("i", "page i", size=100)

    assert (copies.get("a"), copies.get("b"), copies.get("i")) == (
        "page a",
        None,
        "page i",
    )
    assert copies.size == 800


def test_an_entry_over_an_eighth_of_the_budget_is_not_kept():
    copies = LocalCopies(max_bytes=800)

    copies.keep("big", "a large page", size=101)

    assert copies.get("big") is None
    assert copies.size == 0


def test_keeping_a_key_again_replaces_its_entry_and_size():
    copies = LocalCopies(max_bytes=800)
    copies.keep("a", "old", size=100)

    copies.keep("a", "new", size=40)

    assert (copies.get("a"), copies.size, len(copies)) == ("new", 40, 1)


def test_a_dropped_entry_gives_its_bytes_back():
    copies = LocalCopies(max_bytes=800)
    copies.keep("a", "page", size=100)

    copies.drop("a")
    copies.drop("never kept")

    assert (copies.get("a"), copies.size) == (None, 0)


def test_many_distinct_keys_never_pass_the_budget():
    copies = LocalCopies(max_bytes=10_000)

    for number in range(5_000):
        copies.keep(f"search:{number}", "results", size=1_000)

    assert copies.size <= 10_000
    assert len(copies) == 10


def test_clearing_the_cache_empties_every_process_copy():
    copies = LocalCopies(max_bytes=800)
    copies.keep("a", "page", size=100)

    cache.clear()

    assert (copies.get("a"), copies.size) == (None, 0)
