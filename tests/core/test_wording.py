"""Counts read as plain English: "1 unit", "2 units", never "1 units".

Scans every template and every message string in backend/ for a count
written before a plural noun without pluralising it, for "(s)", and for the
sentences that were reported as awkward, so they cannot come back.
"""

import ast
import re
from pathlib import Path

import pytest
from django.template.defaultfilters import pluralize
from django.utils.translation import ngettext

ROOT = Path(__file__).resolve().parents[2]
BACKEND = ROOT / "backend"
PLURAL_NOUNS = (
    "articles|attempts|characters|comments|customers|days|hours|items|lines|"
    "minutes|orders|packages|parcels|pieces|products|results|reviews|seconds|"
    "times|units|variants|warehouses|weeks"
)
# A count, a space (and "business "), then a plural noun: "1 days".
LITERAL_ONE = re.compile(rf"\b1 (?:business )?(?:{PLURAL_NOUNS})\b", re.IGNORECASE)
# "{{ count }} units" in a template, unless the count is pluralised.
TEMPLATE_COUNT = re.compile(
    rf"(?P<before>[-–]\s*)?\{{\{{(?P<count>[^}}]*)\}}\}}\s+(?:business )?"
    rf"(?:{PLURAL_NOUNS})\b"
)
# "{count} units", "%d units", "%(count)s units" in a message string.
MESSAGE_COUNT = re.compile(
    rf"(?P<before>[-–]\s*)?(?:\{{(?P<count>[^{{}}]*)\}}|%(?:\(\w+\))?[ds])\s+"
    rf"(?:business )?(?:{PLURAL_NOUNS})\b"
)
OPTIONAL_PLURAL = re.compile(r"\w\(s\)")
AWKWARD = ("Please, ", "times this item")
# A named constant or a limit is a fixed number above one: "at most {MAX}
# characters", "at most {max_length} characters".
FIXED_NUMBER = re.compile(r"[A-Z][A-Z0-9_.]*|.*\b(?:max\w*|limit)")
# Counts that read right, each with why.
ALLOWED = {
    # A condition's name, not a count: "Shop sciatica products".
    "{named[0][1].lower()} products",
    # Said only above a limit of at least two.
    "{len(value.strip())} characters",
}
PLURAL_FUNCTIONS = {"ngettext", "ngettext_lazy", "npgettext", "npgettext_lazy"}


def template_files() -> list[Path]:
    files = list((ROOT / "storefront_templates").rglob("*"))
    files += [p for p in BACKEND.rglob("*") if "templates" in p.parts]
    return sorted(p for p in files if p.suffix in {".html", ".txt"})


def _placeholder(node: ast.FormattedValue) -> str:
    return "{" + ast.unparse(node.value) + "}"


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else _placeholder(part)
            for part in node.values
        )
    return None


def message_strings(path: Path) -> list[tuple[int, str]]:
    """Return (line, text) of each string in a module, f-strings with their
    placeholders; docstrings, API descriptions and ngettext's forms left out."""
    tree = ast.parse(path.read_text(), filename=str(path))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "description":
            skipped.add(id(node.value))  # API docs, worded as Saleor's
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # a docstring
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in PLURAL_FUNCTIONS:
                skipped.update(id(arg) for arg in node.args)
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(part) for part in node.values)
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        text = _text(node)
        if text:
            found.append((node.lineno, text))
    return found


def python_files() -> list[Path]:
    return sorted(p for p in BACKEND.rglob("*.py") if "migrations" not in p.parts)


def _count_problems(pattern: re.Pattern, text: str) -> list[str]:
    problems = []
    for match in pattern.finditer(text):
        count = (match.group("count") or "").strip()
        if match.group("before") or "pluralize" in count:
            continue  # a range ("1–3 days") or pluralised
        if FIXED_NUMBER.fullmatch(count) or match.group(0) in ALLOWED:
            continue
        problems.append(match.group(0))
    return problems


def wording_problems(text: str, count_pattern: re.Pattern) -> list[str]:
    problems = [m.group(0) for m in LITERAL_ONE.finditer(text)]
    problems += _count_problems(count_pattern, text)
    problems += [m.group(0) for m in OPTIONAL_PLURAL.finditer(text)]
    problems += [phrase for phrase in AWKWARD if phrase in text]
    return problems


def test_no_template_writes_a_count_before_an_unpluralised_noun():
    found = [
        f"{path.relative_to(ROOT)}: {problem}"
        for path in template_files()
        for problem in wording_problems(path.read_text(), TEMPLATE_COUNT)
    ]

    assert found == []


def test_no_message_in_backend_writes_a_count_before_an_unpluralised_noun():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {problem}"
        for path in python_files()
        for line, text in message_strings(path)
        for problem in wording_problems(text, MESSAGE_COUNT)
    ]

    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "Delivery in 1 business days",
        "{{ sheet.total }} units",
        "1 order(s) about to miss ship-by",
        "Please, enter valid credentials",
        "Cannot add more than 50 times this item.",
    ],
)
def test_the_scan_catches_the_reported_wording(text):
    assert wording_problems(text, TEMPLATE_COUNT)


@pytest.mark.parametrize(
    "text",
    [
        "{{ total }} unit{{ total|pluralize }}",
        "{{ low }}–{{ high }} days",
        "Fast Delivery: 1-2 Days on All Orders",
    ],
)
def test_the_scan_lets_plain_counts_through(text):
    assert not wording_problems(text, TEMPLATE_COUNT)


def test_the_message_scan_sees_placeholders_in_f_strings(tmp_path):
    module = tmp_path / "messages.py"
    module.write_text(
        'def text(days):\n    return f"Delivered in {days} business days"\n'
    )

    ((line, text),) = message_strings(module)

    assert wording_problems(text, MESSAGE_COUNT) == ["{days} business days"]


def test_django_pluralises_one_and_many_as_the_fixes_rely_on():
    assert f"1 unit{pluralize(1)}, 2 unit{pluralize(2)}" == "1 unit, 2 units"
    assert ngettext("%(n)d day", "%(n)d days", 1) % {"n": 1} == "1 day"


def test_a_one_day_transit_is_said_in_the_singular():
    from backend.storefront.cart_page import _transit_text

    assert _transit_text(minimum_days=1, maximum_days=1) == (
        "Delivered in 1 business day"
    )
    assert _transit_text(minimum_days=2, maximum_days=4) == (
        "Delivered in 2-4 business days"
    )
