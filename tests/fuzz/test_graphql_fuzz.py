"""No generated query or mutation makes /graphql/ fail, for any caller.

Anonymous, a customer and a superuser (who passes every permission check,
so the deepest code runs) each send every operation of the schema with
arguments Schemathesis generates. FUZZ_EXAMPLES sets how many per operation.
"""

import pytest
from graphql_relay import to_global_id

from backend.account.tokens import access_token_create
from tests import factories

from .graphql_fuzz import fuzz

pytestmark = pytest.mark.fuzz


@pytest.fixture
def store(channel, warehouse, published_product):
    """Return global IDs of a small store's objects for the generated calls."""
    customer = factories.UserFactory(email="fuzz-customer@example.com")
    staff = factories.UserFactory(
        email="fuzz-staff@example.com", is_staff=True, is_superuser=True
    )
    variant = published_product.variants.first()
    objects = {
        "Channel": channel,
        "Warehouse": warehouse,
        "Product": published_product,
        "ProductVariant": variant,
        "ProductType": published_product.product_type,
        "Category": published_product.category,
        "User": customer,
    }
    ids = [
        to_global_id(type_name, instance.pk)
        for type_name, instance in objects.items()
        if instance is not None
    ]
    return {"customer": customer, "staff": staff, "ids": ids}


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {access_token_create(user=user)}"}


def assert_no_server_errors(found):
    assert not found, f"{len(found)} server errors:\n\n" + "\n\n".join(
        str(error) for error in found[:10]
    )


def test_anonymous_callers_get_no_server_error(client, store):
    assert_no_server_errors(fuzz(client, headers={}, ids=store["ids"]))


def test_customers_get_no_server_error(client, store):
    headers = bearer(store["customer"])
    assert_no_server_errors(fuzz(client, headers=headers, ids=store["ids"]))


def test_staff_get_no_server_error(client, store):
    headers = bearer(store["staff"])
    assert_no_server_errors(fuzz(client, headers=headers, ids=store["ids"]))
