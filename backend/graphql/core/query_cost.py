"""What a query document costs and how deep it nests, walked once.

The cost counts the objects an answer may hold:

- a leaf field (scalar or enum, or a list of them) costs 0;
- a field with a selection costs its multiplier × (1 + the cost of its
  selection), so nested lists multiply;
- the multiplier of a field taking ``first`` or ``last`` is that number
  (a variable not given counts as the page-size limit); a connection's
  ``edges`` then count 1, the page being counted once;
- a list returned whole (no ``first``/``last``) counts as ``LIST_SIZES``
  names it, or ``DEFAULT_LIST_SIZE`` items: ``product.variants`` is not
  free, and ``variants { product { variants ... } } }`` multiplies;
- introspection lists count as long as the schema makes them: all its
  types, and under them each type's fields, arguments, input fields and
  enum values as many as the schema holds on average (every type is
  listed, so the averages add up to the whole); elsewhere (``__type``, a
  field's type) the longest the schema has. ``ofType`` deeper than the
  schema wraps a type (``[X!]!`` is three deep) is always null and costs 0;
- a fragment costs what its selection costs, wherever it is spread, and
  every branch of a union or interface is counted;
- a selection that ``@skip`` or ``@include`` leaves out for the request's
  variables costs nothing (the dashboard asks for an app's webhooks only
  when its user may read them).

The walk is linear in the size of the document: a fragment is costed once
per scope (a few at most) and a fragment cycle (reported by graphql-core's
own rule) counts 0.
"""

import functools
import math
from dataclasses import dataclass

from graphql import (
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLWrappingType,
    get_named_type,
    get_nullable_type,
    is_abstract_type,
    is_input_object_type,
    is_list_type,
)
from graphql.execution.collect_fields import should_include_node
from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from graphql.type import SchemaMetaFieldDef, TypeMetaFieldDef

PAGE_ARGUMENTS = ("first", "last")
# What a list returned whole counts as when LIST_SIZES does not name it: a
# product's variants or media, an order's lines, a menu's items, an
# answer's errors run to a few, rarely past ten.
DEFAULT_LIST_SIZE = 10
# Lists known to run otherwise ("Type.field"). Countries are every country
# of the world, a country's areas its states or provinces. A variant has an
# attribute or three and one value for each, a product more. Channel
# listings are one per channel, and a store has a handful. A menu item's
# children count 1: in a tree each item is one item's child, so over a walk
# the children lists add up to the menu's items, however deep.
LIST_SIZES = {
    "Shop.countries": 250,
    "Channel.countries": 250,
    "ShippingZone.countries": 250,
    "Shop.languages": 100,
    "AddressValidationData.countryAreaChoices": 100,
    "AddressValidationData.cityChoices": 100,
    "AddressValidationData.cityAreaChoices": 100,
    "ProductVariant.attributes": 3,
    "ProductVariant.assignedAttributes": 3,
    "SelectedAttribute.values": 2,
    "MenuItem.children": 1,
    "Product.channelListings": 5,
    "ProductVariant.channelListings": 5,
    "Collection.channelListings": 5,
    "ShippingMethodType.channelListings": 5,
    "Voucher.channelListings": 5,
    # An app registers a webhook or two, each for its events.
    "App.webhooks": 2,
}
INTROSPECTION_LISTS = (
    "__Schema.types",
    "__Schema.directives",
    "__Type.fields",
    "__Type.inputFields",
    "__Type.enumValues",
    "__Type.interfaces",
    "__Type.possibleTypes",
    "__Field.args",
    "__Directive.args",
)
# Below these the objects are every type or directive of the schema.
WHOLE_SCHEMA_LISTS = ("__Schema.types", "__Schema.directives")


@dataclass
class Measure:
    """What a selection costs and how deep its fields nest."""

    cost: int = 0
    depth: int = 0


@dataclass(frozen=True)
class _Scope:
    # The __Type or __Directive objects here are all the schema's, so a
    # list below them is as long as the schema's average.
    whole_schema: bool = False
    # How many ``ofType`` fields enclose this selection, one in another.
    of_type_depth: int = 0


