"""Count how many of Saleor's dashboard's GraphQL operations validate against a schema.

Reads the dashboard's own documents (every gql`...` template under its src/,
generated files excluded) from ../shared/clients/saleor-dashboard, gives each
operation the fragments it reaches, and validates it against Lumbar's printed
schema (backend/graphql/schema.graphql) or, with --saleor, Saleor's.

    python scripts/dashboard_operations.py            # the count
    python scripts/dashboard_operations.py --failing  # and each failure's first error
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from graphql import (
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    build_schema,
    parse,
    specified_rules,
    validate,
)
from graphql.language import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    Visitor,
    visit,
)
from graphql.validation import KnownTypeNamesRule

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LUMBAR_SHARED_DIR", REPO.parent / "shared"))
DASHBOARD_SRC = SHARED / "clients" / "saleor-dashboard" / "src"
LUMBAR_SCHEMA = REPO / "backend" / "graphql" / "schema.graphql"
SALEOR_SCHEMA = SHARED / "saleor" / "schema.graphql"

TEMPLATE = re.compile(r"gql`(.*?)`", re.S)
INTERPOLATION = re.compile(r"\$\{[^}]*\}")


@dataclass(frozen=True)
class Operation:
    name: str
    path: str
    document: DocumentNode


def _templates(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [INTERPOLATION.sub("", body) for body in TEMPLATE.findall(text)]


def _source_files(src: Path) -> list[Path]:
    files = [
        p
        for p in sorted(src.rglob("*.ts*"))
        if p.suffix in {".ts", ".tsx"} and "generated" not in p.name
    ]
    return [p for p in files if "gql`" in p.read_text(encoding="utf-8")]


class _Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_args) -> None:
        self.names.add(node.name.value)


def _spreads(node) -> set[str]:
    visitor = _Spreads()
    visit(node, visitor)
    return visitor.names


def operations(src: Path = DASHBOARD_SRC) -> list[Operation]:
    """Return each operation with the fragments it reaches.

    Staging files redefine some fragments for the next Saleor version; the
    main files' definitions win, as in the dashboard's main codegen.
    """
    fragments: dict[str, FragmentDefinitionNode] = {}
    found: list[tuple[str, OperationDefinitionNode]] = []
    files = sorted(_source_files(src), key=lambda p: ".staging." in p.name)
    for path in files:
        for body in _templates(path):
            if not body.strip():
                continue
            try:
                definitions = parse(body, no_location=True).definitions
            except GraphQLSyntaxError:  # a comment that mentions gql`...`
                continue
            for definition in definitions:
                if isinstance(definition, FragmentDefinitionNode):
                    fragments.setdefault(definition.name.value, definition)
                elif isinstance(definition, OperationDefinitionNode):
                    found.append((str(path.relative_to(src)), definition))
    result = []
    for path, operation in found:
        chosen: list = [operation]
        have: set[str] = set()
        wanted = _spreads(operation)
        while wanted - have:
            name = sorted(wanted - have)[0]
            have.add(name)
            if name in fragments:
                chosen.append(fragments[name])
                wanted |= _spreads(fragments[name])
        result.append(
            Operation(operation.name.value, path, DocumentNode(definitions=chosen))
        )
    return result


class _KnownTypeNamesPlainly(KnownTypeNamesRule):
    """graphql-core's rule without its "Did you mean" suggestion.

    Scoring an unknown name against each of the schema's thousand types took
    most of the count's time; the first error is all it reports.
    """

    def enter_named_type(self, node, *_args) -> None:
        name = node.name.value
        if name not in self.existing_types_map and name not in self.defined_types:
            self.report_error(GraphQLError(f"Unknown type '{name}'.", node))


RULES = tuple(
    _KnownTypeNamesPlainly if rule is KnownTypeNamesRule else rule
    for rule in specified_rules
)


def failures(schema: GraphQLSchema, ops: list[Operation]) -> dict[str, str]:
    """Map each operation that does not validate to its first error."""
    failing = {}
    for op in ops:
        errors = validate(schema, op.document, RULES, max_errors=1)
        if errors:
            failing[f"{op.path}:{op.name}"] = errors[0].message
    return failing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saleor", action="store_true", help="use Saleor's schema")
    parser.add_argument("--failing", action="store_true", help="list failures")
    args = parser.parse_args()
    if not DASHBOARD_SRC.exists():
        print(
            f"error: {DASHBOARD_SRC} is absent (check out ../shared/)", file=sys.stderr
        )
        return 2
    schema_path = SALEOR_SCHEMA if args.saleor else LUMBAR_SCHEMA
    schema = build_schema(schema_path.read_text(), assume_valid=True, no_location=True)
    ops = operations()
    failing = failures(schema, ops)
    if args.failing:
        for name, message in sorted(failing.items()):
            print(f"{name}: {message}")
    valid = len(ops) - len(failing)
    against = "Saleor" if args.saleor else "Lumbar"
    print(f"{valid} of {len(ops)} dashboard operations validate against {against}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
