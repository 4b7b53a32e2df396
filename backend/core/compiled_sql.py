"""Run a query whose SQL Django compiles once per process.

Building and compiling a queryset of nested EXISTS (published, in stock,
tagged) costs Django several milliseconds of CPU, more than the database
spends answering it. When the query's shape depends only on a few hashable
inputs and on the current moment, it is compiled once with a stand-in
moment, and each run puts the real one in its place.
"""

from collections.abc import Callable
from datetime import UTC, datetime

from django.db import connections
from django.db.models import QuerySet

# The moment the SQL is compiled with; no query means it, so each run
# replaces exactly the parameters that stood for "now".
COMPILE_NOW = datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=UTC)
# Distinct shapes kept (a rule block's filters, a channel); past it the
# store starts again, so a flood of odd inputs cannot grow the process.
COMPILED_MAX = 512

_compiled: dict[tuple, tuple[str, tuple]] = {}


def compiled_rows(
    *,
    key: tuple,
    build: Callable[[datetime], QuerySet],
    now: datetime,
    using: str = "default",
) -> list[tuple]:
    """Return the rows of ``build(now)``, compiling its SQL once per ``key``.

    ``build`` must give the same SQL for the same key, reading the time
    only from its argument; its side effects run on the first call only.
    """
    entry = _compiled.get((using, key))
    if entry is None:
        sql, params = build(COMPILE_NOW).query.get_compiler(using).as_sql()
        if len(_compiled) >= COMPILED_MAX:
            _compiled.clear()
        entry = _compiled[(using, key)] = (sql, tuple(params))
    sql, params = entry
    with connections[using].cursor() as cursor:
        cursor.execute(
            sql, [now if param == COMPILE_NOW else param for param in params]
        )
        return cursor.fetchall()
