"""Comment reads: what readers see under an article."""

from ..models import Page, PageComment

# The newest approved comments an article page shows; older ones are kept
# but a long thread should not slow the page.
COMMENTS_SHOWN_LIMIT = 100


def comments_approved(*, page: Page, limit: int = COMMENTS_SHOWN_LIMIT) -> list:
    """Return the page's approved comments, oldest first (1 query).

    Only the fields a reader may see are loaded: never the email or the
    address hash.
    """
    newest = (
        PageComment.objects.approved()
        .filter(page=page)
        .only("pk", "page_id", "name", "body", "created_at")
        .order_by("-created_at", "-pk")[:limit]
    )
    return list(reversed(newest))
