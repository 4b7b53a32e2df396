"""search_terms: what of a shopper's text reaches the tsquery."""

from backend.core.search import MAX_SEARCH_TERMS, MAX_TERM_LENGTH, search_terms


def test_terms_are_the_words_lower_cased_once_each():
    assert search_terms("Foam ROLLER foam") == ["foam", "roller"]


def test_punctuation_and_tsquery_operators_only_separate_words():
    assert search_terms("foam&roller | !heat:* (pad) <-> 'x'") == [
        "foam",
        "roller",
        "heat",
        "pad",
        "x",
    ]


def test_underscores_separate_words():
    assert search_terms("product_product") == ["product"]


def test_words_of_any_script_are_kept():
    assert search_terms("Élan 背痛 ёлка") == ["élan", "背痛", "ёлка"]


def test_text_without_letters_or_digits_has_no_terms():
    assert search_terms("!!! ... 🙂") == []


def test_terms_are_capped_in_number_and_length():
    terms = search_terms(" ".join(f"w{index}" for index in range(20)) + " " + "y" * 99)

    assert (len(terms), terms[0]) == (MAX_SEARCH_TERMS, "w0")


def test_a_long_word_is_cut():
    assert search_terms("y" * 99) == ["y" * MAX_TERM_LENGTH]
