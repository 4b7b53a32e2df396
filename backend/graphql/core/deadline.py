"""A bound on the time one GraphQL query runs.

The size, depth and cost limits bound what a query may ask before it runs;
this bounds what it takes. A query that has spent ``GRAPHQL_QUERY_CPU_
LIMIT_MS`` of its thread's CPU time executing, or one whose SQL statement
PostgreSQL cancelled (``DATABASE_STATEMENT_TIMEOUT_MS``), is abandoned whole
and answered with one error, code ``QueryTimeout``, instead of its data.

CPU time, not the wall clock: a query is not stopped because other
processes share the machine, and time waiting on SQL is the statement
timeout's. Reading the thread's CPU clock takes a system call (about 1.5
µs), so it is read once every ``CHECK_EVERY`` objects the answer holds
(graphql-core's ``execute_fields``). Mutations are not cut short: stopping
one after its write committed would report a failure for a change that
happened; their cost and the statement timeout bound them.
"""

import time
from contextlib import ExitStack, contextmanager

from django.conf import settings
from django.db import OperationalError, connections
from graphql import GraphQLError

# PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout.
QUERY_CANCELED = "57014"


class ExecutionTimedOut(BaseException):
    """Abandon the whole execution.

    Not an Exception, so graphql-core does not take it for one field's
    error and carry on with the next field and the next object.
    """


# An object's fields take a few microseconds at least: a check every this
# many objects costs nothing to speak of and is late by a millisecond or so.
CHECK_EVERY = 50


class Deadline:
    """The thread CPU time one query may run until, checked now and then."""

    __slots__ = ("ends_at", "countdown")

    def __init__(self, limit_ms: int):
        self.ends_at = time.thread_time() + limit_ms / 1000 if limit_ms else None
        self.countdown = CHECK_EVERY

    def check(self) -> None:
        """Raise ExecutionTimedOut once the CPU time has run out."""
        self.countdown -= 1
        if self.countdown > 0 or self.ends_at is None:
            return
        self.countdown = CHECK_EVERY
        if time.thread_time() > self.ends_at:
            raise ExecutionTimedOut


def query_deadline() -> Deadline:
    """Return the deadline of a query starting now."""
    return Deadline(settings.GRAPHQL_QUERY_CPU_LIMIT_MS)


def _abandon_on_statement_timeout(execute, sql, params, many, context):
    try:
        return execute(sql, params, many, context)
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) == QUERY_CANCELED:
            raise ExecutionTimedOut from error
        raise


@contextmanager
def statement_timeouts_abandon_execution():
    """Turn a cancelled SQL statement into ExecutionTimedOut while inside."""
    with ExitStack() as stack:
        for connection in connections.all():
            stack.enter_context(
                connection.execute_wrapper(_abandon_on_statement_timeout)
            )
        yield


def timeout_error() -> GraphQLError:
    return GraphQLError(
        "The query took too long and was stopped. Ask for fewer objects: "
        "a smaller page, fewer nested lists.",
        extensions={"exception": {"code": "QueryTimeout"}},
    )
