"""Posting comments: what is saved, flagged, refused and never shown."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from backend.page.models import PageComment, PageCommentStatus
from backend.page.selectors import comments_approved
from backend.page.services import RATE_LIMIT_MESSAGE, comment_post

from .comment_helpers import article, comment

pytestmark = pytest.mark.django_db


def _post(page, *, body="Thank you, the exercises helped.", ip="203.0.113.7", **kw):
    values = {"name": "Sam Reader", "email": "sam@example.com", "honeypot": ""}
    values.update(kw)
    return comment_post(page=page, body=body, ip_address=ip, **values)


def test_a_new_comment_is_pending_and_not_shown():
    page = article()

    posted = _post(page)

    assert posted.status == PageCommentStatus.PENDING
    assert comments_approved(page=page) == []


def test_approved_comments_are_shown_oldest_first_without_email():
    page = article()
    first = comment(page, name="Ann", status=PageCommentStatus.APPROVED)
    second = comment(page, name="Ben", status=PageCommentStatus.APPROVED)
    comment(page, name="Cal", status=PageCommentStatus.REJECTED)
    comment(page, name="Dee", status=PageCommentStatus.SPAM)
    comment(page, name="Eve")

    shown = comments_approved(page=page)

    assert [c.pk for c in shown] == [first.pk, second.pk]
    assert all("email" in c.get_deferred_fields() for c in shown)


def test_comments_of_other_articles_are_not_shown():
    page, other = article(), article("tens-for-sciatica")
    comment(other, status=PageCommentStatus.APPROVED)

    assert comments_approved(page=page) == []


def test_a_filled_honeypot_is_saved_as_spam():
    page = article()

    posted = _post(page, honeypot="https://cheap.example")

    assert posted.status == PageCommentStatus.SPAM
    assert comments_approved(page=page) == []


def test_the_sixth_comment_from_one_address_in_ten_minutes_is_refused():
    page = article()
    for _ in range(5):
        _post(page)

    with pytest.raises(ValidationError) as refused:
        _post(page)

    assert refused.value.message_dict == {"__all__": [RATE_LIMIT_MESSAGE]}
    assert PageComment.objects.count() == 5


def test_the_rate_limit_counts_each_address_apart():
    page = article()
    for _ in range(5):
        _post(page, ip="203.0.113.7")

    posted = _post(page, ip="198.51.100.2")

    assert posted.pk is not None


def test_the_address_is_kept_only_as_a_keyed_hash():
    posted = _post(article(), ip="203.0.113.7")

    assert "203.0.113.7" not in posted.ip_hash
    assert len(posted.ip_hash) == 64


@pytest.mark.parametrize(
    "body",
    [
        "Great tips, more at http://spam.example/deal",
        "See www.pills-online.example for more",
        "Try [this brace](https://brace.example)",
        'Try <a href="https://brace.example">this</a>',
        "Cheapest at cheap-braces.com today",
    ],
)
def test_a_comment_with_a_link_is_flagged(body):
    posted = _post(article(), body=body)

    assert posted.has_links is True
    assert posted.status == PageCommentStatus.PENDING


@pytest.mark.parametrize(
    "body",
    [
        "Should I stop running until the pain in my leg goes?",
        "What should I take for the nerve pain at night?",
        "My doctor says it is a disc bulge, is TENS ok?",
        "Is it safe for me to use heat with a pacemaker?",
        "I'm taking 300 mg of gabapentin, can I add ibuprofen?",
        "What dosage of naproxen works for sciatica?",
    ],
)
def test_a_request_for_personal_medical_advice_is_flagged(body):
    posted = _post(article(), body=body)

    assert posted.medical_advice_request is True
    assert posted.status == PageCommentStatus.PENDING


def test_a_plain_comment_is_not_flagged():
    posted = _post(article(), body="The foam roller section was clear. Thanks!")

    assert (posted.has_links, posted.medical_advice_request) == (False, False)


def test_flagged_comments_are_listed_first_for_triage():
    page = article()
    plain = comment(page, body="Nice.")
    linked = comment(page, has_links=True)
    medical = comment(page, medical_advice_request=True)

    assert list(PageComment.objects.filter(page=page)) == [medical, linked, plain]


def test_html_in_a_comment_is_stored_as_plain_text():
    body = (
        "<script>alert(1)</script>Good<img src=x onerror=alert(2)> read "
        '<a href="javascript:alert(3)">link</a> <b>bold</b>'
    )

    posted = _post(article(), body=body)

    assert posted.body == "Good read link bold"


def test_entity_encoded_markup_is_stripped_too():
    posted = _post(article(), body="&lt;script&gt;alert(1)&lt;/script&gt;Helpful")

    assert posted.body == "Helpful"


def test_angle_brackets_in_text_are_kept_as_text():
    posted = _post(article(), body="Pain went from 7 > 3 & I sleep again")

    assert posted.body == "Pain went from 7 > 3 & I sleep again"


def test_a_body_of_only_markup_is_refused():
    with pytest.raises(ValidationError) as refused:
        _post(article(), body="<script>alert(1)</script>")

    assert refused.value.message_dict == {"body": ["Write a comment."]}
    assert PageComment.objects.count() == 0


def test_a_body_over_the_length_limit_is_refused():
    with pytest.raises(ValidationError) as refused:
        _post(article(), body="a" * 3001)

    assert refused.value.message_dict == {
        "body": ["Keep your comment under 3000 characters."]
    }


def test_a_comment_on_an_unpublished_article_is_refused():
    page = article()
    page.is_published = False
    page.save(update_fields=["is_published"])

    with pytest.raises(ValidationError) as refused:
        _post(page)

    assert refused.value.message_dict == {
        "page": ["Comments are closed on this article."]
    }
    assert PageComment.objects.count() == 0


def test_a_comment_on_an_article_published_later_is_refused():
    page = article()
    page.published_at = timezone.now() + timezone.timedelta(days=1)
    page.save(update_fields=["published_at"])

    with pytest.raises(ValidationError):
        _post(page)

    assert PageComment.objects.count() == 0


def test_comments_approved_takes_one_query_for_5_or_50(django_assert_num_queries):
    page = article()
    for count in (5, 50):
        PageComment.objects.filter(page=page).delete()
        for n in range(count):
            comment(page, name=f"Reader {n}", status=PageCommentStatus.APPROVED)

        with django_assert_num_queries(1):
            shown = comments_approved(page=page)

        assert len(shown) == count


def test_a_missing_name_and_a_bad_email_are_refused_by_the_service():
    with pytest.raises(ValidationError) as refused:
        _post(article(), name="<b></b>", email="not-an-email")

    assert refused.value.message_dict == {
        "name": ["Enter your name."],
        "email": ["Enter a valid email address."],
    }
    assert PageComment.objects.count() == 0
