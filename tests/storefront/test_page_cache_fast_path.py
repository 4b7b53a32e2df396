"""Every page an anonymous visitor loads comes from the page cache.

Home, category, collection, articles index, article, product and search
pages are cached whole (backend.storefront.page_cache); a reader without a
session cookie gets a hit from CachedPageMiddleware before any middleware
reads the session, with no SQL query, a working CSRF token and the headers
of a normal render.
"""

import re

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from backend.page.models import Page
from backend.page.services.pages import page_update
from backend.product.models import Collection, Product
from backend.product.selectors import collections_published
from backend.product.services.products import product_update
from backend.storefront import fast_pages
from backend.storefront.fast_pages import CachedPageMiddleware
from tests.fixtures.catalog import warm_delivery_rules

from .helpers import shown_names, texts_by_class

STRAP_SLUG = "loop-stretch-strap"
PAGES = (
    "home",
    "category",
    "collection",
    "article_index",
    "article",
    "product",
    "search",
)


@pytest.fixture
def synced(demo_articles, db, content_dir):
    warm_delivery_rules()
    return content_dir


def _url(name: str) -> str:
    strap = Product.objects.select_related("category").get(slug=STRAP_SLUG)
    article = Page.objects.filter(is_published=True).order_by("slug").first()
    collection = (
        collections_published(channel_slug=settings.DEFAULT_CHANNEL_SLUG)
        .filter(slug=settings.FEATURED_COLLECTION_SLUG)
        .first()
        or Collection.objects.order_by("pk").first()
    )
    return {
        "home": "/",
        "category": f"/categories/{strap.category.slug}/",
        "collection": f"/collections/{collection.slug}/",
        "article_index": "/articles/",
        "article": f"/articles/{article.slug}/",
        "product": f"/products/{STRAP_SLUG}/",
        "search": "/search/?q=strap",
    }[name]


def _csrf_tokens(response) -> list[str]:
    return re.findall(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
    )


def _shown_title(name: str, response) -> str:
    """A product or article title the page shows, for a write to change."""
    if name == "product":
        return Product.objects.get(slug=STRAP_SLUG).name
    if name == "article":
        return Page.objects.filter(is_published=True).order_by("slug").first().title
    names = shown_names(response)
    if names:
        return names[0]
    return texts_by_class(response, "article-card-title")[0]


def _rename(title: str, new: str) -> None:
    """Rename the product or article titled so, through its domain service."""
    product = Product.objects.filter(name=title).first()
    if product is not None:
        product_update(product=product, name=new)
    else:
        page_update(page=Page.objects.get(title=title), title=new)


def _strict_middleware():
    def normal_path(request):
        raise AssertionError("the request took the normal path")

    return CachedPageMiddleware(normal_path)


@pytest.mark.parametrize("name", PAGES)
def test_a_cookie_less_readers_second_request_is_a_fast_hit_without_sql(
    name, synced, django_assert_num_queries
):
    url = _url(name)
    Client().get(url)  # renders and stores it

    with django_assert_num_queries(0):
        response = Client().get(url)

    assert response.status_code == 200
    assert 'class="account-link"' in response.content.decode()
    assert "Cart (0)" in response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_the_fast_path_answers_before_the_session_and_the_view(name, synced):
    url = _url(name)
    Client().get(url)
    request = RequestFactory().get(url)

    response = _strict_middleware()(request)

    assert response.status_code == 200
    assert "-slot-" not in response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_a_catalog_write_shows_at_the_next_fast_request(
    name, synced, django_capture_on_commit_callbacks
):
    url = _url(name)
    first = Client().get(url)
    title = _shown_title(name, first)

    with django_capture_on_commit_callbacks(execute=True):
        _rename(title, f"{title} Renamed")
    fast = _strict_middleware().cached_response(RequestFactory().get(url))

    # A miss: the fast path leaves it to the view, which renders it anew.
    assert fast is None
    assert f"{title} Renamed" in Client().get(url).content.decode()


# The pages with a POST form (add to cart, a comment).
FORM_PAGES = ("product", "article")


@pytest.mark.parametrize("name", FORM_PAGES)
def test_a_post_from_a_fast_hit_passes_the_csrf_check(
    name, synced, django_assert_num_queries
):
    url = _url(name)
    Client().get(url)
    reader = Client(enforce_csrf_checks=True)
    with django_assert_num_queries(0):
        page = reader.get(url)
    (token, *others) = _csrf_tokens(page)
    strap = Product.objects.get(slug=STRAP_SLUG)

    response = reader.post(
        "/cart/add/",
        {
            "csrfmiddlewaretoken": token,
            "variant": strap.default_variant_id,
            "quantity": 1,
        },
    )

    assert response.status_code == 302
    assert "Cart (1)" in reader.get(url).content.decode()


@pytest.mark.parametrize("cookie", ["", "x" * 32 + "!", "\u00e9" * 64])
def test_a_reader_with_a_malformed_csrf_cookie_gets_the_page_and_may_post(
    cookie, synced
):
    url = _url("product")
    Client().get(url)
    reader = Client(enforce_csrf_checks=True)
    reader.cookies["csrftoken"] = cookie

    page = reader.get(url)

    assert (page.status_code, page["X-Cache"]) == (200, "hit")
    (token, *others) = _csrf_tokens(page)
    strap = Product.objects.get(slug=STRAP_SLUG)
    added = reader.post(
        "/cart/add/",
        {"csrfmiddlewaretoken": token, "variant": strap.default_variant_id},
    )
    assert added.status_code == 302


