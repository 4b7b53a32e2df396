"""Growing delays after failed logins, per IP and email, as Saleor's.

A single mistyped password costs nothing: the right one may follow at
once. From the second failure in a row for an (IP, email) pair, each one
doubles the wait before the next attempt is heard: 1 s, 2 s, 4 s ... up to
an hour. One IP failing for many
emails (credential stuffing) is slowed the same way once it passes a
larger allowance. The email need not have an account, so the answer does
not tell who has one. Counters live in the cache (Redis) and expire.

The throttle sits in the authentication backend (backends.py), so every
door that checks a password through Django's authenticate() shares it.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError

from .errors import AccountErrorCode, account_error

MIN_DELAY_SECONDS = 1
# Failures in a row an (IP, email) pair makes before any wait: a typo is
# not an attack, and one free guess in an hour-long doubling changes nothing.
PAIR_FREE_FAILURES = 1
MAX_DELAY_SECONDS = 3600
# Failures are forgotten this long after the last one.
COUNTER_TTL_SECONDS = 7200
# The stored deadline decides; the key's expiry only frees memory, so it
# outlives the deadline by a margin against clock skew and slow requests.
BLOCK_TTL_MARGIN = 60
# Failed logins one IP may make for any emails before it waits too; a
# shared office or mobile carrier IP mistypes, an attack runs thousands.
IP_FREE_FAILURES = 50


def client_ip(request) -> str:
    """Return the caller's address, trusting LOGIN_TRUSTED_PROXY_COUNT hops."""
    if request is None:
        return ""
    proxies = settings.LOGIN_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        # Each trusted proxy appends the address it saw; anything to the
        # left of those is whatever the client claimed.
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def _keys(ip: str, email: str) -> dict[str, str]:
    pair = _digest(ip, email.strip().lower())
    address = _digest(ip)
    return {
        "pair_failures": f"login:failures:pair:{pair}",
        "pair_blocked": f"login:blocked:pair:{pair}",
        "ip_failures": f"login:failures:ip:{address}",
        "ip_blocked": f"login:blocked:ip:{address}",
    }


def delay_seconds(failures: int) -> int:
    """Return the wait after this many failures in a row beyond the free ones."""
    if failures <= 0:
        return 0
    return min(MIN_DELAY_SECONDS * 2 ** min(failures - 1, 32), MAX_DELAY_SECONDS)


def _increment(key: str) -> int:
    cache.add(key, 0, timeout=COUNTER_TTL_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=COUNTER_TTL_SECONDS)
        count = 1
    cache.touch(key, COUNTER_TTL_SECONDS)
    return count


class LoginAttemptDelayed(ValidationError):
    """A password check refused because the wait after failures still runs.

    A ValidationError without a field, so a Django form shows it as the
    form's error and a mutation as Saleor's error; doors that name a field
    re-raise it with one (login_delayed_error).
    """

    def __init__(self, seconds: int):
        super().__init__(
            f"Please wait {seconds} second{'s' if seconds != 1 else ''} and try "
            "again. After several wrong passwords in a row we pause sign-in "
            "briefly to keep your account safe.",
            code=AccountErrorCode.LOGIN_ATTEMPT_DELAYED.value,
        )
        self.seconds = seconds


def login_delayed_error(error: LoginAttemptDelayed, *, field: str) -> ValidationError:
    """Return Saleor's LOGIN_ATTEMPT_DELAYED error on the field."""
    return account_error(
        field,
        error.message,
        AccountErrorCode.LOGIN_ATTEMPT_DELAYED,
        seconds=error.seconds,
    )


def login_attempt_check(*, ip: str, email: str) -> None:
    """Refuse an attempt made before the wait after the last failure ends."""
    keys = _keys(ip, email)
    blocked = cache.get_many([keys["pair_blocked"], keys["ip_blocked"]])
    until = max(blocked.values(), default=0)
    remaining = math.ceil(until - time.time())
    if remaining > 0:
        raise LoginAttemptDelayed(remaining)


def login_failure_record(*, ip: str, email: str) -> None:
    """Count a failed attempt and set the wait before the next one."""
    keys = _keys(ip, email)
    now = time.time()
    pair_delay = delay_seconds(_increment(keys["pair_failures"]) - PAIR_FREE_FAILURES)
    if pair_delay:
        cache.set(
            keys["pair_blocked"],
            now + pair_delay,
            timeout=pair_delay + BLOCK_TTL_MARGIN,
        )
    ip_delay = delay_seconds(_increment(keys["ip_failures"]) - IP_FREE_FAILURES)
    if ip_delay:
        cache.set(
            keys["ip_blocked"], now + ip_delay, timeout=ip_delay + BLOCK_TTL_MARGIN
        )


def login_success_record(*, ip: str, email: str) -> None:
    """Forget the pair's failures once the right password is given."""
    keys = _keys(ip, email)
    cache.delete_many([keys["pair_failures"], keys["pair_blocked"]])
