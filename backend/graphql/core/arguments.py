"""Argument checks that single-object queries share."""

from graphql import GraphQLError


def require_one_of(**arguments) -> None:
    """Raise Saleor's error unless exactly one of the arguments is given."""
    given = [name for name, value in arguments.items() if value is not None]
    names = ", ".join(f"'{name}'" for name in arguments)
    if not given:
        raise GraphQLError(f"At least one of arguments is required: {names}.")
    if len(given) > 1:
        raise GraphQLError(
            f"Argument '{given[0]}' cannot be combined with '{given[1]}'"
        )
