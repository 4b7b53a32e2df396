"""The demo crawl's crawler sees what a broken page would show a browser.

A tiny site of known faults, served from a thread: the crawl of the real
store passing means something only if these are caught.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .crawler import ELSEWHERE, Visitor

HOME = """<!doctype html><html><head>
<link rel="stylesheet" href="/style.css">
<link rel="canonical" href="/canonical-only/">
</head><body>
<a href="/fine/">fine</a>
<a href="/boom/">boom</a>
<a href="http://127.0.0.1:1/elsewhere/">another port</a>
<a href="https://example.org/outside/">outside</a>
<a href="/moved-to-fine/">moved</a>
<a href="/moved-to-missing/">moved away</a>
<img src="/static/shared.png" alt="">
<img src="/missing.png" alt="">
<img src="/fine.png" srcset="/fine.png 1x, /missing-2x.png 2x" alt="">
</body></html>"""
PAGES = {
    "/": (200, "text/html", HOME),
    "/fine/": (200, "text/html", "<p>fine</p>"),
    "/boom/": (500, "text/html", "<p>Server error</p>"),
    "/fine.png": (200, "image/png", "png"),
    "/style.css": (200, "text/css", "body { background: url('/missing-font.woff2') }"),
    "/static/shared.png": (200, "image/png", "png"),
}
REDIRECTS = {"/moved-to-fine/": "/fine/", "/moved-to-missing/": "/missing-target/"}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path])
            self.end_headers()
            return
        status, kind, body = PAGES.get(self.path, (404, "text/html", "not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def visits():
    """Crawl the tiny site as two visitors; return every visit, in order."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        visits = []
        base_url = f"http://127.0.0.1:{server.server_port}"
        everyone = {}
        for who in ("first", "second"):
            visitor = Visitor(
                base_url=base_url, who=who, visits=visits, everyone=everyone
            )
            visitor.crawl(["/"], follow=lambda url: True)
    finally:
        server.shutdown()
        server.server_close()
    for visit in visits:
        visit.url = visit.url.removeprefix(base_url)
    return visits


@pytest.fixture(scope="module")
def statuses(visits):
    """Each URL path the first visitor fetched, and its status."""
    return {visit.url: visit for visit in visits if visit.who == "first"}


def test_a_missing_image_fails_naming_the_page_that_shows_it(statuses):
    missing = statuses["/missing.png"]

    assert (missing.status, missing.failed) == (404, True)
    assert missing.found_on.endswith("/")


def test_a_missing_srcset_candidate_fails(statuses):
    assert statuses["/missing-2x.png"].failed


def test_a_missing_url_in_a_stylesheet_fails(statuses):
    missing = statuses["/missing-font.woff2"]

    assert missing.failed
    assert missing.found_on.endswith("/style.css")


def test_a_linked_server_error_fails(statuses):
    assert (statuses["/boom/"].status, statuses["/boom/"].failed) == (500, True)


def test_a_link_to_another_port_of_the_host_fails_unfetched(statuses):
    elsewhere = statuses["http://127.0.0.1:1/elsewhere/"]

    assert (elsewhere.status, elsewhere.failed) == (ELSEWHERE, True)


def test_links_to_other_hosts_and_canonical_links_are_not_fetched(statuses):
    assert "https://example.org/outside/" not in statuses
    assert "/canonical-only/" not in statuses


def test_pages_that_answer_do_not_fail(statuses):
    assert [
        path for path in ("/", "/fine/", "/fine.png") if statuses[path].failed
    ] == []


def test_a_link_redirecting_to_a_missing_page_fails(statuses):
    assert statuses["/moved-to-missing/"].status == 302
    assert statuses["/missing-target/"].failed
    assert statuses["/missing-target/"].found_on.endswith("/")


def test_a_redirect_to_a_page_already_fetched_is_not_fetched_again(visits):
    fetched = [visit.url for visit in visits if visit.who == "first"]

    assert "/moved-to-fine/" in fetched
    assert fetched.count("/fine/") == 1


def test_a_file_the_same_for_everyone_is_fetched_once_a_crawl(visits):
    fetched = [(visit.who, visit.url) for visit in visits]

    assert fetched.count(("first", "/static/shared.png")) == 1
    assert ("second", "/static/shared.png") not in fetched
    assert ("second", "/fine.png") in fetched
