"""Answers to introspection queries, kept per process.

GraphiQL, code generators and client libraries ask for the whole schema,
often each time they start: about a megabyte of JSON that takes a worker
over 100 ms to build. The schema is fixed for the life of the process, so
the answer to a query asking only ``__schema``, ``__type`` and
``__typename`` depends on nothing but its text, operation and variables;
it is kept, and a repeat is one dictionary lookup. A new text (one space
added) is built again, held to the cost limit like any other query.
"""

import json
import threading
from collections import OrderedDict

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationType,
    get_operation_ast,
)

from .documents import CACHED_QUERY_MAX_CHARS, parsed_document

INTROSPECTION_ROOT_FIELDS = frozenset({"__schema", "__type", "__typename"})
# A few texts (GraphiQL's, a client's, a code generator's) are asked over
# and over; a full answer is about 1 MB, so at most this many are kept and
# none larger than the bound.
CACHED_ANSWERS = 8
CACHED_ANSWER_MAX_BYTES = 4_000_000

_answers: OrderedDict[str, str] = OrderedDict()
_lock = threading.Lock()


def is_introspection_query(query, operation_name) -> bool:
    """Say whether the operation asks nothing but the schema itself."""
    # GraphiQL's query is 2 kB; a longer text is not parsed twice to tell.
    if not isinstance(query, str) or len(query) > CACHED_QUERY_MAX_CHARS:
        return False
    try:
        document = parsed_document(query)
    except GraphQLError:
        return False
    operation = get_operation_ast(document, operation_name)
    if operation is None or operation.operation != OperationType.QUERY:
        return False
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    pending, seen = [operation.selection_set], set()
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                if selection.name.value not in INTROSPECTION_ROOT_FIELDS:
                    return False
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name not in fragments:
                    return False
                if name not in seen:
                    seen.add(name)
                    pending.append(fragments[name].selection_set)
    return True


def introspection_key(query: str, operation_name, variables, *, pretty: bool) -> str:
    return json.dumps(
        [query, operation_name, variables or {}, pretty], sort_keys=True, default=str
    )


def introspection_answer(key: str) -> str | None:
    """Return the kept answer (JSON text) for this key, if any."""
    with _lock:
        body = _answers.get(key)
        if body is not None:
            _answers.move_to_end(key)
        return body


def keep_introspection_answer(key: str, body: str) -> None:
    if len(body) > CACHED_ANSWER_MAX_BYTES:
        return
    with _lock:
        _answers[key] = body
        _answers.move_to_end(key)
        while len(_answers) > CACHED_ANSWERS:
            _answers.popitem(last=False)


def clear_introspection_answers() -> None:
    with _lock:
        _answers.clear()
