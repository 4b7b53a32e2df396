"""Run a query whose SQL Django compiles once per process.

Building and compiling a queryset of nested EXISTS (published, in stock,
tagged) costs Django several milliseconds of CPU, more than the database
spends answering it. When the query's shape depends only on a few hashable
inputs and on the current moment, it is compiled once with a stand-in
moment, and each run puts the real one in its place. Inputs that vary
from run to run (a page's product ids) are arguments: the SQL is compiled
with a stand-in for each, and each run puts the real values in its place.
"""

import dataclasses
import functools
import re
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.db.backends.postgresql.base import (
    CursorDebugWrapper,
    ServerBindingCursor,
)
from django.db.models import BigIntegerField, F, Lookup, Model, QuerySet, Value
from django.db.models.query import ModelIterable
from django.db.transaction import TransactionManagementError

# The moment the SQL is compiled with; no query means it, so each run
# replaces exactly the parameters that stood for "now".
COMPILE_NOW = datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=UTC)
# A second moment it is compiled with once, to prove that the parameters
# standing for "now" are the only ones that move with the time.
_CHECK_NOW = datetime(1902, 3, 4, 5, 6, 7, 890123, tzinfo=UTC)
# Distinct shapes kept (a rule block's filters, a channel); past it the
# store starts again, so a flood of odd inputs cannot grow the process.
COMPILED_MAX = 512
# Ids no row has: an id list argument is compiled as a one-element array
# of one of these, found again among the parameters by its value.
_STAND_IN_ID = -7_340_000_000_000_000
# A token no row has (version 4 bits set, then a marker): a UUID argument is
# compiled as one of these, found again among the parameters by its value.
_STAND_IN_UUID = 0x7340_0000_0000_4000_8000_7340_0000_0000


class AnyOf(Lookup):
    """``lhs = ANY(array)``: one parameter for a list of any length."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


def id_in(field: str, ids) -> AnyOf:
    """Filter ``field`` on a list of ids as one array parameter.

    Where ``field__in`` writes one parameter per id (a new SQL for every
    length), this keeps the SQL of a compiled query the same for any list.
    """
    return AnyOf(F(field), Value(list(ids), output_field=ArrayField(BigIntegerField())))


@dataclass(frozen=True)
class _Layout:
    """Where one model's columns sit in a row, and the relations read with it."""

    model: type[Model]
    attnames: tuple[str, ...]
    positions: tuple[int, ...]
    # Where among them the primary key is: None there is a missing relation.
    pk_index: int
    # (forward relation on this model, its own layout), as select_related.
    relations: tuple = ()

    def instance(self, values, using: str):
        """Return the model built from a row's values, None for a missing one."""
        own = [values[position] for position in self.positions]
        if own[self.pk_index] is None:
            return None
        obj = self.model.from_db(using, self.attnames, own)
        for field, layout in self.relations:
            field.set_cached_value(obj, layout.instance(values, using))
        return obj


@dataclass(frozen=True)
class _Compiled:
    # None for a query Django knows returns nothing (``pk__in=[]``).
    sql: str | None
    params: tuple
    # Column position -> the converters Django applies to it (JSON, dates).
    converters: tuple
    # (parameter position, argument index) of each argument's stand-in.
    arguments: tuple = ()
    # Positions of the text parameters holding a word argument's stand-in.
    word_params: tuple = ()
    # (parameter position, argument index) of each UUID argument's stand-in.
    uuid_params: tuple = ()
    # How a model query's rows make instances; None for values().
    layout: _Layout | None = None
    # SELECT ... FOR UPDATE: only to be run inside a transaction.
    locks: bool = False


_compiled: dict[tuple, _Compiled] = {}


def compiled_rows(
    *,
    model: type[Model],
    key: tuple,
    build: Callable[..., QuerySet],
    now: datetime | None = None,
    id_lists: tuple[list[int], ...] = (),
    words: tuple[str, ...] = (),
    uuids: tuple[uuid.UUID, ...] = (),
) -> list[tuple]:
    """Return the rows of ``build(now, *id_lists, *words, *uuids)`` as
    tuples, compiling once per ``key``.

    ``build`` must give the same SQL for the same key, reading the time
    only from its first argument and each id list only through ``id_in``;
    a word (letters and digits, a search term) may only be written into
    text parameters (a tsquery, a LIKE pattern such as a country code in a
    list of countries), where each run puts the real word in its
    stand-in's place; a UUID (a checkout's token) only as a parameter
    compared with it. Its side effects run on the first call only. Values
    come converted as a values_list() would give them. The rows are read
    where the routers send reads of ``model`` (the replica on pages that
    allow it).
    """
    _, rows, _ = _run(
        model=model,
        key=key,
        build=build,
        now=now,
        id_lists=id_lists,
        words=words,
        uuids=uuids,
    )
    return rows


