"""A small crawler for the demo store: one visitor's cookies, every link checked.

Plain HTTP through requests and the standard library's HTML parser: what a
browser would fetch for a page (links, stylesheets, scripts, images and
their srcset, CSS ``url()``s) and how it would post a form (its fields'
values, the CSRF token, the submit button's name).
"""

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import requests

# Generous for a loaded 2-core machine; a page answers in a fraction.
REQUEST_SECONDS = 60
# Pagination and filter links multiply: a few variants of a path are enough.
QUERY_VARIANTS_PER_PATH = 4
# Paths that answer the same whoever asks: fetched once a crawl, not once a
# visitor.
SAME_FOR_EVERYONE = ("/static/", "/media/", "/thumbnail/")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
# Sitemap <loc>, RSS <link> and Atom <link href>.
XML_LINK = re.compile(
    r"<loc>\s*([^<\s]+)\s*</loc>|<link>\s*([^<\s]+)\s*</link>|"
    r"<link\b[^>]*\bhref=\"([^\"]+)\""
)
ASSET_ATTRIBUTES = {
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("video", "poster"),
    ("input", "src"),
}


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    radios: dict[str, str] = field(default_factory=dict)
    selects: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)

    def values(self) -> dict[str, str]:
        """Return what a browser submits untouched: first radio and option."""
        values = dict(self.fields)
        for name, value in {**self.radios, **self.selects}.items():
            values.setdefault(name, value)
        return values


