"""The dashboard's own order documents, read from ../shared at test time.

``dashboard_document("OrderCapture")`` returns the operation from
src/orders/mutations.ts with the fragments it reaches, as Saleor's
dashboard sends it. Fields of the answer that Lumbar's schema does not
serve yet (the order details screen's fragment grows field by field) are
left out of the selection, and only those: the mutation, its arguments,
input types and variables are the dashboard's, unchanged, and must validate.
"""

import importlib.util
import sys
from functools import cache
from pathlib import Path

from django.conf import settings
from graphql import (
    REMOVE,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    print_ast,
    validate,
    visit,
)

from backend.graphql.api import schema
from tests.shared_assets import SHARED_DIR, require_shared

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "dashboard_operations.py"
DASHBOARD = SHARED_DIR / "clients" / "saleor-dashboard" / "src"
SCHEMA = schema.graphql_schema


@cache
def _operations() -> dict[str, DocumentNode]:
    spec = importlib.util.spec_from_file_location("dashboard_operations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return {
        op.name: op.document
        for op in module.operations(require_shared(DASHBOARD))
        if op.path.startswith("orders/")
    }


class _Unserved(Visitor):
    """Remove answer fields and fragments the schema does not know."""

    def __init__(self, type_info: TypeInfo, empty: set[str]):
        super().__init__()
        self.type_info = type_info
        self.empty = empty

    def enter_field(self, node: FieldNode, *_):
        if self.type_info.get_parent_type() is not None and (
            self.type_info.get_field_def() is None
        ):
            return REMOVE
        return None

    def leave_field(self, node: FieldNode, *_):
        if node.selection_set is not None and not node.selection_set.selections:
            return REMOVE
        return None

    def enter_inline_fragment(self, node: InlineFragmentNode, *_):
        if node.type_condition and not SCHEMA.get_type(node.type_condition.name.value):
            return REMOVE
        return None

    def leave_inline_fragment(self, node: InlineFragmentNode, *_):
        return REMOVE if not node.selection_set.selections else None

    def enter_fragment_definition(self, node: FragmentDefinitionNode, *_):
        if not SCHEMA.get_type(node.type_condition.name.value):
            self.empty.add(node.name.value)
            return REMOVE
        return None

    def leave_fragment_definition(self, node: FragmentDefinitionNode, *_):
        if not node.selection_set.selections:
            self.empty.add(node.name.value)
            return REMOVE
        return None

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_):
        return REMOVE if node.name.value in self.empty else None


class _Spreads(Visitor):
    def __init__(self):
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_):
        self.names.add(node.name.value)


def _spreads(node) -> set[str]:
    visitor = _Spreads()
    visit(node, visitor)
    return visitor.names


def _reachable(document: DocumentNode) -> DocumentNode:
    """Drop the fragments no longer spread once unserved fields are gone."""
    fragments = {
        d.name.value: d
        for d in document.definitions
        if isinstance(d, FragmentDefinitionNode)
    }
    operation = next(
        d for d in document.definitions if not isinstance(d, FragmentDefinitionNode)
    )
    wanted, seen = _spreads(operation), set()
    while wanted - seen:
        name = (wanted - seen).pop()
        seen.add(name)
        if name in fragments:
            wanted |= _spreads(fragments[name])
    kept = [operation, *(fragments[n] for n in sorted(seen) if n in fragments)]
    return DocumentNode(definitions=kept)


@cache
def dashboard_document(name: str) -> str:
    """Return the dashboard's operation ``name`` as Lumbar can answer it."""
    document = _operations()[name]
    empty: set[str] = set()
    for _ in range(6):  # each pass may empty a parent; a few settle it
        type_info = TypeInfo(SCHEMA)
        document = visit(
            document, TypeInfoVisitor(type_info, _Unserved(type_info, empty))
        )
    document = _reachable(document)
    errors = validate(SCHEMA, document)
    assert not errors, [error.message for error in errors]
    return print_ast(document)
