"""Limits on what one request to /graphql/ may ask, checked before execution.

A request breaching a limit gets a GraphQL error (HTTP 400, no ``data``) and
no resolver runs. The limits, their settings and their errors:

- size: the query text may hold at most ``GRAPHQL_MAX_QUERY_BYTES`` bytes
  (``QueryTooLarge``); checked before parsing, so a huge text costs nothing.
- cost: at most ``GRAPHQL_QUERY_MAX_COMPLEXITY`` (Saleor's setting, 50000),
  ``QueryCostError``, Saleor's message "The query exceeds the maximum cost of
  N. Actual cost is M" and its ``cost`` extension.
- depth: fields nested at most ``GRAPHQL_MAX_QUERY_DEPTH`` deep
  (``QueryDepthError``); GraphiQL's own introspection query is 13 deep.
- aliases: at most ``GRAPHQL_ALIAS_COUNT_LIMIT`` in the document, and
  mutations: at most ``GRAPHQL_MUTATION_COUNT_LIMIT`` top-level mutation
  fields over all its operations; Saleor's settings and messages, and its
  ``GraphQLError`` code.

The cost model (``core.query_cost``) counts the objects an answer may hold:
a page counts its ``first``/``last``, a list returned whole a realistic
length (introspection lists as long as the schema makes them), and nested
lists multiply. graphene's ``depth_limit_validator`` is not used: it raises
on a spread of an unknown fragment and recurses forever on a fragment
cycle, which would turn a crafted query into a 500.
"""

from dataclasses import dataclass

from django.conf import settings
from graphql import GraphQLError, ValidationRule, specified_rules
from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)

from .query_cost import DocumentCost


@dataclass(frozen=True)
class QueryLimits:
    max_cost: int
    max_depth: int
    max_aliases: int
    max_mutations: int
    max_bytes: int
    page_size: int

    @classmethod
    def from_settings(cls) -> "QueryLimits":
        return cls(
            max_cost=settings.GRAPHQL_QUERY_MAX_COMPLEXITY,
            max_depth=settings.GRAPHQL_MAX_QUERY_DEPTH,
            max_aliases=settings.GRAPHQL_ALIAS_COUNT_LIMIT,
            max_mutations=settings.GRAPHQL_MUTATION_COUNT_LIMIT,
            max_bytes=settings.GRAPHQL_MAX_QUERY_BYTES,
            page_size=settings.GRAPHQL_MAX_PAGE_SIZE,
        )


def limit_error(message: str, code: str, **extensions) -> GraphQLError:
    return GraphQLError(message, extensions={"exception": {"code": code}, **extensions})


def query_size_error(query, limits: QueryLimits) -> GraphQLError | None:
    """Return the error for a query text over the size limit, if it is."""
    if not isinstance(query, str):
        return None
    size = len(query.encode("utf-8", errors="replace"))
    if size <= limits.max_bytes:
        return None
    return limit_error(
        f"The query exceeds the maximum size of {limits.max_bytes} bytes. "
        f"Actual size is {size} bytes",
        "QueryTooLarge",
    )


def query_limits_rule(variables, limits: QueryLimits) -> type[ValidationRule]:
    """Return the validation rule enforcing the limits with these variables."""
    variables = variables if isinstance(variables, dict) else {}

    class QueryLimitsRule(ValidationRule):
        def enter_document(self, document: DocumentNode, *_args):
            fragments = {
                definition.name.value: definition
                for definition in document.definitions
                if isinstance(definition, FragmentDefinitionNode)
            }
            analysis = DocumentCost(
                self.context.schema, fragments, variables, limits.page_size
            )
            cost = depth = aliases = mutations = 0
            for definition in document.definitions:
                if not isinstance(definition, OperationDefinitionNode):
                    continue
                measure = analysis.operation(definition)
                cost += measure.cost
                depth = max(depth, measure.depth)
                if definition.operation == OperationType.MUTATION:
                    mutations += count_root_fields(definition.selection_set, fragments)
            aliases = count_aliases(document)
            self.report(cost, depth, aliases, mutations)

        def report(self, cost: int, depth: int, aliases: int, mutations: int):
            if cost > limits.max_cost:
                self.report_error(
                    limit_error(
                        f"The query exceeds the maximum cost of {limits.max_cost}. "
                        f"Actual cost is {cost}",
                        "QueryCostError",
                        cost={
                            "requestedQueryCost": cost,
                            "maximumAvailable": limits.max_cost,
                        },
                    )
                )
            if depth > limits.max_depth:
                self.report_error(
                    limit_error(
                        f"The query exceeds the maximum depth of {limits.max_depth}. "
                        f"Actual depth is {depth}",
                        "QueryDepthError",
                    )
                )
            if aliases > limits.max_aliases:
                self.report_error(
                    limit_error(
                        f"Number of aliases exceed the limit of {limits.max_aliases}",
                        "GraphQLError",
                    )
                )
            if mutations > limits.max_mutations:
                self.report_error(
                    limit_error(
                        "Number of mutations exceed the limit of "
                        f"{limits.max_mutations}",
                        "GraphQLError",
                    )
                )

    return QueryLimitsRule


def count_aliases(document: DocumentNode) -> int:
    """Return how many aliased fields the document's text holds."""
    count = 0
    pending = [
        definition.selection_set
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode | FragmentDefinitionNode)
    ]
    while pending:
        selection_set = pending.pop()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode) and selection.alias is not None:
                count += 1
            if getattr(selection, "selection_set", None) is not None:
                pending.append(selection.selection_set)
    return count


def count_root_fields(selection_set: SelectionSetNode, fragments: dict) -> int:
    """Return how many top-level fields an operation asks, through fragments."""
    count = 0
    pending, seen = [selection_set], set()
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                count += selection.name.value != "__typename"
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in seen:
                    seen.add(name)
                    pending.append(fragments[name].selection_set)
    return count


def request_validation_rules(variables) -> tuple[type[ValidationRule], ...]:
    """Return graphql-core's rules plus the limits, for one request."""
    limits = QueryLimits.from_settings()
    return (*specified_rules, query_limits_rule(variables, limits))
