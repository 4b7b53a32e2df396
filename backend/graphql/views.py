from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView

from .account.auth import authenticate_request
from .core.upload import MultipartUploadMixin


class LumbarGraphQLView(MultipartUploadMixin, GraphQLView):
    """The API view, taking Saleor's multipart file uploads too."""

    def get_context(self, request):
        authenticate_request(request)
        return super().get_context(request)


graphql_view = csrf_exempt(LumbarGraphQLView.as_view(graphiql=True))