def compiled_objects(
    *,
    model: type[Model],
    key: tuple,
    build: Callable[..., QuerySet],
    now: datetime | None = None,
    id_lists: tuple[list[int], ...] = (),
    words: tuple[str, ...] = (),
    uuids: tuple[uuid.UUID, ...] = (),
) -> list[Model]:
    """Return the instances of a model query ``build`` gives, compiling once
    per ``key``, as ``compiled_rows`` runs its query.

    The relations the query selects (``select_related``, forward ones only)
    come cached on each instance, None where the row has none; the fields
    it defers (``only``) load when read, as the ORM's would. A query that
    locks its rows (``select_for_update``) runs only inside a transaction.
    """
    compiled, rows, using = _run(
        model=model,
        key=key,
        build=build,
        now=now,
        id_lists=id_lists,
        words=words,
        uuids=uuids,
    )
    if compiled.sql is None:
        return []
    if compiled.layout is None:
        raise ValueError("compiled_objects: the query must return model instances")
    return [compiled.layout.instance(values, using) for values in rows]


def _run(*, model, key, build, now, id_lists, words=(), uuids=()):
    if not all(map(_WORD.fullmatch, words)):
        # Put in place of a stand-in unescaped: nothing but a word may be.
        raise ValueError("compiled_rows: a word holds only letters and digits")
    using = router.db_for_read(model)
    compiled = _compiled.get((using, key))
    if compiled is None:
        stand_ins = [[_STAND_IN_ID - index] for index in range(len(id_lists))]
        word_stand_ins = [_word_stand_in(index) for index in range(len(words))]
        uuid_stand_ins = [
            uuid.UUID(int=_STAND_IN_UUID + index) for index in range(len(uuids))
        ]
        arguments = (*stand_ins, *word_stand_ins, *uuid_stand_ins)
        compiled = _compile(build(COMPILE_NOW, *arguments), using=using)
        _check_time_is_argument(
            compiled, _compile(build(_CHECK_NOW, *arguments), using=using)
        )
        compiled = _with_arguments(compiled, stand_ins)
        compiled = _with_words(compiled, word_stand_ins)
        compiled = _with_uuids(compiled, uuid_stand_ins)
        if len(_compiled) >= COMPILED_MAX:
            _compiled.clear()
        _compiled[(using, key)] = compiled
    if compiled.sql is None:
        return compiled, [], using
    connection = connections[using]
    if compiled.locks and connection.get_autocommit():
        # As the ORM refuses it: a lock outside a transaction holds nothing.
        raise TransactionManagementError(
            "select_for_update cannot be used outside of a transaction."
        )
    params = compiled.params
    if now is not None:
        params = tuple(now if param == COMPILE_NOW else param for param in params)
    if compiled.arguments or compiled.word_params or compiled.uuid_params:
        params = list(params)
    for position, index in compiled.arguments:
        params[position] = list(id_lists[index])
    for position in compiled.word_params:
        # One pass: a word that looks like a stand-in stays as it is.
        params[position] = _WORD_STAND_IN.sub(
            lambda match: words[int(match.group(1))], params[position]
        )
    for position, index in compiled.uuid_params:
        params[position] = uuids[index]
    with _preparing_cursor(connection) as cursor:
        cursor.execute(compiled.sql, params)
        rows = cursor.fetchall()
    if not compiled.converters:
        return compiled, rows, using
    converted = []
    for row in rows:
        values = list(row)
        for position, (converters, expression) in compiled.converters:
            value = values[position]
            for converter in converters:
                value = converter(value, expression, connection)
            values[position] = value
        converted.append(tuple(values))
    return compiled, converted, using


