"""CORS on /graphql/: Saleor's dashboard calls the API from its own origin."""

import json

import pytest

DASHBOARD = "https://dashboard.example.com"


@pytest.fixture
def dashboard_allowed(settings):
    settings.CORS_ALLOWED_ORIGINS = [DASHBOARD]
    settings.CORS_ALLOW_ALL_ORIGINS = False


def preflight(client, origin, headers="authorization-bearer,content-type"):
    return client.options(
        "/graphql/",
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS=headers,
    )


def test_the_dashboards_preflight_is_answered_with_its_origin_and_headers(
    client, dashboard_allowed
):
    response = preflight(client, DASHBOARD)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == DASHBOARD
    assert response["Access-Control-Allow-Credentials"] == "true"
    allowed = response["Access-Control-Allow-Headers"].split(", ")
    assert {"authorization-bearer", "content-type", "authorization"} <= set(allowed)
    assert "POST" in response["Access-Control-Allow-Methods"]


def test_a_query_from_the_dashboard_carries_the_allow_origin_header(
    client, db, dashboard_allowed
):
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": "{ shop { name } }"}),
        content_type="application/json",
        HTTP_ORIGIN=DASHBOARD,
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == DASHBOARD


def test_an_origin_not_configured_gets_no_cors_headers(client, dashboard_allowed):
    response = preflight(client, "https://evil.example.net")

    assert "Access-Control-Allow-Origin" not in response


def test_by_default_no_origin_is_allowed(client, settings):
    settings.CORS_ALLOWED_ORIGINS = []
    settings.CORS_ALLOW_ALL_ORIGINS = False

    response = preflight(client, DASHBOARD)

    assert "Access-Control-Allow-Origin" not in response


def test_only_the_api_answers_cors_not_the_store_pages(client, db, dashboard_allowed):
    response = client.get("/", HTTP_ORIGIN=DASHBOARD)

    assert "Access-Control-Allow-Origin" not in response
