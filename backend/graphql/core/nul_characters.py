"""Refuse NUL characters in a request's strings before anything runs.

PostgreSQL text cannot hold U+0000; a NUL that reaches a query fails the
statement (a 500, and an aborted transaction). Schemathesis found it in
requestPasswordReset and accountUpdate; checking the document's string
literals and the variables once covers every operation.
"""

from graphql import GraphQLError, StringValueNode, ValidationRule

NUL = "\x00"
MESSAGE = "Null characters are not allowed in strings."


def nul_character_error() -> GraphQLError:
    return GraphQLError(MESSAGE, extensions={"exception": {"code": "GraphQLError"}})


def contains_nul(value) -> bool:
    """Return whether a decoded variables value holds a NUL anywhere."""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(
            contains_nul(key) or contains_nul(item) for key, item in value.items()
        )
    if isinstance(value, list | tuple):
        return any(contains_nul(item) for item in value)
    return False


class NoNulCharactersRule(ValidationRule):
    """Report each string literal of the document that holds a NUL."""

    def enter_string_value(self, node: StringValueNode, *_args):
        if NUL in node.value:
            self.report_error(
                GraphQLError(
                    MESSAGE, node, extensions={"exception": {"code": "GraphQLError"}}
                )
            )
