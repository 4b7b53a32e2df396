"""Raw /graphql/ requests for tests about what the view refuses before running."""

import json


def post(client, query: str, variables=None):
    return client.post(
        "/graphql/",
        data=json.dumps({"query": query, "variables": variables or {}}),
        content_type="application/json",
    )


def refusal(response) -> list[dict]:
    """Return the errors of a request answered without data (HTTP 400)."""
    assert response.status_code == 400, response.content
    body = response.json()
    assert "data" not in body
    return body["errors"]
