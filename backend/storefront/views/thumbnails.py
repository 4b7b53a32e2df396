"""The thumbnail route that ``thumbnail_url`` builds URLs for."""

from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from backend.product.thumbnails import (
    ThumbnailError,
    thumbnail_content_type,
    thumbnail_get_or_create,
)

# Thumbnails change only when their source image does; a day is a safe cache.
THUMBNAIL_MAX_AGE = 60 * 60 * 24


@require_safe
def thumbnail(request, instance_id: str, size: int, format: str):
    """Serve the stored thumbnail, resizing the source image on first request."""
    try:
        stored = thumbnail_get_or_create(
            instance_id=instance_id, size=size, format=format
        )
    except ThumbnailError as error:
        raise Http404(str(error)) from error
    try:
        handle = stored.image.open("rb")
    except FileNotFoundError as error:
        raise Http404("The thumbnail file is missing.") from error
    response = FileResponse(handle, content_type=thumbnail_content_type(stored))
    response["Cache-Control"] = f"public, max-age={THUMBNAIL_MAX_AGE}"
    return response
