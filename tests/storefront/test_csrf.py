"""A cached page's CSRF token is one Django's own check accepts.

backend.storefront.csrf makes the token without Django's per-character
draws; these tests hold it to what Django's get_token gives: the same
cookie handling, the same shape, and a pass through CsrfViewMiddleware.
"""

import collections

from django.http import HttpResponse
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    CsrfViewMiddleware,
)
from django.test import RequestFactory

from backend.storefront import csrf

MIDDLEWARE = CsrfViewMiddleware(lambda request: HttpResponse())


def _page_request(cookie: str | None = None):
    """A GET as the middleware sees it before a page fills in the token."""
    request = RequestFactory().get("/products/loop-stretch-strap/")
    if cookie is not None:
        request.COOKIES["csrftoken"] = cookie
    MIDDLEWARE.process_request(request)
    return request


def _post_is_accepted(token: str, cookie: str) -> bool:
    """Run Django's own check on a form POST carrying the token and cookie."""
    request = RequestFactory().post(
        "/cart/add/", {"csrfmiddlewaretoken": token}, secure=False
    )
    request.COOKIES["csrftoken"] = cookie
    MIDDLEWARE.process_request(request)
    refused = MIDDLEWARE.process_view(request, lambda r: None, (), {})
    return refused is None


def _cookie_set(request) -> str:
    response = MIDDLEWARE.process_response(request, HttpResponse())
    return response.cookies["csrftoken"].value


def test_a_new_reader_gets_a_cookie_and_a_token_that_passes_the_check():
    request = _page_request()

    token = csrf.csrf_token(request)

    assert _post_is_accepted(token, _cookie_set(request))


def test_a_reader_with_a_cookie_keeps_it_and_the_token_passes_the_check():
    secret = csrf.random_chars(CSRF_SECRET_LENGTH)
    request = _page_request(cookie=secret)

    token = csrf.csrf_token(request)

    assert _cookie_set(request) == secret  # sent again: its expiry renews
    assert _post_is_accepted(token, secret)


def test_a_token_is_refused_with_another_readers_cookie():
    token = csrf.csrf_token(_page_request())
    other = _page_request()
    csrf.csrf_token(other)

    assert not _post_is_accepted(token, _cookie_set(other))


def test_tokens_have_djangos_shape_and_differ_for_the_same_reader():
    request = _page_request()

    tokens = {csrf.csrf_token(request) for _ in range(50)}

    assert len(tokens) == 50  # a fresh mask each time
    for token in tokens:
        assert len(token) == 2 * CSRF_SECRET_LENGTH
        assert set(token) <= set(CSRF_ALLOWED_CHARS)


def test_every_character_is_drawn_from_as_many_byte_values():
    """Bytes past the last full round of 62 are dropped, so none is likelier."""
    kept = [byte for byte in range(256) if byte not in csrf._OVER_BOUND]
    counts = collections.Counter(chr(csrf._TABLE[byte]) for byte in kept)

    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    assert set(counts.values()) == {256 // len(CSRF_ALLOWED_CHARS)}


def test_a_malformed_cookie_is_replaced_and_the_token_passes_the_check():
    request = _page_request(cookie="not a csrf secret \x00")

    token = csrf.csrf_token(request)

    new_cookie = _cookie_set(request)
    assert new_cookie != "not a csrf secret \x00"
    assert _post_is_accepted(token, new_cookie)


def test_a_64_character_cookie_of_an_older_django_keeps_its_secret():
    """Django once kept masked tokens in the cookie; it reads their secret."""
    older_cookie = csrf.csrf_token(_page_request())

    request = _page_request(cookie=older_cookie)
    token = csrf.csrf_token(request)

    assert _post_is_accepted(token, older_cookie)


def test_the_mask_is_added_to_the_secret_as_django_adds_it():
    from django.middleware.csrf import _unmask_cipher_token

    last, first = CSRF_ALLOWED_CHARS[-1], CSRF_ALLOWED_CHARS[0]
    pairs = [
        (last * CSRF_SECRET_LENGTH, last * CSRF_SECRET_LENGTH),  # the largest sums
        (first * CSRF_SECRET_LENGTH, last * CSRF_SECRET_LENGTH),
        *(
            (
                csrf.random_chars(CSRF_SECRET_LENGTH),
                csrf.random_chars(CSRF_SECRET_LENGTH),
            )
            for _ in range(200)
        ),
    ]

    for secret, mask in pairs:
        assert _unmask_cipher_token(mask + csrf._added(secret, mask)) == secret
