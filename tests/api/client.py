"""The suite's one GraphQL client: /graphql/ as Saleor's clients call it.

The API ignores the session cookie, so a caller signs in with a bearer
token. The token sits in the Django test client's defaults, so every request
that client sends carries it: JSON documents, multipart uploads, and raw
``api.client.post`` calls in tests about the transport.
"""

import json

from backend.account.tokens import access_token_create

HEADER = "HTTP_AUTHORIZATION"


class GraphQLClient:
    """POST documents to /graphql/ and return the JSON answers.

    An answer is HTTP 200, or 400 for a document refused before it runs
    (errors and no data); anything else, a 500 above all, fails the test.
    GraphQL errors are returned in the answer for the test to assert on.
    """

    def __init__(self, client, *, token: str | None = None):
        self.client = client
        if token:
            self.token = token

    @property
    def token(self) -> str | None:
        header = self.client.defaults.get(HEADER)
        return header.removeprefix("Bearer ") if header else None

    @token.setter
    def token(self, value: str | None) -> None:
        if value:
            self.client.defaults[HEADER] = f"Bearer {value}"
        else:
            self.client.defaults.pop(HEADER, None)

    def login(self, user):
        """Send the user's access token from now on; return the client."""
        self.token = access_token_create(user=user)
        return self

    def logout(self):
        """Send no token from now on: the caller is anonymous."""
        self.token = None
        return self

    def __call__(self, query: str, variables: dict | None = None) -> dict:
        response = self.client.post(
            "/graphql/",
            data=json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
        )
        return answer_of(response)

    def upload(self, query: str, variables: dict, files: dict) -> dict:
        """POST a multipart request (the GraphQL multipart spec).

        ``files`` maps a variable's path (``"variables.image"``) to the file
        sent for it; the variable itself goes as null, as the spec says.
        """
        names = {str(index): path for index, path in enumerate(files)}
        response = self.client.post(
            "/graphql/",
            data={
                "operations": json.dumps({"query": query, "variables": variables}),
                "map": json.dumps({name: [path] for name, path in names.items()}),
                **{name: files[path] for name, path in names.items()},
            },
        )
        return answer_of(response)


def answer_of(response) -> dict:
    """Return the JSON answer of a response that is 200, or 400 without data."""
    assert response.status_code in {200, 400}, response.content
    body = response.json()
    if response.status_code == 400:
        assert body.get("data") is None, body
    return body


def payload_of(result: dict, field: str) -> dict:
    """Return a mutation's payload from an answer that holds no error at all.

    Neither a GraphQL error nor one in the payload's ``errors``.
    """
    assert "errors" not in result, result["errors"]
    payload = result["data"][field]
    assert payload.get("errors", []) == [], payload["errors"]
    return payload
