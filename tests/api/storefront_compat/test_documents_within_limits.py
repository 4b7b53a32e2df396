"""Every document Saleor's storefront sends fits the API's default limits."""

import pytest
from graphql import parse, validate
from graphql.language import DocumentNode, OperationDefinitionNode

from backend.graphql.api import schema
from backend.graphql.core.limits import request_validation_rules
from tests.shared_assets import STOREFRONT_DOCUMENTS, require_shared, shared_cases

from .documents import PREFIX, document

# The product lists at the page the storefront asks for: ProductsPerPage
# (src/app/config.ts) is 12, a search page 20. Every other document is
# costed at the largest page.
PRODUCT_LIST_PAGE = 20
PRODUCT_LISTS = (
    "ProductList",
    "ProductListByCategory",
    "ProductListByCollection",
    "ProductListPaginated",
    "SearchProducts",
)


def _operation_files():
    return sorted(
        path.name
        for path in STOREFRONT_DOCUMENTS.glob("*.graphql")
        if any(word in path.read_text() for word in ("query", "mutation"))
    )


def _requests(file_name: str) -> list[DocumentNode]:
    """Return what the storefront sends: one operation with the fragments."""
    if file_name.startswith(PREFIX):
        whole = document(file_name[len(PREFIX) : -len(".graphql")])
    else:
        whole = parse((STOREFRONT_DOCUMENTS / file_name).read_text())
    operations = [
        d for d in whole.definitions if isinstance(d, OperationDefinitionNode)
    ]
    fragments = [d for d in whole.definitions if d not in operations]
    return [DocumentNode(definitions=[op, *fragments]) for op in operations]


@pytest.mark.parametrize(
    "file_name", shared_cases(STOREFRONT_DOCUMENTS, cases=_operation_files)
)
def test_storefront_document_fits_the_limits_at_the_page_it_asks(file_name):
    # A `first: $first` without a default counts as the page-size limit
    # unless the storefront asks fewer. Gaps against Saleor's schema are
    # test_validation's.
    stem = file_name.removeprefix(PREFIX).removesuffix(".graphql")
    variables = {"first": PRODUCT_LIST_PAGE} if stem in PRODUCT_LISTS else {}
    errors = [
        error
        for request in _requests(file_name)
        for error in validate(
            schema.graphql_schema, request, request_validation_rules(variables)
        )
    ]

    limit_errors = [
        error.message
        for error in errors
        if (error.extensions or {}).get("exception", {}).get("code")
    ]
    assert limit_errors == []


def test_the_storefront_product_list_of_one_hundred_products_is_over_the_cost():
    # A hundred products with up to fifty variants each, every variant with
    # its attributes and their values: over 50,000 objects.
    require_shared(STOREFRONT_DOCUMENTS)

    errors = validate(
        schema.graphql_schema,
        document("ProductListByCategory"),
        request_validation_rules({"first": 100}),
    )

    assert [error.extensions["exception"]["code"] for error in errors] == [
        "QueryCostError"
    ]
