"""How much of Saleor's dashboard Lumbar's schema serves, and that it never shrinks.

The dashboard's documents are read from ../shared/clients/saleor-dashboard;
scripts/dashboard_operations.py prints the same count (and, with --failing,
each operation that does not validate yet).
"""

import importlib.util
import sys
from pathlib import Path

from django.conf import settings
from graphql import build_schema

from tests.shared_assets import SHARED_DIR, require_shared

# Raise this as the dashboard's screens gain the fields they use.
VALID_AT_LEAST = 270

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "dashboard_operations.py"
DASHBOARD = SHARED_DIR / "clients" / "saleor-dashboard" / "src"


def _counter():
    spec = importlib.util.spec_from_file_location("dashboard_operations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_dashboard_operations_validating_against_lumbar_do_not_fall():
    counter = _counter()
    operations = counter.operations(require_shared(DASHBOARD))
    schema = build_schema(
        counter.LUMBAR_SCHEMA.read_text(), assume_valid=True, no_location=True
    )

    failing = counter.failures(schema, operations)

    assert len(operations) - len(failing) >= VALID_AT_LEAST, sorted(failing)[:20]


def test_the_counter_reads_every_dashboard_operation():
    counter = _counter()

    operations = counter.operations(require_shared(DASHBOARD))

    assert len(operations) > 400
    assert len({(op.path, op.name) for op in operations}) == len(operations)
