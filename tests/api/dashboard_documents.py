"""Saleor's dashboard's own GraphQL documents, read from ../shared at test time.

scripts/dashboard_operations.py finds each operation with the fragments it
reaches; tests send that document as the dashboard does, never a copy.
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
def _operations() -> dict:
    spec = importlib.util.spec_from_file_location("dashboard_operations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return {op.name: op for op in module.operations(DASHBOARD)}


def dashboard_document(name: str) -> str:
    """Return the dashboard's operation of that name, with its fragments."""
    require_shared(DASHBOARD)
    return print_ast(_operations()[name].document)
