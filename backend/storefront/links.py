"""Store addresses from a shape reversed once per process.

Django's reverse() walks the URL patterns and matches a regex on every
call, about 0.1 ms; a listing's 24 product links cost more than the rest
of its cards. A route whose arguments all take any text without a slash
(``<str:...>``) is reversed once with markers in their place, and each
call quotes its arguments into that shape exactly as reverse() does.
"""

from urllib.parse import quote

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS

# What reverse() leaves unquoted in an argument (RFC 3986 pchar).
_SAFE = RFC3986_SUBDELIMS + "/~:@"
# Stand-ins for the arguments: "~" is outside the slug, int and uuid
# converters, so a route that reverses with them takes any text.
_MARKER = "~lumbar-arg-{}~"

# (name, argument count, script prefix, urlconf) -> the text around the
# arguments, or None where reverse() must answer every time.
_shapes: dict[tuple, tuple[str, ...] | None] = {}


def url_of(name: str, *args: str) -> str:
    """Return ``reverse(name, args=args)``, reversing only once per shape."""
    key = (name, len(args), get_script_prefix(), get_urlconf())
    if key not in _shapes:
        _shapes[key] = _shape(name, len(args))
    shape = _shapes[key]
    # An empty argument or one with a slash matches no <str:> route:
    # reverse() says so with its own error.
    if shape is None or not all(
        isinstance(arg, str) and arg and "/" not in arg for arg in args
    ):
        return reverse(name, args=args)
    parts = [shape[0]]
    for arg, text in zip(args, shape[1:], strict=True):
        parts += (quote(arg, safe=_SAFE), text)
    return "".join(parts)


def _shape(name: str, count: int) -> tuple[str, ...] | None:
    try:
        rest = reverse(name, args=[_MARKER.format(i) for i in range(count)])
    except Exception:  # noqa: BLE001 - a route with other converters
        return None
    texts = []
    for index in range(count):
        before, found, rest = rest.partition(_MARKER.format(index))
        if not found:
            return None
        texts.append(before)
    return (*texts, rest)
