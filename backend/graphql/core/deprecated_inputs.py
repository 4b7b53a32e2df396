"""Introspection lists deprecated arguments and input fields unless told not to.

graphql-codegen (the storefront's ``pnpm build``) sends graphql-js's default
introspection query, which asks for ``args`` and ``inputFields`` without
``includeDeprecated``. With the spec's default (false) an argument Saleor
deprecated but storefronts still send, such as ``products(filter:)`` or the
promo code mutations' ``checkoutId``, is left out, and the storefront's
documents fail to validate. Saleor's server lists them, so Lumbar's does too;
``includeDeprecated: false`` still hides them. The printed schema is
unchanged: they keep their ``@deprecated`` reason.
"""

from graphql.type.introspection import introspection_types

# (introspection type, its field that lists input values)
INPUT_VALUE_LISTS = (
    ("__Field", "args"),
    ("__Directive", "args"),
    ("__Type", "inputFields"),
)


def list_deprecated_input_values() -> None:
    """Make introspection include deprecated input values by default."""
    for type_name, field_name in INPUT_VALUE_LISTS:
        field = introspection_types[type_name].fields[field_name]
        field.args["includeDeprecated"].default_value = True