@dataclass(frozen=True)
class IntrospectionSizes:
    """How long each introspection list of one schema runs."""

    average: dict[str, int]
    longest: dict[str, int]
    # The most wrappers (list, non-null) around any type: past this
    # depth ``ofType`` is null.
    wrapping_depth: int

    def list_size(self, key: str, *, whole_schema: bool) -> int:
        sizes = self.average if whole_schema else self.longest
        return sizes.get(key, 1)


@functools.lru_cache(maxsize=4)
def introspection_sizes(schema: GraphQLSchema) -> IntrospectionSizes:
    """Return the average and longest introspection lists of the schema."""
    named = [t for t in schema.type_map.values()]
    with_fields = [
        t for t in named if isinstance(t, GraphQLObjectType | GraphQLInterfaceType)
    ]
    inputs = [t for t in named if is_input_object_type(t)]
    fields = [field for t in with_fields for field in t.fields.values()]
    counts = {
        "__Type.fields": [len(t.fields) for t in with_fields],
        "__Type.inputFields": [len(t.fields) for t in inputs],
        "__Type.enumValues": [len(getattr(t, "values", {})) for t in named],
        "__Type.interfaces": [len(getattr(t, "interfaces", ())) for t in named],
        "__Type.possibleTypes": [
            len(schema.get_possible_types(t)) for t in named if is_abstract_type(t)
        ],
        "__Field.args": [len(field.args) for field in fields],
        "__Directive.args": [len(d.args) for d in schema.directives],
    }
    wrapped = [field.type for field in fields]
    wrapped += [arg.type for field in fields for arg in field.args.values()]
    wrapped += [field.type for t in inputs for field in t.fields.values()]
    parents = {
        "__Type.fields": len(named),
        "__Type.inputFields": len(named),
        "__Type.enumValues": len(named),
        "__Type.interfaces": len(named),
        "__Type.possibleTypes": len(named),
        "__Field.args": max(len(fields), 1),
        "__Directive.args": max(len(schema.directives), 1),
    }
    whole = {
        "__Schema.types": len(named),
        "__Schema.directives": len(schema.directives),
    }
    return IntrospectionSizes(
        average=whole
        | {key: math.ceil(sum(n) / parents[key]) for key, n in counts.items()},
        longest=whole | {key: max(n, default=0) for key, n in counts.items()},
        wrapping_depth=max((_wrappers(t) for t in wrapped), default=0),
    )


def _wrappers(graphql_type) -> int:
    depth = 0
    while isinstance(graphql_type, GraphQLWrappingType):
        graphql_type = graphql_type.of_type
        depth += 1
    return depth


