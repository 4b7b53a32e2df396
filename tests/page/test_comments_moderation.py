"""Moderating comments through the service, and telling the moderators."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from backend import celery_app
from backend.page import tasks
from backend.page.models import PageComment, PageCommentStatus
from backend.page.selectors import comments_approved
from backend.page.services import comment_moderate, comment_post

from .comment_helpers import article, comment, roles, statuses

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager_tasks():
    """Run queued tasks in process, as `make run` does."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = before


def _post(page, **changes):
    values = {
        "name": "Sam Reader",
        "email": "sam@example.com",
        "body": "Should I use heat or ice tonight?",
        "ip_address": "203.0.113.7",
        "honeypot": "",
        **changes,
    }
    return comment_post(page=page, **values)


def test_a_merchandiser_approves_and_the_comment_is_shown():
    page = article()
    pending = comment(page)
    merchandiser = roles().merchandiser

    changed = comment_moderate(
        comments=[pending], status=PageCommentStatus.APPROVED, moderator=merchandiser
    )

    pending.refresh_from_db()
    assert changed == 1
    assert pending.status == PageCommentStatus.APPROVED
    assert pending.moderated_by == merchandiser
    assert pending.moderated_at is not None
    assert comments_approved(page=page) == [pending]


def test_a_merchandiser_rejects_and_marks_spam_in_bulk():
    page = article()
    first, second, third = comment(page), comment(page), comment(page)
    merchandiser = roles().merchandiser

    comment_moderate(
        comments=[first, second],
        status=PageCommentStatus.REJECTED,
        moderator=merchandiser,
    )
    comment_moderate(
        comments=[third], status=PageCommentStatus.SPAM, moderator=merchandiser
    )

    assert statuses(first, second, third) == ["rejected", "rejected", "spam"]
    assert comments_approved(page=page) == []


def test_moderating_to_the_status_a_comment_has_changes_nothing():
    page = article()
    approved = comment(page, status=PageCommentStatus.APPROVED)

    changed = comment_moderate(
        comments=[approved],
        status=PageCommentStatus.APPROVED,
        moderator=roles().merchandiser,
    )

    approved.refresh_from_db()
    assert changed == 0
    assert approved.moderated_by is None


def test_moderating_back_to_pending_is_refused():
    pending = comment(article(), status=PageCommentStatus.APPROVED)

    with pytest.raises(ValidationError):
        comment_moderate(
            comments=[pending],
            status=PageCommentStatus.PENDING,
            moderator=roles().merchandiser,
        )

    assert statuses(pending) == ["approved"]


@pytest.mark.parametrize("role", ["anonymous", "customer", "operations"])
def test_moderation_is_refused_without_manage_pages(role):
    pending = comment(article())
    people = roles()
    moderator = {
        "anonymous": AnonymousUser(),
        "customer": people.customer,
        "operations": people.operations,
    }[role]

    with pytest.raises(PermissionDenied):
        comment_moderate(
            comments=[pending], status=PageCommentStatus.APPROVED, moderator=moderator
        )

    assert statuses(pending) == ["pending"]


def test_the_moderators_are_told_only_once_the_comment_commits(
    django_capture_on_commit_callbacks, eager_tasks
):
    page = article()
    roles()

    with django_capture_on_commit_callbacks() as callbacks:
        _post(page)
        assert mail.outbox == []

    assert len(callbacks) == 1
    assert mail.outbox == []


def test_the_notification_goes_to_manage_pages_holders_only(
    django_capture_on_commit_callbacks, eager_tasks
):
    page = article()
    people = roles()

    with django_capture_on_commit_callbacks(execute=True):
        posted = _post(page)

    assert [message.to for message in mail.outbox] == [[people.merchandiser.email]]
    message = mail.outbox[0]
    assert message.subject == f"Comment awaiting approval: {page.title}"
    assert "Flagged: asks for personal medical advice." in message.body
    assert f"/admin/page/pagecomment/{posted.pk}/change/" in message.body


def test_a_spam_comment_tells_no_one(django_capture_on_commit_callbacks, eager_tasks):
    page = article()
    roles()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _post(page, honeypot="filled by a bot")

    assert callbacks == []
    assert mail.outbox == []


def test_running_the_notification_twice_sends_one_email():
    page = article()
    roles()
    pending = comment(page)

    tasks.comment_notify_moderators.apply(args=[pending.pk]).get()
    tasks.comment_notify_moderators.apply(args=[pending.pk]).get()

    assert len(mail.outbox) == 1
    assert PageComment.objects.get().moderators_notified_at is not None


def test_a_comment_moderated_before_the_task_runs_tells_no_one():
    page = article()
    roles()
    approved = comment(page, status=PageCommentStatus.APPROVED)

    tasks.comment_notify_moderators.apply(args=[approved.pk]).get()

    assert mail.outbox == []
