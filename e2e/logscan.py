"""GraphQL errors in the servers' logs: any one fails the run."""

import re
from pathlib import Path

# gunicorn's access log: a /graphql/ request answered 4xx or 5xx.
ACCESS_ERROR = re.compile(r'"POST /graphql/[^"]*" (4\d\d|5\d\d) ')
# Lumbar logs an unhandled resolver error with its traceback.
LUMBAR_ERROR = re.compile(r"Unhandled error in GraphQL|Traceback \(most recent")
# The storefront's server logs the errors it gets from the API.
NEXT_ERROR = re.compile(
    r"GraphQL|HTTP [45]\d\d|Cannot query field|Unknown argument|"
    r"Variable \"\$|Expected type|Unhandled Rejection|\bError:",
)


def graphql_errors(logs: Path, *, limit: int = 40) -> list[str]:
    """Return one line per GraphQL error found in gunicorn's, celery's, next's log."""
    found = []
    for name, pattern in (("gunicorn", ACCESS_ERROR), ("gunicorn", LUMBAR_ERROR),
                          ("celery", LUMBAR_ERROR), ("next", NEXT_ERROR)):
        path = logs / f"{name}.log"
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{name}.log:{number}: {line.strip()[:400]}")
    if len(found) > limit:
        found = found[:limit] + [f"... and {len(found) - limit} more"]
    return found
