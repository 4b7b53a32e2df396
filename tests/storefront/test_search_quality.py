"""Twenty shopper queries against the demo catalog and the committed guides.

Each row names what must come first: the top guide, or the set of products
that must fill the first places (in any order among themselves: the demo
has three TENS units, and any of them first is right). docs/search.md
prints the same table; a test keeps the two equal.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from backend.page.selectors.search import site_search
from backend.page.services import content_sync
from tests.fixtures.demo import module_store_writes

GUIDE = "guide"
PRODUCTS = "products"
DOCS = Path(settings.BASE_DIR) / "docs" / "search.md"


@dataclass(frozen=True)
class Case:
    query: str
    kind: str
    expected: tuple[str, ...]
    why: str


TENS_UNITS = (
    "PulseEase Pro TENS & EMS Combo",
    "PulseEase TENS Unit",
    "Wireless TENS Mini",
)
STRETCH_STRAPS = ("12-Loop Stretch Strap", "D-Ring Hamstring & Piriformis Strap")
FOAM_ROLLERS = ("High-Density Foam Roller", "Textured Grid Foam Roller")
ELECTRODE_PADS = ("Lumbar Butterfly Electrode Pads", "Self-Adhesive Electrode Pads")
CUSHION = ("Memory Foam Lumbar Support Cushion",)

CASES = [
    Case("tens", PRODUCTS, TENS_UNITS, "name A beats 'tension' in a description"),
    Case("sciatca strap", PRODUCTS, STRETCH_STRAPS, "typo corrected"),
    Case(
        "physical therapy",
        GUIDE,
        ("Physical Therapy for Sciatica",),
        "article title A",
    ),
    Case("foam roller", PRODUCTS, FOAM_ROLLERS, "both words in the name"),
    Case("foam rol", PRODUCTS, FOAM_ROLLERS, "last word as a prefix"),
    Case("heat pack", PRODUCTS, ("Moist Heat Therapy Pack",), "both in the name"),
    Case(
        "heating pad",
        PRODUCTS,
        ("Electric Heating Pad with Auto-Off",),
        "stemmed: heating → heat",
    ),
    Case("cold pack", PRODUCTS, ("Reusable Gel Hot & Cold Pack",), "name"),
    Case("LMB-TENS-PE-2CH", PRODUCTS, ("PulseEase TENS Unit",), "SKU as typed"),
    Case("electrode pads", PRODUCTS, ELECTRODE_PADS, "name and category"),
    Case("electorde pads", PRODUCTS, ELECTRODE_PADS, "typo corrected"),
    Case("lumbar cushion", PRODUCTS, CUSHION, "name"),
    Case("lumbar cusion", PRODUCTS, CUSHION, "typo corrected"),
    Case(
        "massage ball",
        PRODUCTS,
        ("Lacrosse Massage Ball Set", "Peanut Massage Ball", "Spiky Massage Ball"),
        "name",
    ),
    Case("yoga strap", PRODUCTS, ("Organic Cotton Yoga Strap",), "name"),
    Case(
        "piriformis",
        PRODUCTS,
        ("D-Ring Hamstring & Piriformis Strap",),
        "name A beats description C",
    ),
    Case("wireless tens", PRODUCTS, ("Wireless TENS Mini",), "name"),
    Case(
        "exercises for sciatica",
        GUIDE,
        ("Exercises for Sciatica",),
        "title; 'for' is a stop word",
    ),
    Case("heat or ice", GUIDE, ("Heat or Ice for Sciatica",), "title"),
    Case(
        "yoga for sciatca",
        GUIDE,
        ("Yoga for Sciatica Pain",),
        "typo corrected",
    ),
]


@pytest.fixture(scope="module")
def store_with_guides(demo_store, django_db_blocker):
    """Return the demo store with the committed articles synced into it."""
    with module_store_writes(django_db_blocker):
        content_sync()
    return demo_store


def top_results(case: Case) -> tuple[str, ...]:
    """Return what the search page shows first for the case's query."""
    found = site_search(text=case.query, channel_slug=settings.DEFAULT_CHANNEL_SLUG)
    if case.kind == GUIDE:
        return tuple(page.title for page in found.articles[:1])
    # As the page reads them: the best matches among the listed products.
    names = (
        found.best_products(found.listed)
        .order_by("-search_rank", "name", "pk")
        .values_list("name", flat=True)
    )
    return tuple(sorted(names[: len(case.expected)]))


@pytest.mark.parametrize("case", CASES, ids=[case.query for case in CASES])
def test_query_puts_the_expected_results_first(case, store_with_guides, db):
    assert top_results(case) == tuple(sorted(case.expected))


def test_the_table_has_twenty_queries():
    assert len(CASES) == 20


def _docs_rows() -> list[tuple[str, str]]:
    rows = []
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `([^`]+)` \| (guide|products) \|", line)
        if match:
            rows.append((match[1], match[2]))
    return rows


def test_docs_print_the_same_queries():
    assert _docs_rows() == [(case.query, case.kind) for case in CASES]
