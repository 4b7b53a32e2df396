"""The comment form under an article: posting, errors and what readers see."""

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import RequestFactory

from backend.page.models import PageComment, PageCommentStatus
from backend.storefront.views.comments import comment_context
from tests.page.comment_helpers import article, comment

pytestmark = pytest.mark.django_db

THANKS = "Thanks — your comment will appear once approved."


def _form(**changes) -> dict:
    return {
        "name": "Sam Reader",
        "email": "sam@example.com",
        "body": "The nerve glides helped me a lot.",
        "website": "",
        **changes,
    }


def _partial(page) -> str:
    request = RequestFactory().get(f"/articles/{page.slug}/")
    return render_to_string(
        "content/_comments.html", {"page": page, **comment_context(page)}, request
    )


def test_posting_a_comment_redirects_to_the_article_with_thanks(client):
    page = article()

    response = client.post(f"/articles/{page.slug}/comments/", _form())

    assert response.status_code == 302
    assert response["Location"] == f"/articles/{page.slug}/#comments"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [THANKS]
    saved = PageComment.objects.get()
    assert (saved.name, saved.email, saved.status) == (
        "Sam Reader",
        "sam@example.com",
        PageCommentStatus.PENDING,
    )


def test_a_bot_filling_the_honeypot_sees_the_same_thanks(client):
    page = article()

    response = client.post(
        f"/articles/{page.slug}/comments/", _form(website="https://spam.example")
    )

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [THANKS]
    assert PageComment.objects.get().status == PageCommentStatus.SPAM


def test_form_errors_are_shown_with_status_400_and_nothing_is_saved(client):
    page = article()

    response = client.post(
        f"/articles/{page.slug}/comments/", _form(email="not-an-email", body="")
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid email address." in html
    assert "This field is required." in html
    assert f'href="/articles/{page.slug}/#comments"' in html
    assert PageComment.objects.count() == 0


def test_the_rate_limit_refusal_is_shown_with_status_400(client):
    page = article()
    for _ in range(5):
        client.post(f"/articles/{page.slug}/comments/", _form())

    response = client.post(f"/articles/{page.slug}/comments/", _form())

    assert response.status_code == 400
    assert "Please wait a few minutes and try again." in response.content.decode()
    assert PageComment.objects.count() == 5


def test_posting_to_an_unpublished_article_is_not_found(client):
    page = article()
    page.is_published = False
    page.save(update_fields=["is_published"])

    response = client.post(f"/articles/{page.slug}/comments/", _form())

    assert response.status_code == 404
    assert PageComment.objects.count() == 0


def test_the_comment_url_refuses_get(client):
    page = article()

    response = client.get(f"/articles/{page.slug}/comments/")

    assert response.status_code == 405


def test_the_partial_shows_approved_names_and_bodies_never_emails():
    page = article()
    comment(
        page,
        name="Ann Approved",
        email="ann@private.example",
        body="Heat first helped.",
        status=PageCommentStatus.APPROVED,
    )
    comment(page, name="Pat Pending", body="Still waiting.")

    html = _partial(page)

    assert "Ann Approved" in html
    assert "Heat first helped." in html
    assert "ann@private.example" not in html
    assert "Pat Pending" not in html
    assert "Still waiting." not in html


def test_the_partial_says_comments_are_moderated_and_labels_every_field():
    html = _partial(article())

    assert "Comments must be approved before appearing" in html
    for field_id, label in (("name", "Name"), ("email", "Email"), ("body", "Comment")):
        assert f'<label for="id_{field_id}">{label}</label>' in html


def test_the_honeypot_is_hidden_from_people_and_screen_readers():
    html = _partial(article())

    assert '<div class="comment-hp" hidden aria-hidden="true">' in html
    assert 'name="website"' in html
    assert 'tabindex="-1"' in html


def test_a_comment_with_markup_renders_inert(client):
    page = article()
    client.post(
        f"/articles/{page.slug}/comments/",
        _form(
            body='<script>alert(1)</script><img src=x onerror="alert(2)">'
            '<a href="javascript:alert(3)">click</a> & 1 < 2'
        ),
    )
    PageComment.objects.update(status=PageCommentStatus.APPROVED)

    html = _partial(page)

    assert "<script>alert" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "click &amp; 1 &lt; 2" in html


def test_the_article_page_shows_thanks_and_hides_the_pending_comment(client):
    page = article()

    response = client.post(
        f"/articles/{page.slug}/comments/",
        _form(name="Pat Pending", body="Still waiting for approval."),
        follow=True,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert THANKS in html
    assert "Still waiting for approval." not in html
    assert 'action="/articles/heat-or-ice-for-sciatica/comments/"' in html


def test_the_article_page_shows_a_comment_once_approved(client):
    page = article()
    comment(
        page,
        name="Ann Approved",
        email="ann@private.example",
        body="Heat first helped.",
        status=PageCommentStatus.APPROVED,
    )

    html = client.get(f"/articles/{page.slug}/").content.decode()

    assert "Ann Approved" in html
    assert "Heat first helped." in html
    assert "ann@private.example" not in html
