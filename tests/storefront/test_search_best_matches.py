"""A search matching more than it ranks still shows the best matches first.

The page ranks at most SEARCH_BEST_MATCHES products and ARTICLE_CANDIDATES
guides, chosen tier by tier: named (titled) by every word, then by the last
word, then the rest (docs/search.md). The tests make the bounds small.
"""

import pytest

from backend.product.services import product_update
from tests.fixtures.catalog import make_published_product

from .helpers import shown_names, texts_by_class
from .test_search_page import make_guide


@pytest.fixture
def best_of_three(monkeypatch):
    monkeypatch.setattr("backend.product.search.SEARCH_BEST_MATCHES", 3)


def _described(product, text):
    product_update(
        product=product,
        description={"blocks": [{"type": "paragraph", "data": {"text": text}}]},
    )


def test_a_search_shows_the_product_named_by_the_word_before_newer_mentions(
    best_of_three, client, channel, warehouse
):
    make_published_product(channel=channel, warehouse=warehouse, name="Sciatica Wedge")
    for index in range(5):
        brace = make_published_product(
            channel=channel, warehouse=warehouse, name=f"Knee Brace {index}"
        )
        _described(brace, "Eases sciatica on long walks.")

    response = client.get("/search/", {"q": "sciatica"})

    names = shown_names(response)
    assert (names[0], len(names)) == ("Sciatica Wedge", 3)


def test_a_search_says_when_it_shows_only_the_best_matches(
    best_of_three, client, channel, warehouse
):
    for index in range(4):
        make_published_product(
            channel=channel, warehouse=warehouse, name=f"Sciatica Pillow {index}"
        )

    response = client.get("/search/", {"q": "sciatica"})

    assert texts_by_class(response, "result-note") == [
        "These are the best matches. Add a word to narrow the search."
    ]


def test_a_search_with_few_matches_shows_them_all_without_a_note(
    best_of_three, client, channel, warehouse
):
    for index in range(2):
        make_published_product(
            channel=channel, warehouse=warehouse, name=f"Sciatica Pillow {index}"
        )

    response = client.get("/search/", {"q": "sciatica"})

    assert (len(shown_names(response)), texts_by_class(response, "result-note")) == (
        2,
        [],
    )


def test_a_two_word_search_puts_the_product_named_by_the_last_word_first(
    best_of_three, client, channel, warehouse
):
    strap = make_published_product(
        channel=channel, warehouse=warehouse, name="Stretch Strap"
    )
    _described(strap, "Loosens the hamstrings that pull on sciatica.")
    for index in range(4):
        cushion = make_published_product(
            channel=channel, warehouse=warehouse, name=f"Sciatica Cushion {index}"
        )
        _described(cushion, "Comes with a carry strap.")

    response = client.get("/search/", {"q": "sciatica strap"})

    assert shown_names(response)[0] == "Stretch Strap"


def test_the_in_stock_filter_applies_before_the_best_matches_are_chosen(
    best_of_three, client, channel, warehouse
):
    make_published_product(
        channel=channel, warehouse=warehouse, name="Sciatica Pillow Stocked"
    )
    for index in range(4):
        make_published_product(
            channel=channel,
            warehouse=warehouse,
            name=f"Sciatica Pillow Sold Out {index}",
            quantity=0,
        )

    response = client.get("/search/", {"q": "sciatica", "in_stock": "on"})

    assert shown_names(response) == ["Sciatica Pillow Stocked"]


def test_a_guide_titled_by_the_words_comes_first_among_many_mentioning_them(
    monkeypatch, client, db
):
    monkeypatch.setattr("backend.page.selectors.search.ARTICLE_CANDIDATES", 2)
    make_guide(title="Piriformis Stretches")
    for index in range(5):
        make_guide(
            title=f"Desk Posture {index}",
            body_html="<p>A tight piriformis can press on the nerve.</p>",
        )

    response = client.get("/search/", {"q": "piriformis"})

    assert texts_by_class(response, "article-card-title")[0] == (
        "Guide Piriformis Stretches"
    )