class PageParser(HTMLParser):
    """Collect a page's links, assets and forms (their default values)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.assets: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []
        self._style = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        for name in ("srcset", "imagesrcset"):
            if attributes.get(name):
                for candidate in attributes[name].split(","):
                    if candidate.strip():
                        self.assets.append(candidate.split()[0])
        for asset_tag, attribute in ASSET_ATTRIBUTES:
            if tag == asset_tag and attributes.get(attribute):
                if tag == "link" and not _is_fetched_link(attributes):
                    continue
                self.assets.append(attributes[attribute])
        if attributes.get("style"):
            self.assets.extend(CSS_URL.findall(attributes["style"]))
        if tag == "style":
            self._style = True
        self._form_tag(tag, attributes)

    def _form_tag(self, tag, attributes):
        if tag == "form":
            self._form = Form(
                action=attributes.get("action", ""),
                method=attributes.get("method", "get").lower(),
                attributes=attributes,
            )
            self.forms.append(self._form)
        if self._form is None:
            return
        if tag == "option" and self._select:
            value = attributes.get("value", "")
            if "selected" in attributes or self._select not in self._form.selects:
                self._form.selects[self._select] = value
        if "name" not in attributes:
            return
        name = attributes["name"]
        if tag == "input":
            kind = attributes.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind == "radio":
                if "checked" in attributes or name not in self._form.radios:
                    self._form.radios[name] = attributes.get("value", "on")
            elif kind == "checkbox":
                if "checked" in attributes:
                    self._form.fields.append((name, attributes.get("value", "on")))
            else:
                self._form.fields.append((name, attributes.get("value", "")))
        elif tag == "select":
            self._select = name
        elif tag == "textarea":
            self._textarea = name
            self._text = []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)
        if self._style:
            self.assets.extend(CSS_URL.findall(data))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "style":
            self._style = False
        elif tag == "textarea" and self._textarea and self._form is not None:
            self._form.fields.append((self._textarea, "".join(self._text)))
            self._textarea = None


def _is_fetched_link(attributes: dict[str, str]) -> bool:
    """Whether a browser fetches this <link> (not canonical, alternate, ...)."""
    relations = set(attributes.get("rel", "").lower().split())
    return (
        bool(
            relations
            & {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload"}
        )
        or "manifest" in relations
    )


def parse_page(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


# The status of a link to this host on another port: nothing answers there.
ELSEWHERE = 0


@dataclass
class Visit:
    who: str
    url: str
    status: int
    found_on: str
    # Statuses the crawl asked for on purpose (a refused odd search).
    allowed: frozenset[int] = frozenset()

    @property
    def failed(self) -> bool:
        if self.status in self.allowed:
            return False
        return self.status == ELSEWHERE or self.status >= 400


class Visitor:
    """One person's session on the store; records every response it gets."""

    def __init__(
        self,
        *,
        base_url: str,
        who: str,
        visits: list[Visit],
        everyone: dict[str, int] | None = None,
    ):
        """``everyone``: the statuses of SAME_FOR_EVERYONE URLs, shared by the
        visitors of one crawl."""
        self.base_url = base_url.rstrip("/")
        self.who = who
        self.visits = visits
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "lumbar-demo-crawl"
        # Only the store on the loopback: no proxy from the environment.
        self.session.trust_env = False
        self.checked: dict[str, int] = {}
        self.everyone = {} if everyone is None else everyone
        self.query_variants: dict[str, set[str]] = {}

    # Requests ---------------------------------------------------------------

    def url(self, path_or_url: str) -> str:
        return urljoin(self.base_url + "/", path_or_url)

    def get(
        self, path: str, *, found_on: str = "", allowed=frozenset()
    ) -> requests.Response:
        return self._send("get", self.url(path), found_on=found_on, allowed=allowed)

    def post(
        self,
        path: str,
        data: dict[str, str],
        *,
        found_on: str = "",
        allowed: frozenset[int] = frozenset(),
    ) -> requests.Response:
        url = self.url(path)
        headers = {"Referer": found_on or url}
        if token := self.session.cookies.get("csrftoken"):
            headers["X-CSRFToken"] = token
        return self._send(
            "post", url, data=data, headers=headers, found_on=found_on, allowed=allowed
        )

    def post_json(self, path: str, payload: dict) -> requests.Response:
        return self._send("post", self.url(path), json=payload, found_on="")

    def _send(
        self,
        method,
        url,
        *,
        found_on,
        allowed=frozenset(),
        allow_redirects=True,
        **kwargs,
    ) -> requests.Response:
        response = self.session.request(
            method,
            url,
            timeout=REQUEST_SECONDS,
            allow_redirects=allow_redirects,
            **kwargs,
        )
        for step in [*response.history, response]:
            self.visits.append(
                Visit(self.who, step.url, step.status_code, found_on, allowed)
            )
        self.checked[url] = response.status_code
        if urlsplit(url).path.startswith(SAME_FOR_EVERYONE):
            self.everyone[url] = response.status_code
        return response

    def fetched(self, url: str) -> bool:
        """Tell whether this visitor fetched the URL (anyone, for a shared file)."""
        return url in self.checked or url in self.everyone

    def _elsewhere(self, url: str, *, found_on: str) -> bool:
        """Record a link to this host on another port as broken."""
        if urlsplit(url).netloc == urlsplit(self.base_url).netloc:
            return False
        self.visits.append(Visit(self.who, url, ELSEWHERE, found_on))
        self.checked[url] = ELSEWHERE
        return True

    def submit(
        self,
        page: requests.Response,
        *,
        action: str = "",
        allowed: frozenset[int] = frozenset(),
        **values: str,
    ) -> requests.Response:
        """Submit the page's form to ``action`` (default: the page itself).

        ``allowed``: statuses the crawl expects (a refused odd value).
        """
        form = self.form(page, action=action)
        data = {**form.values(), **values}
        target = urljoin(page.url, form.action) if form.action else page.url
        if form.method == "get":
            return self._send(
                "get", target, params=data, found_on=page.url, allowed=allowed
            )
        return self.post(target, data, found_on=page.url, allowed=allowed)

    @staticmethod
    def form(page: requests.Response, *, action: str = "") -> Form:
        """Return the page's form to ``action``, a posting one first."""
        wanted = urlsplit(urljoin(page.url, action)).path
        forms = sorted(parse_page(page.text).forms, key=lambda f: f.method != "post")
        for form in forms:
            if urlsplit(urljoin(page.url, form.action)).path == wanted:
                return form
        found = [form.action for form in forms]
        raise AssertionError(f"No form to {wanted} on {page.url}: {found}")

    # Crawling ---------------------------------------------------------------

    def is_internal(self, url: str) -> bool:
        """Same host name as the store: a different port is a broken link."""
        parts = urlsplit(url)
        return (
            parts.scheme in {"http", "https"}
            and parts.hostname == urlsplit(self.base_url).hostname
        )

    def crawl(self, start: list[str], *, follow, skip=lambda url: False, limit=400):
        """Visit pages breadth first from ``start``.

        Pages whose URL ``follow`` accepts are read for their links and
        assets; every other internal link they carry is fetched once, to see
        it answers. ``skip`` names links never to fetch (log out, deletes).
        A link's redirect is followed to a page not fetched yet.
        """
        # The start pages are read even if a flow fetched them already.
        queue = deque((self.url(path), None) for path in start)
        while queue and len(self.checked) < limit:
            url, found_on = queue.popleft()
            if found_on is not None and self.fetched(url):
                continue
            if skip(url) or not self._new_variant(url):
                continue
            if self._elsewhere(url, found_on=found_on or ""):
                continue
            if found_on is None:
                response = self._send("get", url, found_on="")
            else:
                response = self._follow_to_new_page(url, found_on=found_on)
            if response is None:
                continue
            if not follow(response.url) or not self.is_internal(response.url):
                continue
            for link in self.references(response):
                if self.is_internal(link) and not self.fetched(link):
                    queue.append((link, response.url))

    def _follow_to_new_page(self, url: str, *, found_on: str):
        """GET a link and its redirects; None where one leads to a known page."""
        response = self._send("get", url, found_on=found_on, allow_redirects=False)
        while response.is_redirect:
            target = urldefrag(urljoin(response.url, response.headers["Location"])).url
            if (
                self.fetched(target)
                or not self.is_internal(target)
                or self._elsewhere(target, found_on=found_on)
            ):
                return None
            response = self._send(
                "get", target, found_on=found_on, allow_redirects=False
            )
        return response

    def check(self, url: str, *, found_on: str) -> None:
        """Fetch a linked URL once, to see that it answers."""
        if not self.fetched(url) and not self._elsewhere(url, found_on=found_on):
            self._send("get", url, found_on=found_on)

    def check_assets(self, response: requests.Response) -> None:
        """Fetch what a browser would load to show this page."""
        for asset in self.references(response, anchors=False):
            if self.is_internal(asset):
                self.check(asset, found_on=response.url)

    def references(self, response: requests.Response, *, anchors=True) -> list[str]:
        """Absolute URLs a page links to or loads, without fragments."""
        kind = response.headers.get("Content-Type", "")
        if "text/css" in kind:
            found = CSS_URL.findall(response.text)
        elif "xml" in kind:
            found = XML_LINK.findall(response.text)
            found = [next(part for part in match if part) for match in found]
        elif "text/html" in kind:
            page = parse_page(response.text)
            found = page.assets + (page.links if anchors else [])
        else:
            return []
        urls = []
        for reference in found:
            if reference.startswith(("data:", "mailto:", "tel:", "javascript:")):
                continue
            urls.append(urldefrag(urljoin(response.url, reference)).url)
        return urls

    def _new_variant(self, url: str) -> bool:
        parts = urlsplit(url)
        if not parts.query:
            return True
        seen = self.query_variants.setdefault(parts.path, set())
        if parts.query in seen:
            return True
        if len(seen) >= QUERY_VARIANTS_PER_PATH:
            return False
        seen.add(parts.query)
        return True


def sitemap_locations(response: requests.Response) -> list[str]:
    return re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", response.text)
