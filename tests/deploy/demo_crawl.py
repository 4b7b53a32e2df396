"""The demo crawl: every page of the `make run` store, as every kind of person.

A new user's first visit clicks everything: the store is visited as a
shopper, a customer with an order, operations and a merchandiser, following
each link, image, stylesheet and script, and sending odd input where a
shopper types. tests/deploy/test_make_run.py runs it on the store its first
`make run` booted and fails on any answer of 500 or more, any internal link
or asset answering 4xx, and (in chromium, one page of each kind) any console
error or page error.
"""

import quopri
import re
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from .crawler import Visit, Visitor, parse_page

CHANNEL = "default-channel"
CUSTOMER_PASSWORD = "Crawl-pass-4821"
US_ADDRESS = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "street_address_1": "1600 Amphitheatre Pkwy",
    "city": "Mountain View",
    "country_area": "CA",
    "postal_code": "94043",
    "country": "US",
    "phone": "",
}
ODD_SEARCHES = [
    "",
    "strap",
    "腰痛 stretch für Rücken",
    "stretch " * 400,
    "\"quoted\" 'single' <b>bold</b> & %_ \\",
    "\x00",
]
# Odd values of the query parameters the listing pages read.
ODD_PARAMETERS = [
    "?page=abc",
    "?page=99999",
    "?page=99999999999999999999",
    "?sort=nonsense",
    "?price_min=abc",
]
ODD_PRODUCT_PARAMETERS = [
    "?variant=abc",
    "?variant=99999999999999999999",
    "?postal_code=%00",
    "?postal_code=" + "9" * 300,
    "?postal_code=%E2%80%AE%F0%9F%98%80",
]
# What a shopper may type where a number or a code is asked for.
ODD_QUANTITIES = ["0", "-1", "abc", "99999999999", "1.5", "\x00"]
ODD_PROMO_CODES = ["NO-SUCH-CODE", "welcome10 ", "\x00", "x" * 300]
REFUSED = frozenset({400, 404})
CATALOG_QUERY = """{
  products(first: 100, channel: "%(channel)s") { edges { node { slug } } }
  categories(first: 100) { edges { node { slug } } }
  collections(first: 100, channel: "%(channel)s") { edges { node { slug } } }
  pages(first: 100) { edges { node { slug } } }
}"""
STOREFRONT_ELSEWHERE = ("/admin/", "/ops/", "/graphql/", "/static/", "/media/")
CONFIRM_LINK = re.compile(r"https?://[^\s\"'<>]+(/account/confirm/\?[^\s\"'<>]+)")


@dataclass
class Crawl:
    boot_seconds: float
    visits: list[Visit] = field(default_factory=list)
    # Static files, media and thumbnails: one fetch serves every visitor.
    same_for_everyone: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    # The page of each kind the browser opens, and whose cookies it takes.
    browser_pages: dict[str, tuple[Visitor, str]] = field(default_factory=dict)

    def failures(self) -> list[Visit]:
        return [visit for visit in self.visits if visit.failed]

    def summary(self) -> list[str]:
        pages = {(visit.who, visit.url) for visit in self.visits}
        people = Counter(visit.who for visit in self.visits)
        lines = [
            f"demo crawl: {len(self.visits)} requests, {len(pages)} distinct pages "
            f"({', '.join(f'{who} {n}' for who, n in people.items())}); "
            f"{len(self.failures())} failed; booted in {self.boot_seconds:.0f} s, "
            f"crawled in {self.seconds:.0f} s"
        ]
        lines += [describe(visit) for visit in self.failures()]
        return lines


def describe(visit: Visit) -> str:
    where = f" (linked from {visit.found_on})" if visit.found_on else ""
    return f"  {visit.status} {visit.who}: {visit.url}{where}"


def crawl_store(store) -> Crawl:
    """Visit the store as every kind of person; return what was asked and answered."""
    started = time.monotonic()
    result = Crawl(boot_seconds=store.boot_seconds)
    _crawl_as_anonymous(store, result)
    _crawl_cart_and_checkout(store, result)
    _crawl_account(store, result)
    operations = _crawl_operations(store, result)
    merchandiser = _staff_login(
        store, result, email="merch@example.com", who="merchandiser admin"
    )
    _crawl_admin(result, visitor=merchandiser)
    _crawl_admin(result, visitor=_same_login(operations, result, "operations admin"))
    result.seconds = time.monotonic() - started
    return result


def _visitor(store, result: Crawl, who: str) -> Visitor:
    return Visitor(
        base_url=store.url,
        who=who,
        visits=result.visits,
        everyone=result.same_for_everyone,
    )


def _storefront(url: str) -> bool:
    return not urlsplit(url).path.startswith(STOREFRONT_ELSEWHERE)


