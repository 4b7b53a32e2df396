"""Background jobs of the page domain."""

from celery import shared_task

from . import services


@shared_task(name="page.content_sync", ignore_result=True, acks_late=True)
def content_sync() -> None:
    """Sync the article files; running it twice changes nothing the second time."""
    services.content_sync(progress=False)
