import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt
from graphene_django.settings import graphene_settings
from graphene_django.views import GraphQLView, HttpError
from graphql import (
    ExecutionContext,
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
)

from backend.core import cache_versions

from .account.auth import authenticate_request
from .core.deadline import (
    Deadline,
    ExecutionTimedOut,
    query_deadline,
    statement_timeouts_abandon_execution,
    timeout_error,
)
from .core.documents import checked_document, limit_errors
from .core.introspection_cache import (
    introspection_answer,
    introspection_key,
    is_introspection_query,
    keep_introspection_answer,
)
from .core.limits import QueryLimits, query_size_error
from .core.nul_characters import contains_nul, nul_character_error
from .core.request_body import graphql_params, request_data
from .core.response_cache import (
    is_anonymous_request,
    query_is_cacheable,
    query_versions,
    response_cache_enabled,
    response_lookup,
    response_store,
)

logger = logging.getLogger("backend.graphql.errors")
# Errors answered to the client on purpose (bad query, refused permission,
# unknown id): INFO, as Saleor's "handled" logger, so an operator or the e2e
# run (LOG_LEVEL=INFO) sees the ones a client swallows behind a 200.
handled_logger = logging.getLogger("backend.graphql.errors.handled")

# Errors a resolver raises on purpose; their message is for the client.
HANDLED_ERRORS = (GraphQLError, ValidationError, PermissionDenied)
INTERNAL_ERROR_MESSAGE = "Internal Server Error"


def unhandled_exception(error) -> BaseException | None:
    """Return the bug behind a GraphQL error, or None if it was meant."""
    original = getattr(error, "original_error", None)
    if original is None or isinstance(original, HANDLED_ERRORS):
        return None
    return original


def _never_awaitable(value) -> bool:
    return False


class SyncExecutionContext(ExecutionContext):
    """Execute knowing that no resolver returns an awaitable, by a deadline.

    Every resolver here is synchronous; graphql-core would otherwise ask of
    each of the thousands of values in a page whether it is awaitable. A
    query past its deadline is abandoned (``core.deadline``).
    """

    is_awaitable = staticmethod(_never_awaitable)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        is_query = self.operation.operation == OperationType.QUERY
        self.deadline = query_deadline() if is_query else Deadline(0)

    def execute_fields(self, parent_type, source_value, path, fields):
        self.deadline.check()
        return super().execute_fields(parent_type, source_value, path, fields)


# graphene-django's dispatch without its ensure_csrf_cookie: that drew a new
# CSRF secret and set it as a cookie on every answer, a quarter of a trivial
# request's cost, for GraphiQL's posts to a view that is csrf_exempt. The API
# authenticates by bearer token, as Saleor's does, and sets no cookie.
_graphene_dispatch = GraphQLView.dispatch.__wrapped__


