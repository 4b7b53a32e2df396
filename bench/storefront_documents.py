"""Saleor storefront documents with the fragments they spread, for the benches."""

from graphql import DocumentNode, parse, print_ast
from graphql.language import (
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    Visitor,
    visit,
)


class _Spreads(Visitor):
    def __init__(self):
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, spread: FragmentSpreadNode, *_):
        self.names.add(spread.name.value)


def fragment_spreads(node) -> set[str]:
    """Return the names of the fragments a node spreads."""
    visitor = _Spreads()
    visit(node, visitor)
    return visitor.names


def definitions(*paths) -> tuple[dict, dict]:
    """Return the fragments and the operations the files define, by name.

    A fragment defined twice keeps its first definition, as the storefront's
    codegen, which merges a folder's files, does.
    """
    fragments, operations = {}, {}
    for path in paths:
        for definition in parse(path.read_text()).definitions:
            if isinstance(definition, FragmentDefinitionNode):
                fragments.setdefault(definition.name.value, definition)
            elif isinstance(definition, OperationDefinitionNode):
                operations[definition.name.value] = definition
    return fragments, operations


def spread_fragments(
    node, fragments: dict, *, missing_ok: bool = False
) -> dict[str, FragmentDefinitionNode] | None:
    """Return every fragment the node spreads, directly or through another.

    None when one is not in ``fragments``, unless ``missing_ok``.
    """
    needed, queue = {}, list(fragment_spreads(node))
    while queue:
        name = queue.pop()
        if name in needed:
            continue
        if name not in fragments:
            if missing_ok:
                continue
            return None
        needed[name] = fragments[name]
        queue.extend(fragment_spreads(fragments[name]))
    return needed


def document_text(node, fragments: dict[str, FragmentDefinitionNode]) -> str:
    """Print the node followed by the fragments, by name."""
    own = (
        {
            d.name.value
            for d in node.definitions
            if isinstance(d, FragmentDefinitionNode)
        }
        if isinstance(node, DocumentNode)
        else set()
    )
    extra = [print_ast(f) for name, f in sorted(fragments.items()) if name not in own]
    return "\n\n".join([print_ast(node), *extra])
