import pytest

from tests.factories import UserFactory

PASSWORD = "Secret-pass-123"


@pytest.fixture
def customer(db):
    return UserFactory(email="ann@example.com", first_name="Ann")


@pytest.fixture
def customer_api(api, customer):
    return api.login(customer)
