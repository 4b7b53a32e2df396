"""Background jobs of the page domain."""

from celery import shared_task

from . import services


@shared_task(name="page.content_sync", ignore_result=True, acks_late=True)
def content_sync() -> None:
    """Sync the article files; running it twice changes nothing the second time."""
    services.content_sync(progress=False)


@shared_task(
    name="page.comment_notify_moderators",
    ignore_result=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def comment_notify_moderators(comment_id: int) -> None:
    """Email the moderators about a new comment; a rerun sends nothing more."""
    services.comment_moderators_notify(comment_id=comment_id)
