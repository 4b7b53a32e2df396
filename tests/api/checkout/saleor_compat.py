"""Compare our checkout, order and payment API with Saleor's, field by field."""

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
)

# Our extensions to Saleor's types, named in its style.
EXTENSIONS: set[str] = {
    "ShippingMethod.deliveryPromise",
    "Fulfillment.carrier",
    "OrderFulfillInput.carrier",
    "FulfillmentUpdateTrackingInput.carrier",
    "Order.shipBy",
    "Order.promisedEarliest",
    "Order.promisedLatest",
}


def _args_differences(path, ours, theirs) -> list[str]:
    differences = []
    for name, arg in ours.items():
        if name not in theirs:
            differences.append(f"{path}({name}) not in Saleor")
        elif str(arg.type) != str(theirs[name].type):
            differences.append(f"{path}({name}): {arg.type} != {theirs[name].type}")
    for name, arg in theirs.items():
        if name not in ours and str(arg.type).endswith("!"):
            differences.append(f"{path}({name}) required by Saleor, missing")
    return differences


def _kind(named_type):
    for kind in (
        GraphQLObjectType,
        GraphQLInterfaceType,
        GraphQLInputObjectType,
        GraphQLUnionType,
        GraphQLEnumType,
        GraphQLScalarType,
    ):
        if isinstance(named_type, kind):
            return kind
    return type(named_type)


def type_differences(ours_schema, saleor_schema, type_name: str) -> list[str]:
    """Return how our type differs from Saleor's (a subset must match exactly)."""
    ours = ours_schema.type_map[type_name]
    theirs = saleor_schema.type_map.get(type_name)
    if theirs is None:
        return [f"{type_name} not in Saleor"]
    if _kind(ours) is not _kind(theirs):
        return [f"{type_name}: kind differs"]
    differences = []
    if isinstance(
        ours, (GraphQLObjectType, GraphQLInterfaceType, GraphQLInputObjectType)
    ):
        for name, field in ours.fields.items():
            path = f"{type_name}.{name}"
            if path in EXTENSIONS:
                continue
            if name not in theirs.fields:
                differences.append(f"{path} not in Saleor")
                continue
            if str(field.type) != str(theirs.fields[name].type):
                differences.append(
                    f"{path}: {field.type} != {theirs.fields[name].type}"
                )
            if hasattr(field, "args"):
                differences += _args_differences(
                    path, field.args, theirs.fields[name].args
                )
        if isinstance(ours, GraphQLInputObjectType):
            for name, field in theirs.fields.items():
                if name not in ours.fields and str(field.type).endswith("!"):
                    differences.append(f"{type_name}.{name} required, missing")
    if isinstance(ours, GraphQLUnionType):
        if {t.name for t in ours.types} - {t.name for t in theirs.types}:
            differences.append(f"{type_name}: members not in Saleor")
    if isinstance(ours, GraphQLEnumType):
        if set(ours.values) - set(theirs.values):
            differences.append(
                f"{type_name}: values {sorted(set(ours.values) - set(theirs.values))}"
            )
    return differences


def root_field_differences(
    ours_schema, saleor_schema, root: str, name: str
) -> list[str]:
    ours = getattr(ours_schema, f"{root}_type").fields[name]
    theirs = getattr(saleor_schema, f"{root}_type").fields.get(name)
    if theirs is None:
        return [f"{root}.{name} not in Saleor"]
    differences = []
    if str(ours.type) != str(theirs.type):
        differences.append(f"{root}.{name}: {ours.type} != {theirs.type}")
    differences += _args_differences(f"{root}.{name}", ours.args, theirs.args)
    return differences
