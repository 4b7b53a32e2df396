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
<img src="/missing.png" alt="">
<img src="/fine.png" srcset="/fine.png 1x, /missing-2x.png 2x" alt="">
</body></html>"""
PAGES = {
    "/": (200, "text/html", HOME),
    "/fine/": (200, "text/html", "<p>fine</p>"),
    "/boom/": (500, "text/html", "<p>Server error</p>"),
    "/fine.png": (200, "image/png", "png"),
    "/style.css": (200, "text/css", "body { background: url('/missing-font.woff2') }"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status, kind, body = PAGES.get(self.path, (404, "text/html", "not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def statuses():
    """Crawl the tiny site; return each URL path fetched and its status."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        visits = []
        base_url = f"http://127.0.0.1:{server.server_port}"
        visitor = Visitor(base_url=base_url, who="test", visits=visits)
        visitor.crawl(["/"], follow=lambda url: True)
    finally:
        server.shutdown()
        server.server_close()
    return {visit.url.removeprefix(base_url): visit for visit in visits}


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
