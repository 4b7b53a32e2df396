"""The API authenticates by bearer token and sets no cookie, as Saleor's does."""

import json

from django.test import Client


def _post(client, query: str):
    return client.post(
        "/graphql/", json.dumps({"query": query}), content_type="application/json"
    )


def test_a_query_answer_sets_no_cookie(db):
    response = _post(Client(), "{ shop { name } }")

    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


def test_a_mutation_answer_sets_no_cookie(db):
    response = _post(
        Client(),
        'mutation { tokenCreate(email: "nobody@example.com", password: "x") '
        "{ errors { code } } }",
    )

    assert response.status_code == 200
    assert not response.cookies


def test_a_post_without_a_csrf_token_is_answered(db):
    strict = Client(enforce_csrf_checks=True)

    response = _post(strict, "{ shop { name } }")

    assert response.status_code == 200
    assert "errors" not in response.json()


def test_a_browser_still_gets_graphiql(db):
    response = Client().get("/graphql/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert "graphiql" in response.content.decode().lower()
