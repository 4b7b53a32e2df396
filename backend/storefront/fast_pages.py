"""Cached storefront pages answered before the session is read.

A GET or HEAD of a cached page (backend.storefront.page_cache) by a reader
with no session cookie and no flash-message cookie needs nothing a session
would give: no cart, no login, no country, no messages. This middleware,
right after the security headers and static files, finds such a page with
one cache round trip (the versions and the page together; a second for the
fine versions of a page that shows stock) and answers it,
without touching the database. The CSRF token is the one Django's
get_token would give (backend.storefront.csrf, and CsrfViewMiddleware's
request and response processing set the cookie as they would on the normal
path), and the response goes through the response
processing of the middlewares below it that shape the headers
(X-Frame-Options, CommonMiddleware), so it carries exactly the headers of
a normal render. Anything else, and every miss, takes the normal path,
which renders and stores the page.
"""

import functools

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.common import CommonMiddleware
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from .page_cache import cache_marked, new_reader_fill, page_lookup
from .views import catalog, content
from .views import product as product_views

# URL name -> (page kind, the view's key parts for a reader without a session).
FAST_PAGES = {
    "storefront:home": ("home", catalog.home_page_parts),
    "storefront:category": ("category", catalog.category_page_parts),
    "storefront:collection": ("collection", catalog.collection_page_parts),
    "storefront:search": ("search", catalog.search_page_parts),
    "storefront:article_index": ("article_index", content.article_index_page_parts),
    "storefront:article": ("article", content.article_page_parts),
    "storefront:product": ("product", product_views.product_page_parts),
}
# Paths longer than a storefront page's are resolved on every request.
RESOLVED_PATH_LENGTH_MAX = 200


def fast_page(path: str) -> tuple[str, object, dict] | None:
    """Return (kind, key parts function, URL kwargs) of a cached page's path.

    None for any other path. A path's match never changes while the URL
    configuration stands, so each process resolves a path once (a tenth
    of a hit's cost); a long path, which no page of the store has, every
    time, so that odd requests cannot fill the memory.
    """
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    if len(path) > RESOLVED_PATH_LENGTH_MAX:
        return _fast_page(path, urlconf)
    return _fast_page_remembered(path, urlconf)


def _fast_page(path: str, urlconf) -> tuple[str, object, dict] | None:
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    fast = FAST_PAGES.get(match.view_name)
    if fast is None:
        return None
    return (*fast, match.kwargs)


_fast_page_remembered = functools.lru_cache(maxsize=2048)(_fast_page)


class CachedPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Only their request/response processing runs here, never a view.
        self.csrf = CsrfViewMiddleware(get_response)
        self.frame_options = XFrameOptionsMiddleware(get_response)
        self.common = CommonMiddleware(get_response)

    def __call__(self, request):
        response = self.cached_response(request)
        if response is None:
            return self.get_response(request)
        return response

    def cached_response(self, request) -> HttpResponse | None:
        """Return the cached page of a reader without a session, else None."""
        if request.method not in ("GET", "HEAD"):
            return None
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in (
            cookies
        ):
            return None
        fast = fast_page(request.path_info)
        if fast is None:
            return None
        kind, page_parts, kwargs = fast
        parts = page_parts(request, **kwargs)
        if parts is None:
            return None
        lookup = page_lookup(kind, *parts)
        page = lookup.page
        if page is None:
            return None
        delivery = ""
        if kind == "product":
            delivery = product_views.delivery_line_html(
                page.extra["promise"], now=timezone.now()
            )
        # Reads the csrftoken cookie, if any, as the normal path would.
        self.csrf.process_request(request)
        body = new_reader_fill(page, request, delivery=delivery)
        response = cache_marked(HttpResponse(body), lookup)
        # The normal path reads the session (empty), which varies on Cookie.
        patch_vary_headers(response, ("Cookie",))
        response = self.frame_options.process_response(request, response)
        response = self.csrf.process_response(request, response)
        return self.common.process_response(request, response)
