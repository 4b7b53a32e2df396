"""Moderating comments in the admin: who may, bulk and single decisions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.page.models import PageCommentStatus

from .comment_helpers import article, comment, roles, statuses

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/page/pagecomment/"


def _bulk(client, action: str, *comments):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [str(c.pk) for c in comments]},
    )


def _single(client, pending, status: str):
    return client.post(f"{CHANGELIST}{pending.pk}/moderate/", {"status": status})


def test_a_merchandiser_sees_flagged_comments_first(client):
    page = article()
    plain = comment(page, name="Plain Reader")
    linked = comment(page, name="Link Poster", has_links=True)
    client.force_login(roles().merchandiser)

    response = client.get(CHANGELIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(f"/{linked.pk}/change/") < html.index(f"/{plain.pk}/change/")


def test_the_changelist_filters_by_status_and_flag(client):
    page = article()
    comment(page, name="Medical Asker", medical_advice_request=True)
    comment(page, name="Approved Reader", status=PageCommentStatus.APPROVED)
    client.force_login(roles().merchandiser)

    response = client.get(
        CHANGELIST, {"status__exact": "pending", "medical_advice_request__exact": "1"}
    )

    html = response.content.decode()
    assert "Medical Asker" in html
    assert "Approved Reader" not in html


def test_the_changelist_searches_names_and_bodies(client):
    page = article()
    comment(page, name="Ann", body="The foam roller worked.")
    comment(page, name="Ben", body="Heat helped me.")
    client.force_login(roles().merchandiser)

    html = client.get(CHANGELIST, {"q": "foam roller"}).content.decode()

    assert ">Ann<" in html
    assert ">Ben<" not in html


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "approved"), ("reject", "rejected"), ("mark_spam", "spam")],
)
def test_a_merchandiser_moderates_in_bulk(client, action, status):
    page = article()
    first, second, untouched = comment(page), comment(page), comment(page)
    client.force_login(roles().merchandiser)

    response = _bulk(client, action, first, second)

    assert response.status_code == 302
    assert statuses(first, second, untouched) == [status, status, "pending"]


def test_a_merchandiser_approves_one_comment_from_its_page(client):
    pending = comment(article())
    client.force_login(roles().merchandiser)

    page_html = client.get(f"{CHANGELIST}{pending.pk}/change/").content.decode()
    response = _single(client, pending, "approved")

    assert 'form="moderate-form" name="status" value="approved"' in page_html
    assert response.status_code == 302
    assert response["Location"] == f"{CHANGELIST}{pending.pk}/change/"
    assert statuses(pending) == ["approved"]


def test_an_unknown_single_decision_changes_nothing(client):
    pending = comment(article())
    client.force_login(roles().merchandiser)

    response = _single(client, pending, "pending")

    assert response.status_code == 302
    assert statuses(pending) == ["pending"]


def test_anonymous_is_sent_to_the_login_and_nothing_changes(client):
    pending = comment(article())

    bulk = _bulk(client, "approve", pending)
    single = _single(client, pending, "approved")

    assert bulk.status_code == 302
    assert bulk["Location"].startswith("/admin/login/")
    assert single.status_code == 302
    assert single["Location"].startswith("/admin/login/")
    assert statuses(pending) == ["pending"]


def test_a_customer_is_sent_to_the_login_and_nothing_changes(client):
    pending = comment(article())
    client.force_login(roles().customer)

    bulk = _bulk(client, "approve", pending)
    single = _single(client, pending, "approved")

    assert bulk["Location"].startswith("/admin/login/")
    assert single["Location"].startswith("/admin/login/")
    assert statuses(pending) == ["pending"]


def test_operations_is_refused_and_nothing_changes(client):
    pending = comment(article())
    client.force_login(roles().operations)

    listing = client.get(CHANGELIST)
    bulk = _bulk(client, "approve", pending)
    single = _single(client, pending, "approved")

    assert (listing.status_code, bulk.status_code, single.status_code) == (
        403,
        403,
        403,
    )
    assert statuses(pending) == ["pending"]


def test_the_admin_shows_the_email_but_cannot_edit_or_add(client):
    pending = comment(article(), email="sam@private.example")
    client.force_login(roles().merchandiser)

    change = client.get(f"{CHANGELIST}{pending.pk}/change/")
    add = client.get(f"{CHANGELIST}add/")

    assert "sam@private.example" in change.content.decode()
    assert 'name="body"' not in change.content.decode()
    assert add.status_code == 403


def test_the_changelist_query_count_does_not_grow_with_comments(client):
    page = article()
    client.force_login(roles().merchandiser)
    counts = []
    for total in (5, 50):
        for n in range(total - page.comments.count()):
            comment(page, name=f"Reader {n}")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(CHANGELIST)
        assert response.status_code == 200
        counts.append(len(queries))

    # Session, user, permissions, counts, the page filter and the rows.
    assert counts == [7, 7]
