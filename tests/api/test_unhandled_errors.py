"""A bug in a resolver is logged and answered without its details."""

import logging

from graphql import GraphQLError

from backend.graphql.views import LumbarGraphQLView


def located_error(original: Exception) -> GraphQLError:
    return GraphQLError(str(original), path=["products"], original_error=original)


def test_an_unhandled_exception_is_logged_and_its_message_hidden(caplog):
    with caplog.at_level(logging.ERROR, logger="backend.graphql.errors"):
        formatted = LumbarGraphQLView.format_error(
            located_error(KeyError("secret_column"))
        )

    assert formatted["message"] == "Internal Server Error"
    assert formatted["extensions"] == {"exception": {"code": "InternalServerError"}}
    assert formatted["path"] == ["products"]
    (record,) = caplog.records
    assert record.exc_info[0] is KeyError


def test_debug_keeps_the_message_for_the_developer(settings):
    settings.DEBUG = True

    formatted = LumbarGraphQLView.format_error(located_error(ValueError("boom")))

    assert formatted["message"] == "boom"
    assert formatted["extensions"]["exception"]["code"] == "InternalServerError"


def test_an_error_raised_on_purpose_keeps_its_message(caplog):
    with caplog.at_level(logging.ERROR, logger="backend.graphql.errors"):
        formatted = LumbarGraphQLView.format_error(
            GraphQLError("Invalid ID: x. Expected: Order.", path=["order"])
        )

    assert formatted["message"] == "Invalid ID: x. Expected: Order."
    assert formatted["extensions"]["exception"]["code"] == "GraphQLError"
    assert caplog.records == []


def test_an_error_answered_to_the_client_is_logged_at_info_with_its_code(caplog):
    # A client that swallows a 200 carrying errors still leaves a trace.
    with caplog.at_level(logging.INFO, logger="backend.graphql.errors.handled"):
        LumbarGraphQLView.format_error(
            GraphQLError("Invalid ID: x. Expected: Order.", path=["order"])
        )

    (record,) = caplog.records
    assert record.levelno == logging.INFO
    assert record.getMessage() == (
        "GraphQL error GraphQLError at ['order']: Invalid ID: x. Expected: Order."
    )
