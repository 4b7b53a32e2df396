"""Every response carries the security headers; templates need no inline code."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "storefront_templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE = re.compile(r"<style\b|<[^>]+\sstyle\s*=", re.I)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


@pytest.mark.django_db
def test_a_store_page_allows_only_its_own_scripts_and_styles(client):
    response = client.get("/")

    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


@pytest.mark.django_db
def test_a_store_page_sends_nosniff_referrer_policy_and_frame_denial(client):
    response = client.get("/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_api_answers_carry_the_strict_policy_and_graphiql_its_cdn(client):
    api = client.post("/graphql/", {"query": "{ shop { name } }"}, "application/json")
    graphiql = client.get("/graphql/", HTTP_ACCEPT="text/html")

    assert directives(api)["script-src"] == ["'self'"]
    assert directives(graphiql)["script-src"] == [
        "'self'",
        "'unsafe-inline'",
        "https://cdn.jsdelivr.net",
    ]


@pytest.mark.django_db
def test_the_admin_may_use_inline_styles_but_never_inline_scripts(client):
    response = client.get("/admin/login/")

    assert directives(response)["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_hsts_is_sent_behind_a_tls_proxy_only(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    plain = client.get("/")
    behind_tls = client.get("/", HTTP_X_FORWARDED_PROTO="https")

    assert "Strict-Transport-Security" not in plain
    assert behind_tls["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: path.name
)
def test_no_template_holds_inline_script_handlers_or_styles(template):
    text = template.read_text()

    assert not INLINE_SCRIPT.search(text), "move the script to a static .js file"
    assert not EVENT_HANDLER.search(text), "bind the handler from a static .js file"
    assert not STYLE.search(text), "move the style to a static .css file"
