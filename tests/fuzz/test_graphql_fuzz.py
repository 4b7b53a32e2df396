"""No generated query or mutation makes /graphql/ fail, for any caller.

Anonymous, a customer and a superuser (who passes every permission check,
so the deepest code runs) each send every operation of the schema with
arguments Schemathesis generates. FUZZ_EXAMPLES sets how many per operation.
The three share one store, so the cases are drawn once and sent by each.
"""

import pytest
from django.db import transaction
from graphql_relay import to_global_id

from backend.account.tokens import access_token_create
from tests import factories
from tests.fixtures.catalog import make_published_product

from .graphql_fuzz import fuzz

pytestmark = pytest.mark.fuzz


@pytest.fixture(scope="module")
def store(django_db_setup, django_db_blocker):
    """Return global IDs of a small store's objects for the generated calls.

    Made once for the module in a transaction rolled back at its end; each
    test runs in a savepoint inside it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        channel = factories.ChannelFactory()
        warehouse = factories.WarehouseFactory(channels=[channel])
        product = make_published_product(
            channel=channel, warehouse=warehouse, name="Stretch Strap"
        )
        customer = factories.UserFactory(email="fuzz-customer@example.com")
        staff = factories.UserFactory(
            email="fuzz-staff@example.com", is_staff=True, is_superuser=True
        )
        objects = {
            "Channel": channel,
            "Warehouse": warehouse,
            "Product": product,
            "ProductVariant": product.variants.first(),
            "ProductType": product.product_type,
            "Category": product.category,
            "User": customer,
        }
        ids = [
            to_global_id(type_name, instance.pk)
            for type_name, instance in objects.items()
            if instance is not None
        ]
        yield {"customer": customer, "staff": staff, "ids": ids}
        transaction.set_rollback(True)


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {access_token_create(user=user)}"}


def assert_no_server_errors(found):
    assert not found, f"{len(found)} server errors:\n\n" + "\n\n".join(
        str(error) for error in found[:10]
    )


def test_anonymous_callers_get_no_server_error(db, client, store):
    assert_no_server_errors(fuzz(client, headers={}, ids=store["ids"]))


def test_customers_get_no_server_error(db, client, store):
    headers = bearer(store["customer"])
    assert_no_server_errors(fuzz(client, headers=headers, ids=store["ids"]))


def test_staff_get_no_server_error(db, client, store):
    headers = bearer(store["staff"])
    assert_no_server_errors(fuzz(client, headers=headers, ids=store["ids"]))
