"""Links in account emails: a client's redirectUrl plus email and token."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings

from .errors import AccountErrorCode, account_error


def _allowed_hosts() -> set[str]:
    hosts = {urlsplit(settings.PUBLIC_URL).hostname or ""}
    hosts.update(settings.ALLOWED_CLIENT_HOSTS)
    hosts.update(host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*")
    return {host.lower() for host in hosts if host}


def redirect_url_clean(*, redirect_url: str, field: str = "redirectUrl") -> str:
    """Return the URL if it points at a host we serve, else raise INVALID."""
    parts = urlsplit(redirect_url or "")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise account_error(field, "Enter a valid URL.", AccountErrorCode.INVALID)
    if parts.hostname.lower() not in _allowed_hosts():
        raise account_error(
            field,
            f"{parts.hostname} is not allowed. Please check `ALLOWED_CLIENT_HOSTS`.",
            AccountErrorCode.INVALID,
        )
    return redirect_url


def link_with_params(redirect_url: str, **params: str) -> str:
    """Return the URL with the parameters added to its query string."""
    parts = urlsplit(redirect_url)
    query = dict(parse_qsl(parts.query))
    query.update(params)
    return urlunsplit(parts._replace(query=urlencode(query)))
