"""No generated query or mutation makes /graphql/ fail, for any caller.

Anonymous, a customer and a superuser (who passes every permission check,
so the deepest code runs) each send every operation of the schema with
arguments Schemathesis generates. FUZZ_EXAMPLES sets how many per operation.
"""

import pytest

from backend.account.tokens import access_token_create
from tests import factories

from .graphql_fuzz import fuzz

pytestmark = pytest.mark.fuzz


@pytest.fixture
def store(channel, published_product):
    return published_product


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {access_token_create(user=user)}"}


def assert_no_server_errors(found):
    assert not found, f"{len(found)} server errors:\n\n" + "\n\n".join(
        str(error) for error in found[:10]
    )


def test_anonymous_callers_get_no_server_error(client, store):
    assert_no_server_errors(fuzz(client, headers={}))


def test_customers_get_no_server_error(client, store):
    customer = factories.UserFactory(email="fuzz-customer@example.com")
    assert_no_server_errors(fuzz(client, headers=bearer(customer)))


def test_staff_get_no_server_error(client, store):
    staff = factories.UserFactory(
        email="fuzz-staff@example.com", is_staff=True, is_superuser=True
    )
    assert_no_server_errors(fuzz(client, headers=bearer(staff)))