def _never(url: str) -> bool:
    """Links a crawler must not follow: they end the visit or delete."""
    path = urlsplit(url).path
    return "logout" in path or "/delete/" in path


def _catalog(visitor: Visitor) -> dict[str, list[str]]:
    response = visitor.post_json(
        "/graphql/", {"query": CATALOG_QUERY % {"channel": CHANNEL}}
    )
    data = response.json()["data"]
    return {
        name: [edge["node"]["slug"] for edge in data[name]["edges"]]
        for name in ("products", "categories", "collections", "pages")
    }


def _crawl_as_anonymous(store, result: Crawl) -> None:
    visitor = _visitor(store, result, "anonymous")
    catalog = _catalog(visitor)
    entity_pages = (
        [f"/products/{slug}/" for slug in catalog["products"]]
        + [f"/articles/{slug}/" for slug in catalog["pages"]]
        + [f"/categories/{slug}/" for slug in catalog["categories"]]
        + [f"/collections/{slug}/" for slug in catalog["collections"]]
    )
    for query in ODD_SEARCHES:
        visitor.get(f"/search/?q={quote(query)}", allowed=REFUSED)
    listings = [
        f"/categories/{catalog['categories'][0]}/",
        f"/collections/{catalog['collections'][0]}/",
        "/search/",
        "/articles/",
    ]
    for listing in listings:
        for parameters in ODD_PARAMETERS:
            visitor.get(listing + parameters, allowed=REFUSED)
    _comment(visitor, f"/articles/{catalog['pages'][0]}/")
    for parameters in ODD_PRODUCT_PARAMETERS:
        visitor.get(f"/products/{catalog['products'][0]}/{parameters}", allowed=REFUSED)
    visitor.crawl(
        ["/", "/robots.txt", "/sitemap.xml", "/articles/feed/", "/articles/atom/"]
        + entity_pages,
        follow=_storefront,
        skip=_never,
        limit=600,
    )
    result.browser_pages.update(
        home=(visitor, "/"),
        article=(visitor, f"/articles/{catalog['pages'][0]}/"),
        product=(visitor, f"/products/{catalog['products'][0]}/"),
        category=(visitor, f"/categories/{catalog['categories'][0]}/"),
        search=(visitor, "/search/?q=strap"),
    )


def _comment(visitor: Visitor, article: str) -> None:
    """Post a comment through the article's form, then an odd one."""
    for body in ("Helpful, thanks.", "\x00", "x" * 20_000):
        visitor.submit(
            visitor.get(article),
            action=f"{article}comments/",
            allowed=REFUSED,
            name="Ada",
            email="ada@example.com",
            body=body,
        )


def _add_to_cart(visitor: Visitor) -> None:
    """Put the first product that has an add-to-cart form in the cart."""
    for path in _product_paths(visitor):
        page = visitor.get(path)
        if "/cart/add/" in page.text:
            cart = visitor.submit(page, action="/cart/add/")
            assert urlsplit(cart.url).path == "/cart/", cart.url
            return
    raise AssertionError("No product page has an add-to-cart form")


def _product_paths(visitor: Visitor) -> list[str]:
    home = visitor.get("/")
    return [
        link
        for link in dict.fromkeys(parse_page(home.text).links)
        if urlsplit(link).path.startswith("/products/")
    ]


def _checkout_to_review(visitor: Visitor, *, email: str) -> None:
    """Walk from the cart to the review step through each step's form."""
    page = visitor.get("/checkout/")
    # A signed-in customer's email is known: the contact step is skipped.
    for _ in range(3):
        step = urlsplit(page.url).path
        if step == "/checkout/review/":
            return
        values = {
            "/checkout/contact/": {"email": email},
            "/checkout/address/": US_ADDRESS,
        }.get(step, {})
        page = visitor.submit(page, **values)
    assert urlsplit(page.url).path == "/checkout/review/", page.url


def _try_odd_cart_inputs(visitor: Visitor) -> None:
    """Type odd quantities and promo codes into the cart's own forms."""
    cart = visitor.get("/cart/")
    line_action = next(
        form.action
        for form in parse_page(cart.text).forms
        if re.search(r"/cart/lines/[^/]+/$", form.action)
    )
    for quantity in ODD_QUANTITIES:
        visitor.submit(
            visitor.get("/cart/"),
            action=line_action,
            allowed=REFUSED,
            quantity=quantity,
        )
    for code in ODD_PROMO_CODES:
        visitor.submit(
            visitor.get("/cart/"),
            action="/cart/promo/",
            allowed=REFUSED,
            promo_code=code,
        )
    visitor.submit(visitor.get("/cart/"), action=line_action, quantity="1")