class _PreparingCursor(ServerBindingCursor):
    """Bind parameters on the server and run each SQL as a prepared statement."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=True, binary=binary)


def _preparing_cursor(connection):
    """Return a cursor of ``connection`` that runs its SQL prepared.

    A compiled query's SQL is the same at every run, so the connection can
    keep its plan: PostgreSQL plans the first five runs, then keeps a
    generic plan when it costs no more. Planning took longer than running
    most of these queries (a category page's nine: ~15 ms of planning
    against ~5 ms of execution on the grown store). psycopg prepares only
    where asked and only with a prepare_threshold set (settings.py sets
    one no query reaches; Django's own cursors bind on the client and
    never prepare). Wrapped as Django wraps its cursors, so the query is
    logged and counted the same.
    """
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        cursor = _PreparingCursor(connection.connection)
    if connection.queries_logged:
        return _PreparedDebugWrapper(cursor, connection)
    return connection.make_cursor(cursor)


class _PreparedDebugWrapper(CursorDebugWrapper):
    def execute(self, sql, params=None):
        try:
            return super().execute(sql, params)
        finally:
            # psycopg keeps no client-side text of a query bound on the
            # server, so Django logged None: log the SQL with its
            # parameters as Django's own cursors do (tests and the scale
            # bench read it).
            logged = self.db.queries_log[-1] if self.db.queries_log else None
            if logged is not None and logged["sql"] is None:
                logged["sql"] = self.db.ops.compose_sql(sql, params)


@contextmanager
def prepared_statements(*, using: str):
    """Run the block's queries on ``using`` as prepared statements.

    For a query the ORM builds each time in the same shape (a listing's
    page: its SQL differs only in parameters), the connection keeps the
    plan as it does for compiled_rows. Not for a query whose best plan
    depends on a parameter's value (a text search).
    """
    connection = connections[using]
    if "cursor" in vars(connection):  # inside another such block
        yield
        return
    connection.cursor = functools.partial(_preparing_cursor, connection)
    try:
        yield
    finally:
        del connection.cursor


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
        layout=(
            _layout(compiler.klass_info, columns)
            if queryset._iterable_class is ModelIterable
            else None
        ),
        locks=queryset.query.select_for_update,
    )


def _layout(klass_info: dict, columns: list) -> _Layout:
    """Return where each model of a model query sits in its rows."""
    relations = []
    for related in klass_info.get("related_klass_infos", ()):
        if related["reverse"]:
            raise ValueError("compiled_objects: only forward relations are read")
        relations.append((related["field"], _layout(related, columns)))
    positions = tuple(klass_info["select_fields"])
    attnames = tuple(columns[position].target.attname for position in positions)
    return _Layout(
        model=klass_info["model"],
        attnames=attnames,
        positions=positions,
        pk_index=attnames.index(klass_info["model"]._meta.pk.attname),
        relations=tuple(relations),
    )


def _with_arguments(compiled: _Compiled, stand_ins: list[list[int]]) -> _Compiled:
    """Record where each id list's stand-in sits among the parameters.

    A stand-in missing from them was written into the SQL itself, or
    never used: the query could not take other ids, so it is refused.
    """
    if compiled.sql is None:
        return compiled
    arguments = tuple(
        (position, stand_ins.index(param))
        for position, param in enumerate(compiled.params)
        if isinstance(param, list) and param in stand_ins
    )
    if {index for _, index in arguments} != set(range(len(stand_ins))):
        raise ValueError(
            "compiled_rows: an id list is not a parameter of the query; "
            "filter on it with id_in()"
        )
    return dataclasses.replace(compiled, arguments=arguments)


def _word_stand_in(index: int) -> str:
    return f"lumbarwordstandin{index}x"


_WORD_STAND_IN = re.compile(r"lumbarwordstandin(\d+)x")
# Letters and digits of any script, as backend.core.search splits a text.
_WORD = re.compile(r"[^\W_]+")


def _with_words(compiled: _Compiled, stand_ins: list[str]) -> _Compiled:
    """Record which text parameters hold a word argument's stand-in.

    A stand-in written into the SQL itself, or never used, means the query
    could not take other words: it is refused.
    """
    if compiled.sql is None or not stand_ins:
        return compiled
    word_params = tuple(
        position
        for position, param in enumerate(compiled.params)
        if isinstance(param, str) and _WORD_STAND_IN.search(param)
    )
    used = {
        int(index)
        for position in word_params
        for index in _WORD_STAND_IN.findall(compiled.params[position])
    }
    if _WORD_STAND_IN.search(compiled.sql) or used != set(range(len(stand_ins))):
        raise ValueError(
            "compiled_rows: a word is not only in the query's text parameters"
        )
    return dataclasses.replace(compiled, word_params=word_params)


def _with_uuids(compiled: _Compiled, stand_ins: list[uuid.UUID]) -> _Compiled:
    """Record where each UUID argument's stand-in sits among the parameters.

    A stand-in missing from them was written into the SQL itself, or never
    used: the query could not take another UUID, so it is refused.
    """
    if compiled.sql is None or not stand_ins:
        return compiled
    uuid_params = tuple(
        (position, stand_ins.index(param))
        for position, param in enumerate(compiled.params)
        if isinstance(param, uuid.UUID) and param in stand_ins
    )
    if {index for _, index in uuid_params} != set(range(len(stand_ins))):
        raise ValueError(
            "compiled_rows: a UUID is not a parameter of the query; "
            "compare a UUID column with it"
        )
    return dataclasses.replace(compiled, uuid_params=uuid_params)


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
