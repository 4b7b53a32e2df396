"""Full-text search helpers the product and page searches share.

A shopper's text becomes a PostgreSQL tsquery built from its words alone,
so no operator or quote they type reaches ``to_tsquery``: the words are
ANDed and the last one matches as a prefix, as they type it. Typos are
corrected word by word with pg_trgm against the words the store itself
uses, so a suggestion is always a word that can match.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Q, QuerySet

# Stemming for English; the same configuration builds every search vector.
SEARCH_CONFIG = "english"
# Unstemmed words of names and titles, for a word typed past its stem.
# Weighted D in the vectors, so they barely move the rank.
PREFIX_CONFIG = "simple"
# Words past this many are ignored: a query of 8 words is already rare.
MAX_SEARCH_TERMS = 8
# Longer "words" are pasted noise; cut them so a tsquery stays small.
MAX_TERM_LENGTH = 40
# Shorter words are too ambiguous to correct ("ab" is close to everything).
MIN_CORRECTED_LENGTH = 3
# pg_trgm similarity a correction needs (pg_trgm's own default threshold).
CORRECTION_MIN_SIMILARITY = 0.3
# ts_rank's weights of D, C, B, A. C (descriptions, article bodies) counts
# half of PostgreSQL's default 0.2: long texts mention many things in
# passing, and a name or title says what a thing is.
RANK_WEIGHTS = [0.05, 0.1, 0.4, 1.0]
# ts_rank normalization flags: 0 ignores the document's length (a long
# description is no less about its product).
RANK_NORMALIZATION = 0
# Extra weight of the last word, the head of an English noun phrase:
# "sciatica strap" wants a strap for sciatica, not a sciatica bundle.
HEAD_TERM_BOOST = 0.5
# Letters and digits of any script; "_" and punctuation split words.
WORD_RE = re.compile(r"[^\W_]+")


def search_terms(text: str | None) -> list[str]:
    """Return the distinct words of a search text, lower-cased and capped."""
    terms: list[str] = []
    for word in WORD_RE.findall((text or "").lower()):
        word = word[:MAX_TERM_LENGTH]
        if word not in terms:
            terms.append(word)
    return terms[:MAX_SEARCH_TERMS]


def _raw(terms: list[str], *, operator: str, prefix: bool, config: str):
    parts = [f"'{term}'" for term in terms]
    if prefix and parts:
        parts[-1] += ":*"
    return SearchQuery(operator.join(parts), search_type="raw", config=config)


def search_query(terms: list[str]) -> SearchQuery:
    """Return a tsquery matching every term, the last one as a prefix.

    The last term matches a stemmed prefix or an unstemmed one (the
    ``simple`` copy of names and titles in the vectors): "physica" is past
    the stem of "physical" ("physic") but still starts the word. The terms
    come from ``search_terms``: letters and digits only, so they are safe
    to quote into a raw tsquery.
    """
    *whole, last = terms
    typing = _raw([last], operator=" & ", prefix=True, config=SEARCH_CONFIG) | _raw(
        [last], operator=" & ", prefix=True, config=PREFIX_CONFIG
    )
    if not whole:
        return typing
    return _raw(whole, operator=" & ", prefix=False, config=SEARCH_CONFIG) & typing


def search_rank(terms: list[str], *, vector: str = "search_vector"):
    """Return the rank of a row's vector for the terms, best highest.

    ``ts_rank`` of the terms taken one by one (an AND query would rank by
    how close the words stand, which says little in a short product text),
    counted once more where a word matches whole rather than as a prefix,
    and the last word's rank again by half (HEAD_TERM_BOOST).
    """
    rank = SearchRank(
        F(vector),
        _raw(terms, operator=" | ", prefix=True, config=SEARCH_CONFIG),
        weights=RANK_WEIGHTS,
        normalization=RANK_NORMALIZATION,
    ) + SearchRank(
        F(vector),
        _raw(terms, operator=" | ", prefix=False, config=SEARCH_CONFIG),
        weights=RANK_WEIGHTS,
        normalization=RANK_NORMALIZATION,
    )
    if len(terms) < 2:
        return rank
    return rank + HEAD_TERM_BOOST * SearchRank(
        F(vector),
        _raw(terms[-1:], operator=" | ", prefix=True, config=SEARCH_CONFIG),
        weights=RANK_WEIGHTS,
        normalization=RANK_NORMALIZATION,
    )


def search_tiers(
    queryset: QuerySet, *, terms: list[str], vector: str, matches: Q
) -> list[QuerySet]:
    """Split the rows matching a search by what a short vector of theirs holds.

    ``vector`` names a small vector of one field (a name, a title) whose
    words the long vector (``matches``) holds too: the rows holding every
    word there come first, then those holding the last word (the head of
    the phrase), then the other rows ``matches`` finds. The first tiers
    read the short vector's GIN index alone, never a long vector.
    """
    every = Q(**{vector: search_query(terms)})
    head = Q(**{vector: search_query(terms[-1:])})
    tiers = [queryset.filter(every)]
    if len(terms) > 1:
        tiers.append(queryset.filter(head).exclude(every))
    tiers.append(queryset.filter(matches).exclude(head))
    return tiers


def terms_corrected(*, terms: list[str], vocabularies: list[QuerySet]) -> list[str]:
    """Return the terms with each unknown word replaced by its closest known one.

    ``vocabularies`` are querysets of one text column (names, titles); their
    words are the known ones. A term stays as typed when a known word starts
    with it, when it is short or has digits, or when nothing is close enough
    (pg_trgm similarity). One query.
    """
    if not terms or not vocabularies:
        return list(terms)
    selects, params = [], []
    for queryset in vocabularies:
        sql, query_params = queryset.query.sql_with_params()
        selects.append(f"SELECT * FROM ({sql}) AS source")
        params.extend(query_params)
    sql = f"""
        WITH texts(body) AS ({" UNION ALL ".join(selects)}),
        vocabulary AS (
            SELECT DISTINCT word
            FROM texts, regexp_split_to_table(lower(body), '[^[:alnum:]]+') AS word
            WHERE length(word) >= {MIN_CORRECTED_LENGTH}
        )
        SELECT term.value,
            EXISTS (
                SELECT 1 FROM vocabulary
                WHERE left(vocabulary.word, length(term.value)) = term.value
            ),
            best.word
        FROM unnest(%s::text[]) WITH ORDINALITY AS term(value, position)
        LEFT JOIN LATERAL (
            SELECT word FROM vocabulary
            WHERE similarity(word, term.value) >= %s
            ORDER BY similarity(word, term.value) DESC, word
            LIMIT 1
        ) AS best ON true
        ORDER BY term.position
    """
    # The database the vocabularies read from: a replica when routed there.
    with connections[vocabularies[0].db].cursor() as cursor:
        cursor.execute(sql, [*params, list(terms), CORRECTION_MIN_SIMILARITY])
        rows = cursor.fetchall()
    corrected = []
    for term, known, closest in rows:
        keep = (
            known
            or closest is None
            or len(term) < MIN_CORRECTED_LENGTH
            or any(character.isdigit() for character in term)
        )
        corrected.append(term if keep else closest)
    return corrected
