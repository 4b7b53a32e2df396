from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from graphql import ExecutionResult

from .account.auth import authenticate_request
from .core.limits import QueryLimits, query_size_error, request_validation_rules
from .core.upload import MultipartUploadMixin


class LumbarGraphQLView(MultipartUploadMixin, GraphQLView):
    """The API view, taking Saleor's multipart file uploads too.

    Every request is held to the limits of ``core.limits`` before anything
    executes; every error carries Saleor's ``extensions.exception.code``.
    """

    def get_context(self, request):
        authenticate_request(request)
        return super().get_context(request)

    def execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        too_large = query_size_error(query, QueryLimits.from_settings())
        if too_large is not None:
            return ExecutionResult(data=None, errors=[too_large])
        # Django builds one view instance per request, so this is not shared.
        self.validation_rules = request_validation_rules(variables)
        return super().execute_graphql_request(
            request, data, query, variables, operation_name, show_graphiql
        )

    @staticmethod
    def format_error(error):
        formatted = GraphQLView.format_error(error)
        extensions = formatted.setdefault("extensions", {})
        extensions.setdefault("exception", {"code": "GraphQLError"})
        return formatted


graphql_view = csrf_exempt(LumbarGraphQLView.as_view(graphiql=True))
