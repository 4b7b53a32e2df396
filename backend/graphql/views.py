import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from graphql import ExecutionResult, GraphQLError

from .account.auth import authenticate_request
from .core.limits import QueryLimits, query_size_error, request_validation_rules
from .core.nul_characters import (
    NoNulCharactersRule,
    contains_nul,
    nul_character_error,
)
from .core.response_cache import (
    is_anonymous_request,
    query_is_cacheable,
    response_cache_enabled,
    response_lookup,
    response_store,
)
from .core.upload import MultipartUploadMixin

logger = logging.getLogger("backend.graphql.errors")

# Errors a resolver raises on purpose; their message is for the client.
HANDLED_ERRORS = (GraphQLError, ValidationError, PermissionDenied)
INTERNAL_ERROR_MESSAGE = "Internal Server Error"


def unhandled_exception(error) -> BaseException | None:
    """Return the bug behind a GraphQL error, or None if it was meant."""
    original = getattr(error, "original_error", None)
    if original is None or isinstance(original, HANDLED_ERRORS):
        return None
    return original


class LumbarGraphQLView(MultipartUploadMixin, GraphQLView):
    """The API view, taking Saleor's multipart file uploads too.

    Every request is held to the limits of ``core.limits`` before anything
    executes; every error carries Saleor's ``extensions.exception.code``.
    """

    def get_context(self, request):
        authenticate_request(request)
        return super().get_context(request)

    def get_response(self, request, data, show_graphiql=False):
        """Answer an anonymous catalog query from the response cache."""
        if show_graphiql or self.batch or not response_cache_enabled():
            return super().get_response(request, data, show_graphiql)
        query, variables, operation_name, _ = self.get_graphql_params(request, data)
        if not (
            isinstance(query, str)
            and isinstance(variables, dict | None)
            and is_anonymous_request(request)
            and query_is_cacheable(query, operation_name)
        ):
            return super().get_response(request, data, show_graphiql)
        lookup = response_lookup(query, operation_name, variables)
        if lookup.body is not None:
            return lookup.body, 200
        self.answered_without_errors = False
        body, status_code = super().get_response(request, data, show_graphiql)
        if status_code == 200 and self.answered_without_errors:
            response_store(lookup, body)
        return body, status_code

    def execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        too_large = query_size_error(query, QueryLimits.from_settings())
        if too_large is not None:
            return ExecutionResult(data=None, errors=[too_large])
        if contains_nul(variables):
            return ExecutionResult(data=None, errors=[nul_character_error()])
        # Django builds one view instance per request, so this is not shared.
        self.validation_rules = (
            *request_validation_rules(variables),
            NoNulCharactersRule,
        )
        result = super().execute_graphql_request(
            request, data, query, variables, operation_name, show_graphiql
        )
        self.answered_without_errors = result is not None and not result.errors
        return result

    @staticmethod
    def format_error(error):
        """Give Saleor's code; log a bug and hide its details outside DEBUG."""
        formatted = GraphQLView.format_error(error)
        exception = unhandled_exception(error)
        if exception is not None:
            logger.error(
                "Unhandled error in GraphQL %s",
                formatted.get("path"),
                exc_info=(type(exception), exception, exception.__traceback__),
            )
            if not settings.DEBUG:
                formatted["message"] = INTERNAL_ERROR_MESSAGE
            formatted.setdefault("extensions", {})["exception"] = {
                "code": "InternalServerError"
            }
        extensions = formatted.setdefault("extensions", {})
        extensions.setdefault("exception", {"code": "GraphQLError"})
        return formatted


graphql_view = csrf_exempt(LumbarGraphQLView.as_view(graphiql=True))
