"""Name a type of another module where importing it would close a circle."""

from graphene.utils.module_loading import import_string


def lazy_type(path: str):
    """Return a thunk of the type at a full dotted path.

    The API's one way to break an import circle between type modules, e.g.
    ``graphene.Field(lazy_type("backend.graphql.order.types.Order"))``.
    graphene calls the thunk when it builds the schema (Field, List,
    NonNull, Argument, InputField and ConnectionField all accept one); a
    resolver that needs the class itself calls it. Spell the whole path so
    a grep for the module finds every user. Import a type directly wherever
    that closes no circle; a type defined further down the same module is
    named with a plain ``lambda: Name``.
    """
    return lambda: import_string(path)