class LumbarGraphQLView(GraphQLView):
    """The API view, taking Saleor's multipart file uploads too.

    The caller is the bearer token's user or no one (``account.auth``). A
    malformed request is refused 400 (``core.request_body``), and every
    request is held to the limits of ``core.limits`` before anything
    executes; every error carries Saleor's ``extensions.exception.code``.
    """

    execution_context_class = SyncExecutionContext

    def dispatch(self, request, *args, **kwargs):
        authenticate_request(request)
        # Set by an answer the response cache was asked for.
        self.cache_hit = None
        response = _graphene_dispatch(self, request, *args, **kwargs)
        if self.cache_hit is not None:
            # What bench/mixed_load.py counts its hit rate from.
            response["X-Cache"] = "hit" if self.cache_hit else "miss"
        return response

    def parse_body(self, request):
        return request_data(request)

    def get_graphql_params(self, request, data):
        return graphql_params(request, data)

    def get_response(self, request, data, show_graphiql=False):
        """Answer, or say the query took too long (``core.deadline``)."""
        try:
            with statement_timeouts_abandon_execution():
                return self._answer(request, data, show_graphiql)
        except ExecutionTimedOut:
            errors = [self.format_error(timeout_error())]
            return self.json_encode(request, {"errors": errors}), 400

    def _answer(self, request, data, show_graphiql):
        """Answer introspection or an anonymous catalog query from a cache."""
        if show_graphiql or self.batch:
            return super().get_response(request, data, show_graphiql)
        query, variables, operation_name, _ = self.get_graphql_params(request, data)
        if isinstance(variables, dict | None) and is_introspection_query(
            query, operation_name
        ):
            return self._introspection_response(
                request, data, query, variables, operation_name
            )
        if not response_cache_enabled():
            return super().get_response(request, data, show_graphiql)
        if not (
            isinstance(query, str)
            and isinstance(variables, dict | None)
            and is_anonymous_request(request)
            and query_is_cacheable(query, operation_name)
        ):
            return super().get_response(request, data, show_graphiql)
        lookup = response_lookup(query, operation_name, variables)
        self.cache_hit = lookup.body is not None
        if lookup.body is not None:
            return lookup.body, 200
        self.answered_without_errors = False
        with cache_versions.recording() as names:
            cache_versions.depends_on(*query_versions(query, operation_name))
            body, status_code = super().get_response(request, data, show_graphiql)
        if status_code == 200 and self.answered_without_errors:
            response_store(lookup, body, names=names)
        return body, status_code

    def _introspection_response(self, request, data, query, variables, operation_name):
        pretty = bool(self.pretty or request.GET.get("pretty"))
        key = introspection_key(query, operation_name, variables, pretty=pretty)
        body = introspection_answer(key)
        if body is not None:
            return body, 200
        self.answered_without_errors = False
        body, status_code = super().get_response(request, data)
        if status_code == 200 and self.answered_without_errors:
            keep_introspection_answer(key, body)
        return body, status_code

    def execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        too_large = query_size_error(query, QueryLimits.from_settings())
        if too_large is not None:
            return ExecutionResult(data=None, errors=[too_large])
        if contains_nul(variables):
            return ExecutionResult(data=None, errors=[nul_character_error()])
        if not query:
            # graphene's answers: GraphiQL's page, or "Must provide query string."
            return super().execute_graphql_request(
                request, data, query, variables, operation_name, show_graphiql
            )
        result = self._execute(request, query, variables, operation_name)
        self.answered_without_errors = result is not None and not result.errors
        return result

    def _execute(self, request, query, variables, operation_name):
        """Parse (cached), validate (graphql-core's rules cached), execute."""
        schema = self.schema.graphql_schema
        max_errors = graphene_settings.MAX_VALIDATION_ERRORS
        try:
            document, errors = checked_document(schema, query, max_errors)
        except Exception as error:  # noqa: BLE001 - a syntax error, or not text
            return ExecutionResult(errors=[error])
        operation = get_operation_ast(document, operation_name)
        if (
            request.method == "GET"
            and operation is not None
            and operation.operation != OperationType.QUERY
        ):
            raise HttpError(
                HttpResponseNotAllowed(
                    ["POST"],
                    f"Can only perform a {operation.operation.value} operation "
                    "from a POST request.",
                )
            )
        errors = errors or limit_errors(
            schema, document, query, variables, QueryLimits.from_settings(), max_errors
        )
        if errors:
            return ExecutionResult(data=None, errors=errors)
        try:
            return execute(
                schema,
                document,
                root_value=self.get_root_value(request),
                context_value=self.get_context(request),
                variable_values=variables,
                operation_name=operation_name,
                middleware=self.get_middleware(request),
                execution_context_class=self.execution_context_class,
            )
        except Exception as error:  # noqa: BLE001 - reported as graphene does
            return ExecutionResult(errors=[error])

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
        if exception is None:
            handled_logger.info(
                "GraphQL error %s at %s: %s",
                extensions["exception"].get("code"),
                formatted.get("path") or formatted.get("locations"),
                formatted.get("message"),
            )
        return formatted


graphql_view = csrf_exempt(LumbarGraphQLView.as_view(graphiql=True))
