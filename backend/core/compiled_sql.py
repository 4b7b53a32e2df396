"""Run a query whose SQL Django compiles once per process.

Building and compiling a queryset of nested EXISTS (published, in stock,
tagged) costs Django several milliseconds of CPU, more than the database
spends answering it. When the query's shape depends only on a few hashable
inputs and on the current moment, it is compiled once with a stand-in
moment, and each run puts the real one in its place.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.db.models import Model, QuerySet

# The moment the SQL is compiled with; no query means it, so each run
# replaces exactly the parameters that stood for "now".
COMPILE_NOW = datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=UTC)
# A second moment it is compiled with once, to prove that the parameters
# standing for "now" are the only ones that move with the time.
_CHECK_NOW = datetime(1902, 3, 4, 5, 6, 7, 890123, tzinfo=UTC)
# Distinct shapes kept (a rule block's filters, a channel); past it the
# store starts again, so a flood of odd inputs cannot grow the process.
COMPILED_MAX = 512


@dataclass(frozen=True)
class _Compiled:
    # None for a query Django knows returns nothing (``pk__in=[]``).
    sql: str | None
    params: tuple
    # Column position -> the converters Django applies to it (JSON, dates).
    converters: tuple


_compiled: dict[tuple, _Compiled] = {}


def compiled_rows(
    *,
    model: type[Model],
    key: tuple,
    build: Callable[[datetime], QuerySet],
    now: datetime | None = None,
) -> list[tuple]:
    """Return the rows of ``build(now)`` as tuples, compiling once per ``key``.

    ``build`` must give the same SQL for the same key, reading the time
    only from its argument; its side effects run on the first call only.
    Values come converted as a values_list() would give them. The rows are
    read where the routers send reads of ``model`` (the replica on pages
    that allow it).
    """
    using = router.db_for_read(model)
    compiled = _compiled.get((using, key))
    if compiled is None:
        compiled = _compile(build(COMPILE_NOW), using=using)
        _check_time_is_argument(compiled, _compile(build(_CHECK_NOW), using=using))
        if len(_compiled) >= COMPILED_MAX:
            _compiled.clear()
        _compiled[(using, key)] = compiled
    if compiled.sql is None:
        return []
    params = compiled.params
    if now is not None:
        params = tuple(now if param == COMPILE_NOW else param for param in params)
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        rows = cursor.fetchall()
    if not compiled.converters:
        return rows
    converted = []
    for row in rows:
        values = list(row)
        for position, (converters, expression) in compiled.converters:
            value = values[position]
            for converter in converters:
                value = converter(value, expression, connection)
            values[position] = value
        converted.append(tuple(values))
    return converted


def _compile(queryset: QuerySet, *, using: str) -> _Compiled:
    compiler = queryset.query.get_compiler(using)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return _Compiled(sql=None, params=(), converters=())
    columns = [column for column, _, _ in compiler.select[: compiler.col_count]]
    return _Compiled(
        sql=sql,
        params=tuple(params),
        converters=tuple(compiler.get_converters(columns).items()),
    )


def _check_time_is_argument(compiled: _Compiled, again: _Compiled) -> None:
    """Refuse a query whose SQL or parameters move with the time otherwise.

    A moment derived from ``now`` (``now - timedelta(...)``) or read from
    the clock would be compiled in and never move again; the same query
    built at another moment must differ only where the moment itself is.
    """
    moved = [
        (first, second)
        for first, second in zip(compiled.params, again.params, strict=False)
        if first != second and (first, second) != (COMPILE_NOW, _CHECK_NOW)
    ]
    if compiled.sql != again.sql or len(compiled.params) != len(again.params) or moved:
        raise ValueError(
            "compiled_rows: the query depends on the time other than through "
            "its build argument; it cannot be compiled once"
        )