@pytest.mark.parametrize("name", PAGES)
def test_a_fast_hit_carries_the_headers_of_a_normal_render(name, synced):
    url = _url(name)
    normal = Client().get(url)  # the miss: rendered by the view

    fast = Client().get(url)

    def shape(response):
        headers = {
            key: value
            for key, value in response.headers.items()
            if key not in ("Content-Length", "X-Cache")
        }
        # Expiry is a date to the second, computed at each response from the
        # same max-age: a second may tick between the two requests.
        cookies = {
            name: {k: v for k, v in morsel.items() if v and k != "expires"}
            for name, morsel in response.cookies.items()
        }
        return headers, cookies, sorted(response.cookies)

    assert shape(fast) == shape(normal)
    assert (normal["X-Cache"], fast["X-Cache"]) == ("miss", "hit")
    assert fast["Content-Security-Policy"]
    assert fast["X-Frame-Options"] == "DENY"
    assert fast["Vary"] == normal["Vary"]
    if name in FORM_PAGES:
        assert fast.cookies["csrftoken"].value != normal.cookies["csrftoken"].value


@pytest.mark.parametrize("name", FORM_PAGES)
def test_a_post_with_a_token_of_another_reader_is_refused(name, synced):
    url = _url(name)
    Client().get(url)
    (token, *others) = _csrf_tokens(Client().get(url))
    reader = Client(enforce_csrf_checks=True)
    reader.get(url)
    strap = Product.objects.get(slug=STRAP_SLUG)

    response = reader.post(
        "/cart/add/",
        {"csrfmiddlewaretoken": token, "variant": strap.default_variant_id},
    )

    assert response.status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_a_signed_in_reader_never_sees_another_readers_links(
    name, synced, customer_user
):
    url = _url(name)
    Client().get(url)
    shopper = Client()
    strap = Product.objects.get(slug=STRAP_SLUG)
    shopper.get("/products/loop-stretch-strap/")
    shopper.post("/cart/add/", {"variant": strap.default_variant_id, "quantity": 2})
    signed_in = Client()
    signed_in.force_login(customer_user)

    shoppers = shopper.get(url).content.decode()
    signed_ins = signed_in.get(url).content.decode()
    anonymous = Client().get(url).content.decode()

    assert "Cart (2)" in shoppers
    assert ">Account<" in signed_ins and "Cart (0)" in signed_ins
    assert ">Log in<" in anonymous and "Cart (0)" in anonymous
    assert ">Account<" not in anonymous + shoppers


@pytest.mark.parametrize("name", PAGES)
def test_a_reader_with_a_flash_message_gets_a_page_of_their_own(name, synced):
    url = _url(name)
    Client().get(url)
    reader = Client()
    strap = Product.objects.get(slug=STRAP_SLUG)
    reader.post("/cart/add/", {"variant": strap.default_variant_id, "quantity": 1})

    shown = reader.get(url)
    later = Client().get(url)

    assert "Added to your cart." in shown.content.decode()
    assert "Added to your cart." not in later.content.decode()


def test_unknown_query_parameters_share_the_cached_listing(
    synced, django_assert_num_queries
):
    Client().get("/search/?q=strap")

    with django_assert_num_queries(0):
        response = Client().get("/search/?q=strap&utm_source=mail&x=1&y=2")

    assert response.status_code == 200
    assert "utm_source" not in response.content.decode()


def test_the_search_query_is_in_the_key(synced):
    strap = Client().get("/search/?q=strap")
    heat = Client().get("/search/?q=heat")

    assert shown_names(strap) != shown_names(heat)
    assert 'value="heat"' in heat.content.decode()


def test_a_post_is_never_answered_by_the_fast_path(synced):
    Client().get("/")

    response = _strict_middleware().cached_response(RequestFactory().post("/"))

    assert response is None


def _page_text(response) -> str:
    """The page as a reader sees it, but for what differs per request."""
    text = response.content.decode()
    text = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1", text)
    # The countdown reads the clock at each response.
    return re.sub(r'(data-testid="delivery-promise">)[^<]*', r"\1", text)


@pytest.mark.parametrize("name", PAGES)
def test_a_fast_hit_is_the_page_the_view_rendered(name, synced):
    url = _url(name)
    normal = Client().get(url)  # the miss: rendered by the view

    fast = Client().get(url)

    assert fast["X-Cache"] == "hit"
    assert _page_text(fast) == _page_text(normal)


def test_odd_paths_never_grow_the_paths_a_process_remembers():
    remembered = fast_pages._fast_page_remembered
    for number in range(3_000):
        fast_pages.fast_page(f"/products/no-such-product-{number}/")
    size = remembered.cache_info().currsize

    fast_pages.fast_page("/products/" + "x" * 300 + "/")

    assert size <= remembered.cache_info().maxsize
    assert remembered.cache_info().currsize == size


def test_a_remembered_path_still_resolves_to_its_page():
    assert fast_pages.fast_page("/search/") == fast_pages.fast_page("/search/")
    kind, _, kwargs = fast_pages.fast_page(f"/products/{STRAP_SLUG}/")

    assert (kind, kwargs) == ("product", {"slug": STRAP_SLUG})
    assert fast_pages.fast_page("/healthz/") is None
