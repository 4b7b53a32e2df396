"""Queue a Celery task once the transaction commits, never failing the commit.

A broker outage must not turn a placed order into an error page: the work
is already saved, and each task that matters has a sweeper (a beat job that
finds what was not done and queues it again) once the broker is back.
"""

import logging

from celery import Task
from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def enqueue_on_commit(task: Task, *args) -> None:
    """Queue the task with these ids after commit; log if the broker is down."""

    def publish() -> None:
        try:
            task.delay(*args)
        except OperationalError as error:
            logger.warning(
                "Not queued, broker unavailable: %s%r: %s", task.name, args, error
            )

    transaction.on_commit(publish)
