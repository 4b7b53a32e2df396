"""The Content-Security-Policy header, set on every response.

Our pages load scripts and styles from our own static files only, so the
policy forbids inline script, inline style and every other origin. Two
places need more: the Django admin (django-mptt indents the category tree
with inline styles) and GraphiQL at /graphql/ (scripts and styles from its
CDN, an inline bootstrap script).
"""

import functools
from urllib.parse import urlsplit

from django.conf import settings

GRAPHIQL_CDN = "https://cdn.jsdelivr.net"


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _render(directives: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def storefront_directives() -> dict[str, list[str]]:
    """Return the strict policy of the store's own pages."""
    images = ["'self'", "data:"]
    for url in (settings.PUBLIC_URL, settings.MEDIA_URL, settings.STATIC_URL):
        origin = _origin(url)
        if origin and origin not in images:
            images.append(origin)
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": images,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


def content_security_policy(request, response) -> str:
    """Return the policy for a response to a request."""
    if request.path.startswith("/admin/"):
        kind = "admin"
    elif request.path == "/graphql/" and response.get("Content-Type", "").startswith(
        "text/html"
    ):
        kind = "graphiql"
    else:
        kind = "storefront"
    return _policy(kind, settings.PUBLIC_URL, settings.MEDIA_URL, settings.STATIC_URL)


@functools.lru_cache(maxsize=16)
def _policy(kind: str, *_urls: str) -> str:
    # The URLs are part of the key so a settings change (tests) is seen.
    directives = storefront_directives()
    if kind == "admin":
        directives["style-src"] = ["'self'", "'unsafe-inline'"]
    elif kind == "graphiql":
        directives["script-src"] = ["'self'", "'unsafe-inline'", GRAPHIQL_CDN]
        directives["style-src"] = ["'self'", "'unsafe-inline'", GRAPHIQL_CDN]
        directives["font-src"] = ["'self'", "data:", GRAPHIQL_CDN]
    return _render(directives)


class ContentSecurityPolicyMiddleware:
    """Add the policy to every response that has none of its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = content_security_policy(
                request, response
            )
        return response