class DocumentCost:
    """Walk one document's operations, costing fields and measuring depth."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict,
        page_size: int,
    ):
        self.schema = schema
        self.fragments = fragments
        self.request_variables = variables
        self.variables: dict = {}
        self.page_size = page_size
        self.sizes = introspection_sizes(schema)
        self.fragment_measures: dict[tuple, Measure] = {}
        self.fragments_in_progress: set[tuple] = set()

    def operation(self, operation: OperationDefinitionNode) -> Measure:
        root = self.schema.get_root_type(operation.operation)
        if root is None:
            return Measure()
        # A fragment's cost depends on the variables: cost it per operation.
        self.fragment_measures = {}
        self.variables = {
            definition.variable.name.value: int(definition.default_value.value)
            for definition in operation.variable_definitions or ()
            if isinstance(definition.default_value, IntValueNode)
        } | self.request_variables
        return self.selection_set(operation.selection_set, root, _Scope())

    def selection_set(
        self, selection_set: SelectionSetNode, parent_type, scope: _Scope
    ) -> Measure:
        total = Measure()
        for selection in selection_set.selections:
            if not self.included(selection):
                continue
            if isinstance(selection, FieldNode):
                measure = self.field(selection, parent_type, scope)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner_type = (
                    self.schema.get_type(condition.name.value)
                    if condition
                    else parent_type
                )
                measure = self.selection_set(selection.selection_set, inner_type, scope)
            elif isinstance(selection, FragmentSpreadNode):
                measure = self.fragment(selection.name.value, scope)
            else:  # pragma: no cover - the grammar has no other selection
                continue
            total.cost += measure.cost
            total.depth = max(total.depth, measure.depth)
        return total

    def included(self, selection) -> bool:
        """Say whether @skip / @include let the selection be answered.

        A selection the request's variables leave out costs nothing; one
        whose condition cannot be read yet (validation reports it) counts.
        """
        if not selection.directives:
            return True
        try:
            return should_include_node(self.request_variables, selection)
        except (GraphQLError, KeyError, TypeError, ValueError):
            return True

    def fragment(self, name: str, scope: _Scope) -> Measure:
        key = (name, scope)
        if key in self.fragment_measures:
            return self.fragment_measures[key]
        fragment = self.fragments.get(name)
        if fragment is None or key in self.fragments_in_progress:
            return Measure()
        self.fragments_in_progress.add(key)
        fragment_type = self.schema.get_type(fragment.type_condition.name.value)
        measure = self.selection_set(fragment.selection_set, fragment_type, scope)
        self.fragments_in_progress.discard(key)
        self.fragment_measures[key] = measure
        return measure

    def field(self, node: FieldNode, parent_type, scope: _Scope) -> Measure:
        if not node.selection_set:
            return Measure(depth=1)
        name = node.name.value
        definition = self.definition(parent_type, name)
        field_type = get_named_type(definition.type) if definition else None
        key = f"{parent_type.name}.{name}" if definition else ""
        inner_scope = self.inner_scope(key, field_type, scope)
        inner = self.selection_set(node.selection_set, field_type, inner_scope)
        if inner_scope.of_type_depth > self.sizes.wrapping_depth:
            return Measure(cost=0, depth=1 + inner.depth)
        multiplier = self.multiplier(node, key, definition, scope)
        return Measure(cost=multiplier * (1 + inner.cost), depth=1 + inner.depth)

    def definition(self, parent_type, name: str) -> GraphQLField | None:
        if parent_type is not None and parent_type is self.schema.query_type:
            if name == "__schema":
                return SchemaMetaFieldDef
            if name == "__type":
                return TypeMetaFieldDef
        if isinstance(parent_type, GraphQLObjectType | GraphQLInterfaceType):
            return parent_type.fields.get(name)
        return None

    def inner_scope(
        self, key: str, field_type: GraphQLNamedType | None, scope: _Scope
    ) -> _Scope:
        if key in WHOLE_SCHEMA_LISTS:
            return _Scope(whole_schema=True)
        if key == "__Type.ofType":
            return _Scope(of_type_depth=scope.of_type_depth + 1)
        # One type (a field's, an interface) may be the schema's largest.
        if field_type is not None and field_type.name == "__Type":
            return _Scope()
        return _Scope(whole_schema=scope.whole_schema)

    def multiplier(self, node: FieldNode, key: str, definition, scope) -> int:
        pages = self.page_count(node)
        if pages is not None:
            return pages
        if definition is None or not is_list_type(get_nullable_type(definition.type)):
            return 1
        if key in INTROSPECTION_LISTS:
            return self.sizes.list_size(key, whole_schema=scope.whole_schema)
        if key.endswith("Connection.edges"):
            return 1
        return LIST_SIZES.get(key, DEFAULT_LIST_SIZE)

    def page_count(self, node: FieldNode) -> int | None:
        for argument in node.arguments:
            if argument.name.value not in PAGE_ARGUMENTS:
                continue
            value = argument.value
            if isinstance(value, VariableNode):
                given = self.variables.get(value.name.value)
                count = given if isinstance(given, int) else self.page_size
            elif isinstance(value, IntValueNode):
                count = int(value.value)
            else:
                count = self.page_size
            return max(count, 0)
        return None
