"""Links in account emails: a client's redirectUrl plus email and token.

A redirectUrl is read the way the browser that opens the email will read
it (the WHATWG URL rules, through ada-url), not with urllib: the two
disagree on backslashes, tabs and newlines, so a URL urllib thinks points
at our host can send a browser, and the token in the link, elsewhere. Any
URL where such readings could differ is refused before it is parsed.
"""

import re
import unicodedata
from urllib.parse import parse_qsl, urlencode

from ada_url import URL
from django.conf import settings

from .errors import AccountErrorCode, account_error

# Longer than any real client page; keeps the emailed link readable.
MAX_URL_LENGTH = 2000
_HTTP_PREFIX = re.compile(r"^https?://", re.IGNORECASE)
# Categories browsers strip, skip or render invisibly: control, format
# (zero-width, bidi overrides), separators, unassigned and private use.
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"}


def _normalized_host(host: str) -> str:
    """Return the host as a browser names it (lowercase, punycode, IPs)."""
    try:
        return URL(f"http://{host}/").hostname
    except ValueError:
        return ""


def _allowed_hosts() -> tuple[set[str], set[str]]:
    """Return exact hosts and domains whose subdomains are allowed too."""
    exact, domains = set(), set()
    entries = [URL(settings.PUBLIC_URL).hostname, *settings.ALLOWED_CLIENT_HOSTS]
    for entry in entries:
        entry = entry.strip()
        # "*" would allow every host: an emailed token must never go anywhere.
        if not entry or entry == "*":
            continue
        if entry.startswith("."):
            domains.add(_normalized_host(entry[1:]))
        else:
            exact.add(_normalized_host(entry))
    exact.discard("")
    domains.discard("")
    return exact, domains


def _host_allowed(host: str) -> bool:
    exact, domains = _allowed_hosts()
    return host in exact or any(
        host == domain or host.endswith(f".{domain}") for domain in domains
    )


def _plain(redirect_url: str) -> bool:
    """Return whether the URL reads the same to every parser we know of."""
    if not redirect_url or len(redirect_url) > MAX_URL_LENGTH:
        return False
    if not _HTTP_PREFIX.match(redirect_url) or "\\" in redirect_url:
        return False
    if any(unicodedata.category(char) in _REFUSED_CATEGORIES for char in redirect_url):
        return False
    authority = re.split(r"[/?#]", redirect_url.split("//", 1)[1], maxsplit=1)[0]
    # User-info ("evil@", "evil%2F@") only serves to dress one host as another.
    return "@" not in authority


def redirect_url_clean(*, redirect_url: str, field: str = "redirectUrl") -> str:
    """Return the URL as browsers read it if its host is allowed, else raise."""
    invalid = account_error(field, "Enter a valid URL.", AccountErrorCode.INVALID)
    if not isinstance(redirect_url, str) or not _plain(redirect_url):
        raise invalid
    try:
        url = URL(redirect_url)
    except ValueError:
        raise invalid from None
    if url.protocol not in {"http:", "https:"} or url.username or url.password:
        raise invalid
    if not _host_allowed(url.hostname):
        raise account_error(
            field,
            f"{url.hostname} is not allowed. Please check `ALLOWED_CLIENT_HOSTS` "
            "configuration.",
            AccountErrorCode.INVALID,
        )
    return url.href


def link_with_params(redirect_url: str, **params: str) -> str:
    """Return the URL with the parameters added to its query string."""
    url = URL(redirect_url)
    query = dict(parse_qsl(url.search.removeprefix("?")))
    query.update(params)
    url.search = urlencode(query)
    return url.href
