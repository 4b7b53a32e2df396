"""The dashboard's own GraphQL documents, read from ../shared at test time.

scripts/dashboard_operations.py finds them (every gql`...` under the
dashboard's src/) and gives each operation the fragments it spreads; the
tests send them exactly, never a copy kept in this repository.
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
def _operations() -> dict[tuple[str, str], str]:
    spec = importlib.util.spec_from_file_location("dashboard_operations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return {
        (op.path, op.name): print_ast(op.document)
        for op in module.operations(require_shared(DASHBOARD))
    }


def dashboard_document(path_or_name: str, name: str | None = None) -> str:
    """Return the dashboard's operation with its fragments.

    Either (path, name), the operation in src/<path>, or a name alone: the
    first operation of that name. Skips the calling test when ../shared/ is
    not checked out.
    """
    if name is not None:
        require_shared(DASHBOARD / path_or_name)
        return _operations()[(path_or_name, name)]
    require_shared(DASHBOARD)
    for (_path, op_name), document in _operations().items():
        if op_name == path_or_name:
            return document
    raise KeyError(path_or_name)
