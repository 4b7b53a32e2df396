"""Saleor storefront catalog documents, read from ../shared/, with fragments.

The storefront's codegen merges every document under src/graphql/, so an
operation may spread a fragment defined in a sibling file; ``document()``
returns an operation file together with every fragment it reaches.
"""

from graphql import parse
from graphql.language import (
    DocumentNode,
    FragmentDefinitionNode,
    OperationDefinitionNode,
    Visitor,
    print_ast,
    visit,
)

from tests.shared_assets import STOREFRONT_DOCUMENTS, require_shared

# The catalog documents the compatibility target names (file stems after
# the "src__graphql__" prefix).
CATALOG_PATTERNS = (
    "Product*",
    "ProductVariant*",
    "SearchProducts",
    "CategoriesBySlug",
    "ChannelsList",
    "MenuGetBySlug",
    "LocaleSlugTranslations",
    "VariantDetailsFragment",
)
CATALOG_DOCUMENTS = (
    "CategoriesBySlug",
    "ChannelsList",
    "LocaleSlugTranslations",
    "MenuGetBySlug",
    "ProductDetails",
    "ProductList",
    "ProductListByCategory",
    "ProductListByCollection",
    "ProductListItem",
    "ProductListPaginated",
    "ProductVariantForPdp",
    "ProductVariantsForPdp",
    "SearchProducts",
    "VariantDetailsFragment",
)
PREFIX = "src__graphql__"


def document_path(name: str):
    return require_shared(STOREFRONT_DOCUMENTS) / f"{PREFIX}{name}.graphql"


def catalog_files() -> list[str]:
    """Return the stems of the shared files the catalog patterns match."""
    folder = require_shared(STOREFRONT_DOCUMENTS)
    found = set()
    for pattern in CATALOG_PATTERNS:
        found.update(
            path.name[len(PREFIX) : -len(".graphql")]
            for path in folder.glob(f"{PREFIX}{pattern}.graphql")
        )
    return sorted(found)


def _all_fragments() -> dict[str, FragmentDefinitionNode]:
    fragments = {}
    for path in require_shared(STOREFRONT_DOCUMENTS).glob(f"{PREFIX}*.graphql"):
        for definition in parse(path.read_text()).definitions:
            if isinstance(definition, FragmentDefinitionNode):
                fragments[definition.name.value] = definition
    return fragments


def _spreads(node) -> set[str]:
    names: set[str] = set()

    class Spreads(Visitor):
        def enter_fragment_spread(self, spread, *_):
            names.add(spread.name.value)

    visit(node, Spreads())
    return names


def document(name: str) -> DocumentNode:
    """Return the document of a file with every fragment it spreads."""
    definitions = list(parse(document_path(name).read_text()).definitions)
    fragments = _all_fragments()
    have = {d.name.value for d in definitions if isinstance(d, FragmentDefinitionNode)}
    wanted = set().union(*(_spreads(d) for d in definitions))
    while wanted - have:
        fragment = fragments[sorted(wanted - have)[0]]
        definitions.append(fragment)
        have.add(fragment.name.value)
        wanted |= _spreads(fragment)
    return DocumentNode(definitions=definitions)


def is_fragment_file(name: str) -> bool:
    """Return whether a file holds fragments only (no operation)."""
    return not any(
        isinstance(d, OperationDefinitionNode)
        for d in parse(document_path(name).read_text()).definitions
    )


def query_text(name: str) -> str:
    """Return the text a storefront would send for this operation file."""
    return print_ast(document(name))
