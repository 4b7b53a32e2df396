"""The committed backend/graphql/schema.graphql matches the served schema."""

import io
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from graphql import build_schema

from backend.graphql.management.commands.get_graphql_schema import printed_schema

SCHEMA_FILE = Path(settings.BASE_DIR) / "backend" / "graphql" / "schema.graphql"
REGENERATE = "python manage.py get_graphql_schema > backend/graphql/schema.graphql"


def test_committed_schema_is_current():
    committed = SCHEMA_FILE.read_text() if SCHEMA_FILE.exists() else ""

    assert committed == printed_schema(), (
        f"backend/graphql/schema.graphql is stale; regenerate it with: {REGENERATE}"
    )


def test_command_prints_the_schema_it_compares():
    out = io.StringIO()

    call_command("get_graphql_schema", stdout=out)

    assert out.getvalue() == printed_schema()


def test_printed_schema_parses_and_has_the_query_root():
    schema = build_schema(printed_schema())

    assert {"shop", "channels", "attributes", "menu", "warehouses"} <= set(
        schema.query_type.fields
    )
