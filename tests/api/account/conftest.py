import json

import pytest

from backend.account.tokens import access_token_create
from tests.factories import UserFactory

PASSWORD = "Secret-pass-123"


class BearerClient:
    """Call /graphql/ as a client does: JSON, optional Bearer token."""

    def __init__(self, client):
        self.client = client
        self.token = None

    def __call__(self, query: str, variables: dict | None = None) -> dict:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}
        response = self.client.post(
            "/graphql/",
            data=json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
        )
        assert response.status_code == 200, response.content
        return response.json()


@pytest.fixture
def api(client):
    return BearerClient(client)


@pytest.fixture
def customer(db):
    return UserFactory(email="ann@example.com", first_name="Ann")


@pytest.fixture
def customer_api(api, customer):
    api.token = access_token_create(user=customer)
    return api
