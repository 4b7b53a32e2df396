"""Saleor's storefront checkout documents validate against our schema."""

import pytest
from graphql import validate

from backend.graphql.api import schema
from tests.shared_assets import SALEOR_SCHEMA, STOREFRONT_DOCUMENTS, shared_cases

from .checkout_documents import operation, operation_names
from .documents import document, is_fragment_file
from .test_validation import FRAGMENT_RULES

# Operations of src/checkout/graphql that do not validate yet, and why.
# (checkoutLineDelete, dropped from Saleor's schema but still sent by its
# storefront, is served as a deprecated mutation.)
KNOWN_GAPS: dict[str, str] = {}
STOREFRONT_FILES = (
    "CheckoutAddLine",
    "CheckoutCreate",
    "CheckoutCustomerDetach",
    "CheckoutDeleteLines",
    "CheckoutFind",
    "CheckoutLinesUpdate",
    "OrderDetailsFragment",
    "OrderByNumber",
)


@pytest.mark.parametrize(
    "name", shared_cases(SALEOR_SCHEMA, STOREFRONT_DOCUMENTS, cases=operation_names)
)
def test_checkout_package_operation_validates(name):
    if name in KNOWN_GAPS:
        pytest.xfail(KNOWN_GAPS[name])

    errors = validate(schema.graphql_schema, operation(name))

    assert [error.message for error in errors] == []


def test_known_gaps_are_still_gaps():
    still_failing = {
        name for name in KNOWN_GAPS if validate(schema.graphql_schema, operation(name))
    }

    assert still_failing == set(KNOWN_GAPS)


@pytest.mark.parametrize("name", STOREFRONT_FILES)
def test_storefront_checkout_document_validates(name):
    rules = FRAGMENT_RULES if is_fragment_file(name) else None

    errors = validate(schema.graphql_schema, document(name), rules)

    assert [error.message for error in errors] == []
