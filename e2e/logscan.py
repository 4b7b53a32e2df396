"""GraphQL errors in the servers' logs: any one fails the run."""

import re
from collections import Counter
from pathlib import Path

# gunicorn's access log: a /graphql/ request answered 4xx or 5xx.
ACCESS_ERROR = re.compile(r'"POST /graphql/[^"]*" (4\d\d|5\d\d) ')
# Lumbar logs an unhandled resolver error with its traceback, and (at INFO)
# every error it answers, even behind a 200 the storefront swallows.
LUMBAR_ERROR = re.compile(
    r"Unhandled error in GraphQL|Traceback \(most recent|GraphQL error \w+ at "
)
# The storefront's server logs what the API answered: "[GraphQL] <op>: HTTP
# 400", Saleor-style error JSON, graphql-js validation messages, or its own
# "... error:" lines around a failed query or mutation.
NEXT_ERROR = re.compile(
    r"\[GraphQL\]|GraphQL ?Error|graphQLErrors|HTTP [45]\d\d|\"errors\":\s*\[\{|"
    r"Cannot query field|Unknown argument|Unknown type|Variable \"\$|"
    r"Expected (type|value)|Failed to connect to Saleor API|Max retries exceeded|"
    r"Payment initialization error|Failed to create checkout",
)
# Refusals Saleor's own server answers the same way, which the storefront
# asks for and ignores. Each is printed as expected, not counted.
EXPECTED = {
    # Checkout.user "Requires one of the following permissions: MANAGE_USERS,
    # HANDLE_PAYMENTS, OWNER" (Saleor's schema): the storefront's server reads
    # a signed-in buyer's checkout without the buyer's token, gets user: null
    # and goes on. Handing the buyer's User to whoever holds the checkout id
    # would be a leak, not a fix.
    re.compile(
        r"GraphQL error PermissionDenied at \['checkout', 'user'\]: "
    ): "Saleor refuses Checkout.user without the owner's token too",
    # The dashboard's product "doctor" (ChannelDiagnostics,
    # ProductDoctor/hooks/useProductAvailabilityDiagnostics.ts) reads
    # shippingZones, which MANAGE_SHIPPING guards, and shows a permission
    # state to a merchandiser; the drive excuses it only for that operation
    # and that user (dashboard_journeys.EXPECTED_IN_TRAFFIC).
    re.compile(
        r"GraphQL error PermissionDenied at \['shippingZones'\]: .*MANAGE_SHIPPING"
    ): "the product doctor reads shippingZones (MANAGE_SHIPPING) and shows "
    "a permission state to a merchandiser",
}
# Other server errors (React/Next) are printed, not counted.
NEXT_OTHER = re.compile(r"⨯|Unhandled Rejection|\bError:")


def server_logs(logs: Path, name: str) -> list[Path]:
    """Return a server's log and its restarts' (gunicorn.log, gunicorn-stripe.log)."""
    paths = [logs / f"{name}.log", *sorted(logs.glob(f"{name}-*.log"))]
    return [path for path in paths if path.exists()]


# The refusals the dashboard's drive asked for on purpose (a merchandiser's
# order mutation, say), or a known failing step's errors, one "<code> at
# <path>" line each: each line excuses exactly one logged error of that code
# and path, no more; an "HTTP <status>" line one access-log line.
REFUSALS = "expected-refusals.txt"


def asked_refusals(logs: Path) -> Counter:
    path = logs / REFUSALS
    if not path.exists():
        return Counter()
    return Counter(
        line.strip() for line in path.read_text().splitlines() if line.strip()
    )


def _asked(line: str, asked: Counter) -> str | None:
    """The asked-for refusal a log line is, using it up; None if none is."""
    for refusal, left in asked.items():
        if left and f"GraphQL error {refusal}: " in line:
            asked[refusal] -= 1
            return refusal
    return None


def graphql_errors(logs: Path, *, limit: int = 40) -> list[str]:
    """Return one line per GraphQL error found in gunicorn's, celery's, next's logs."""
    found = []
    asked = asked_refusals(logs)
    for name, pattern in (
        ("gunicorn", ACCESS_ERROR),
        ("gunicorn", LUMBAR_ERROR),
        ("celery", LUMBAR_ERROR),
        ("next", NEXT_ERROR),
    ):
        for path in server_logs(logs, name):
            text = path.read_text(errors="replace")
            for number, line in enumerate(text.splitlines(), 1):
                match = pattern.search(line)
                if not match or expected_reason(line):
                    continue
                if pattern is ACCESS_ERROR and asked[f"HTTP {match.group(1)}"] > 0:
                    asked[f"HTTP {match.group(1)}"] -= 1
                    continue
                if (
                    name == "gunicorn"
                    and pattern is LUMBAR_ERROR
                    and _asked(line, asked)
                ):
                    continue
                found.append(f"{path.name}:{number}: {line.strip()[:400]}")
    if len(found) > limit:
        found = found[:limit] + [f"... and {len(found) - limit} more"]
    return found


def expected_reason(line: str) -> str | None:
    """Return why a logged error is expected, or None if it fails the run."""
    for pattern, reason in EXPECTED.items():
        if pattern.search(line):
            return reason
    return None


def expected_errors(logs: Path) -> list[str]:
    """Return the expected refusals found, counted per reason, for the record."""
    counts: dict[str, int] = {}
    asked = asked_refusals(logs)
    for path in server_logs(logs, "gunicorn"):
        for line in path.read_text(errors="replace").splitlines():
            reason = expected_reason(line)
            refusal = (
                None if reason or not LUMBAR_ERROR.search(line) else _asked(line, asked)
            )
            if refusal:
                reason = f"asked for by the dashboard drive: {refusal}"
            if reason:
                counts[reason] = counts.get(reason, 0) + 1
    return [f"{reason} ({count}x)" for reason, count in counts.items()]


def other_errors(logs: Path, *, limit: int = 20) -> list[str]:
    """Return the storefront server's non-GraphQL error lines, for the record."""
    path = logs / "next.log"
    if not path.exists():
        return []
    lines = path.read_text(errors="replace").splitlines()
    first_seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if NEXT_OTHER.search(line) and not NEXT_ERROR.search(line):
            text = line.strip()[:300]
            first_seen.setdefault(text, number)
            counts[text] = counts.get(text, 0) + 1
    return [
        f"next.log:{first_seen[text]} ({counts[text]}x): {text}"
        for text in list(first_seen)[:limit]
    ]