def _crawl_cart_and_checkout(store, result: Crawl) -> None:
    visitor = _visitor(store, result, "shopper")
    _add_to_cart(visitor)
    _try_odd_cart_inputs(visitor)
    _checkout_to_review(visitor, email="shopper@example.com")
    visitor.crawl(
        ["/cart/", "/checkout/contact/", "/checkout/address/", "/checkout/delivery/"],
        follow=lambda url: urlsplit(url).path.startswith(("/cart/", "/checkout/")),
        skip=_never,
    )
    result.browser_pages.update(
        cart=(visitor, "/cart/"), checkout=(visitor, "/checkout/review/")
    )


def _sign_up(store, visitor: Visitor) -> str:
    """Sign up and confirm through the emailed link; return the email."""
    email = f"crawl-{uuid.uuid4().hex[:8]}@example.com"
    signup = visitor.get("/account/signup/")
    visitor.submit(signup, email=email, first_name="Ada", password=CUSTOMER_PASSWORD)
    log = quopri.decodestring(store.output().encode()).decode(errors="replace")
    links = [link for link in CONFIRM_LINK.findall(log) if quote(email) in link]
    assert links, f"No confirmation email to {email} in the store's output"
    confirm = visitor.get(links[-1].replace("&amp;", "&"))
    done = visitor.submit(confirm)
    assert done.status_code == 200, done.text[:500]
    return email


def _crawl_account(store, result: Crawl) -> None:
    visitor = _visitor(store, result, "customer")
    email = _sign_up(store, visitor)
    login = visitor.get("/account/login/")
    visitor.submit(login, email=email, password=CUSTOMER_PASSWORD)
    add_address = visitor.get("/account/addresses/add/")
    visitor.submit(add_address, **US_ADDRESS)
    _add_to_cart(visitor)
    _checkout_to_review(visitor, email=email)
    confirmation = visitor.submit(visitor.get("/checkout/review/"))
    assert "/checkout/confirmation/" in confirmation.url, confirmation.url
    visitor.crawl(
        ["/account/", "/account/orders/", "/account/addresses/", confirmation.url],
        follow=lambda url: urlsplit(url).path.startswith(
            ("/account/", "/orders/", "/checkout/confirmation/")
        ),
        skip=_never,
    )
    result.browser_pages["account"] = (visitor, "/account/")


def _demo_password(store, email: str) -> str:
    """Read the password the demo loader printed for this staff login."""
    printed = re.search(rf"^\s+{re.escape(email)} / (\S+)", store.output(), re.M)
    assert printed, f"The demo loader printed no password for {email}"
    return printed.group(1)


def _staff_login(store, result: Crawl, *, email: str, who: str) -> Visitor:
    visitor = _visitor(store, result, who)
    login = visitor.get("/admin/login/")
    page = visitor.submit(login, username=email, password=_demo_password(store, email))
    assert urlsplit(page.url).path == "/admin/", f"{email} could not log in"
    return visitor


def _same_login(visitor: Visitor, result: Crawl, who: str) -> Visitor:
    """The same person, signed in once, visiting another part of the store."""
    other = Visitor(
        base_url=visitor.base_url,
        who=who,
        visits=result.visits,
        everyone=result.same_for_everyone,
    )
    other.session = visitor.session
    return other


def _crawl_operations(store, result: Crawl) -> Visitor:
    visitor = _staff_login(store, result, email="ops@example.com", who="operations")
    visitor.crawl(
        ["/ops/"],
        follow=lambda url: urlsplit(url).path.startswith("/ops/"),
        skip=_never,
    )
    result.browser_pages["ops"] = (visitor, "/ops/")
    return visitor


def _crawl_admin(result: Crawl, *, visitor: Visitor) -> None:
    """Open each changelist and add form the admin index links, one object each."""
    index = visitor.get("/admin/")
    visitor.check_assets(index)
    model_pages = [
        link
        for link in dict.fromkeys(parse_page(index.text).links)
        if re.fullmatch(r"/admin/\w+/\w+/(add/)?", link)
    ]
    assert model_pages, f"The admin index offers {visitor.who} nothing"
    change_forms = []
    for path in model_pages:
        page = visitor.get(path, found_on=index.url)
        visitor.check_assets(page)
        if path.endswith("/add/"):
            continue
        change = next(
            (
                link
                for link in parse_page(page.text).links
                if re.fullmatch(rf"{re.escape(path)}[^/]+/change/(\?.*)?", link)
            ),
            None,
        )
        if change:
            form = visitor.get(change, found_on=page.url)
            visitor.check_assets(form)
            change_forms.append(change)
    product_forms = [path for path in change_forms if "/product/product/" in path]
    if visitor.who == "merchandiser admin":
        result.browser_pages["admin"] = (
            visitor,
            (product_forms or change_forms or ["/admin/"])[0],
        )


BROWSER_PAGES = [
    "home",
    "article",
    "product",
    "category",
    "search",
    "cart",
    "checkout",
    "account",
    "ops",
    "admin",
]
