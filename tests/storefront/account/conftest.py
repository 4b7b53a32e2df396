"""Account page fixtures: a confirmed customer, email tasks run in process."""

import pytest

from tests import factories

from .helpers import PASSWORD


@pytest.fixture
def tasks_in_process():
    """Run the queued email tasks here (the worker test covers the worker)."""
    from backend.celery import app as celery_app

    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = before


@pytest.fixture
def confirmed_customer(db):
    user = factories.UserFactory(email="ann@example.com", is_confirmed=True)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def other_customer(db):
    return factories.UserFactory(email="other@example.com", is_confirmed=True)
