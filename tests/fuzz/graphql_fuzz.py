"""Schemathesis in GraphQL mode against /graphql/, in-process.

Every query and mutation of the printed schema is generated from its
arguments and selections (hypothesis-graphql) and sent through Django's test
client; a server error is a 5xx status, a body that is not JSON or a GraphQL
error the view marked InternalServerError (an exception nobody meant).
"""

import functools
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import schemathesis
from django.conf import settings
from django.db import transaction
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

SCHEMA_PATH = settings.BASE_DIR / "backend" / "graphql" / "schema.graphql"
# Two examples per operation and caller in make test (as the Makefile says):
# every operation is still sent by every caller, at a third less time than
# three; make fuzz raises it (FUZZ_EXAMPLES, 100 by default there).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2"))

_decimals = st.decimals(
    min_value=Decimal("-1000000"),
    max_value=Decimal("1000000"),
    allow_nan=False,
    allow_infinity=False,
    places=3,
)
_json_objects = st.dictionaries(
    st.text(max_size=8), st.one_of(st.text(max_size=8), st.integers()), max_size=3
)
SCALARS = {
    "PositiveDecimal": _decimals.map(lambda value: nodes.Float(float(value))),
    "Decimal": _decimals.map(lambda value: nodes.Float(float(value))),
    "WeightScalar": st.floats(-1e6, 1e6, allow_nan=False).map(nodes.Float),
    "PositiveInt": st.integers(-5, 10**6).map(nodes.Int),
    "Metadata": _json_objects.map(lambda value: nodes.String(json.dumps(value))),
    "JSONString": _json_objects.map(lambda value: nodes.String(json.dumps(value))),
    "JSON": _json_objects.map(lambda value: nodes.String(json.dumps(value))),
    "GenericScalar": st.one_of(
        st.text(max_size=12).map(nodes.String), st.integers().map(nodes.Int)
    ),
    # Files arrive as multipart parts; in a JSON body they are null.
    "Upload": st.just(nodes.Null),
}


def register_scalars() -> None:
    for name, strategy in SCALARS.items():
        schemathesis.graphql.scalar(name, strategy)


@dataclass(frozen=True)
class Case:
    operation: str
    query: str


@dataclass
class ServerError:
    operation: str
    query: str
    status: int
    body: str

    def __str__(self) -> str:
        return f"{self.operation} -> {self.status}\n{self.query}\n{self.body[:500]}"


@functools.cache
def operations():
    """Return every query and mutation of the printed schema."""
    register_scalars()
    schema = schemathesis.graphql.from_path(SCHEMA_PATH)
    return [result.ok() for result in schema.get_all_operations()]


def server_error(response) -> str | None:
    """Return why a response is a server error, or None."""
    if response.status_code >= 500:
        return "status"
    try:
        body = json.loads(response.content)
    except ValueError:
        return "not JSON"
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("exception", {}).get("code")
        if code == "InternalServerError":
            return "unhandled exception"
    return None


def _generator(*, operation, examples: int, generated: list):
    """Return a Hypothesis test that records the cases of one operation."""

    @hypothesis_settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    @given(case=operation.as_strategy())
    def record(case):
        generated.append(Case(operation=operation.label, query=case.body))

    return record


def ids_strategy(ids: list[str]):
    """Return IDs of the store's own objects mostly, and now and then junk."""
    known = st.sampled_from(ids) if ids else st.nothing()
    return st.one_of(known, known, known, st.text(max_size=12)).map(nodes.String)


@functools.cache
def cases(ids: tuple[str, ...], examples: int) -> tuple[Case, ...]:
    """Return the generated cases of every operation, drawn once per store.

    Drawing costs more than sending. Derandomized and never shrunk, the
    draws depend on nothing a response says: every caller of a store gets
    these same cases, as each used to draw for itself.
    """
    # Strategies read the registered scalars when they are built, below.
    schemathesis.graphql.scalar("ID", ids_strategy(list(ids)))
    generated: list[Case] = []
    for operation in operations():
        _generator(operation=operation, examples=examples, generated=generated)()
    return tuple(generated)


def send(client, *, case: Case, headers: dict) -> ServerError | None:
    """Send one case; return the server error it met, or None."""
    # Each request runs in a savepoint rolled back after it, so a failed
    # statement cannot poison the next request.
    savepoint = transaction.savepoint()
    try:
        response = client.post(
            "/graphql/",
            data=json.dumps({"query": case.query}),
            content_type="application/json",
            **headers,
        )
    finally:
        transaction.savepoint_rollback(savepoint)
    if not server_error(response):
        return None
    return ServerError(
        operation=case.operation,
        query=case.query,
        status=response.status_code,
        body=response.content.decode(errors="replace"),
    )


def fuzz(
    client, *, headers: dict, ids: Sequence[str] = (), examples: int = EXAMPLES
) -> list[ServerError]:
    """Send generated requests for every operation; return the server errors.

    ``ids`` are global IDs of objects in the database, so generated calls
    reach the resolvers' real work instead of stopping at "not found".
    """
    # A crash is a finding to report with the others, not a test error.
    client.raise_request_exception = False
    found = (
        send(client, case=case, headers=headers) for case in cases(tuple(ids), examples)
    )
    return [error for error in found if error is not None]
