"""Saleor's dashboard's own GraphQL documents, read from ../shared at test time.

A test sends exactly what the dashboard sends: the operation with every
fragment it reaches (scripts/dashboard_operations.py gathers them).
"""

import importlib.util
import sys
from functools import cache
from pathlib import Path

from django.conf import settings
from graphql import print_ast

from tests.shared_assets import SHARED_DIR, require_shared

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "dashboard_operations.py"
DASHBOARD = SHARED_DIR / "clients" / "saleor-dashboard" / "src"


@cache
def _operations() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("dashboard_operations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    found = {}
    for operation in module.operations(DASHBOARD):
        found.setdefault(operation.name, print_ast(operation.document))
    return found


def dashboard_document(name: str) -> str:
    """Return the dashboard's operation ``name`` with its fragments."""
    require_shared(DASHBOARD)
    return _operations()[name]
