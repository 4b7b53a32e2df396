from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView

from .core.upload import MultipartUploadMixin


class LumbarGraphQLView(MultipartUploadMixin, GraphQLView):
    """The API view, taking Saleor's multipart file uploads too."""


graphql_view = csrf_exempt(LumbarGraphQLView.as_view(graphiql=True))
