"""The CSRF token a cached page is filled with, from one draw of randomness.

Django's get_token draws each character of a new secret and of its mask
with its own ``secrets.choice``, one ``os.urandom`` call per character:
64 calls for a reader without a csrftoken cookie, 0.14 ms of the 0.9 ms a
cached product page's hit costs. csrf_token() gives the token Django would:
a secret of CSRF_SECRET_LENGTH characters of CSRF_ALLOWED_CHARS, kept in
request.META for CsrfViewMiddleware to set as the cookie, and a fresh mask
added to it character by character. Only the draw differs: one
``os.urandom`` call, each byte below 248 (four times the 62 characters)
read as one character, the rest dropped, so every character stays equally
likely. tests/storefront/test_csrf.py posts its tokens through Django's
own check.
"""

import os

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

_CHARS = CSRF_ALLOWED_CHARS
# Bytes from this value up would make the first characters likelier.
_BOUND = 256 - 256 % len(_CHARS)
# Byte -> character; bytes at or above the bound are deleted, not mapped.
_TABLE = bytes(ord(_CHARS[byte % len(_CHARS)]) for byte in range(256))
_OVER_BOUND = bytes(range(_BOUND, 256))
# Character -> its index among the characters, as a byte.
_TO_INDEX = bytes.maketrans(_CHARS.encode(), bytes(range(len(_CHARS))))
# The sum of two indexes (below 124) -> the character at it, modulo their number.
_SUM_TO_CHAR = bytes(ord(_CHARS[total % len(_CHARS)]) for total in range(256))


def random_chars(count: int) -> str:
    """Return ``count`` characters of CSRF_ALLOWED_CHARS, each equally likely."""
    drawn = b""
    while len(drawn) < count:
        # A few spare bytes: about 3% of them are dropped.
        drawn += os.urandom(count + 8).translate(_TABLE, _OVER_BOUND)
    return drawn[:count].decode("ascii")


def csrf_token(request) -> str:
    """Return a masked token for the reader's secret, as get_token() does.

    A reader without a csrftoken cookie gets a new secret, and the
    middleware's response processing sets the cookie, as after get_token().
    """
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = request.META["CSRF_COOKIE"] = random_chars(CSRF_SECRET_LENGTH)
    # Sends the cookie again, which renews its expiry, as get_token() does.
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = random_chars(CSRF_SECRET_LENGTH)
    return mask + _added(secret, mask)


def _added(secret: str, mask: str) -> str:
    """Add the mask to the secret character by character, as Django masks.

    Both read as big numbers, one byte per character's index: no sum of
    two indexes reaches 256, so one addition adds every pair at once.
    """
    total = _index_number(secret) + _index_number(mask)
    return total.to_bytes(len(secret), "big").translate(_SUM_TO_CHAR).decode("ascii")


def _index_number(chars: str) -> int:
    return int.from_bytes(chars.encode("ascii").translate(_TO_INDEX), "big")
