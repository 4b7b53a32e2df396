from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from backend.graphql.views import graphql_view
from backend.health import healthz
from backend.storefront.views.indexing import robots, sitemap, sitemap_section
from backend.storefront.views.thumbnails import thumbnail
from backend.webhooks import stripe_webhook

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("graphql/", graphql_view, name="graphql"),
    path("ops/", include("backend.ops.urls")),
    path("webhooks/stripe/", stripe_webhook, name="stripe-webhook"),
    path(
        "thumbnail/<str:instance_id>/<int:size>/<str:format>/",
        thumbnail,
        name="thumbnail",
    ),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "sitemap-<str:section>-<int:page>.xml",
        sitemap_section,
        name="sitemap_section",
    ),
    path("robots.txt", robots, name="robots"),
    path("", include("backend.storefront.urls")),
]

# Media on object storage (an absolute MEDIA_URL) is served by the store itself.
if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.insert(
        0,
        re_path(
            rf"^{media_prefix}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    )

handler404 = "backend.storefront.views.errors.page_not_found"
handler500 = "backend.storefront.views.errors.server_error"
