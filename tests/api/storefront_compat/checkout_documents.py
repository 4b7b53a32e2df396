"""The documents of Saleor's storefront checkout package (src/checkout/graphql).

Its codegen merges the package's files, so an operation may spread a
fragment of a sibling file (``Money`` lives in order.graphql);
``operation()`` returns one operation with every fragment it reaches.
"""

from graphql import parse, print_ast
from graphql.language import (
    DocumentNode,
    FragmentDefinitionNode,
    OperationDefinitionNode,
)

from tests.shared_assets import STOREFRONT_DOCUMENTS, require_shared

from .documents import _spreads

PREFIX = "src__checkout__graphql__"


def _definitions():
    definitions = []
    for path in sorted(require_shared(STOREFRONT_DOCUMENTS).glob(f"{PREFIX}*.graphql")):
        definitions.extend(parse(path.read_text()).definitions)
    return definitions


def operation_names() -> list[str]:
    return [
        d.name.value for d in _definitions() if isinstance(d, OperationDefinitionNode)
    ]


def operation(name: str) -> DocumentNode:
    """Return the operation of this name with the fragments it spreads."""
    definitions = _definitions()
    fragments = {
        d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)
    }
    (found,) = [
        d
        for d in definitions
        if isinstance(d, OperationDefinitionNode) and d.name.value == name
    ]
    chosen = [found]
    have: set[str] = set()
    wanted = _spreads(found)
    while wanted - have:
        fragment = fragments[sorted(wanted - have)[0]]
        chosen.append(fragment)
        have.add(fragment.name.value)
        wanted |= _spreads(fragment)
    return DocumentNode(definitions=chosen)


def operation_text(name: str) -> str:
    return print_ast(operation(name))
