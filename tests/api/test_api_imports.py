"""How the API's modules name each other: lazy_type, or a reasoned import.

backend/graphql breaks an import circle one way, ``core.lazy.lazy_type``;
an import inside a function is the exception and says why on the line
above it.
"""

import ast
from pathlib import Path

from django.conf import settings

from backend.graphql.core.lazy import lazy_type
from backend.graphql.order.types import Order

API_ROOT = Path(settings.BASE_DIR) / "backend" / "graphql"


def _function_level_imports():
    """Yield (path, line, text of the line above) of imports inside functions."""
    for path in sorted(API_ROOT.rglob("*.py")):
        lines = path.read_text().splitlines()
        tree = ast.parse("\n".join(lines))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    above = lines[node.lineno - 2].strip()
                    yield path.relative_to(API_ROOT), node.lineno, above


def test_lazy_type_returns_the_type_its_dotted_path_names():
    thunk = lazy_type("backend.graphql.order.types.Order")

    assert thunk() is Order


def test_every_import_inside_an_api_function_says_why_above_it():
    unexplained = [
        f"{path}:{line}"
        for path, line, above in _function_level_imports()
        if not above.startswith("#")
    ]

    assert unexplained == []
