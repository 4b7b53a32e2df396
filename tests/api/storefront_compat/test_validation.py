"""Every catalog document of Saleor's storefront validates against our schema."""

import pytest
from graphql import NoUnusedFragmentsRule, specified_rules, validate

from backend.graphql.api import schema

from .documents import (
    CATALOG_DOCUMENTS,
    catalog_files,
    document,
    is_fragment_file,
)

# A fragment file is checked without an operation that spreads its fragments.
FRAGMENT_RULES = [rule for rule in specified_rules if rule is not NoUnusedFragmentsRule]


def test_the_list_of_catalog_documents_matches_the_shared_folder():
    assert catalog_files() == sorted(CATALOG_DOCUMENTS)


@pytest.mark.parametrize("name", CATALOG_DOCUMENTS)
def test_storefront_document_validates_against_our_schema(name):
    rules = FRAGMENT_RULES if is_fragment_file(name) else None

    errors = validate(schema.graphql_schema, document(name), rules)

    assert [error.message for error in errors] == []
