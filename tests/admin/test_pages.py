"""Pages in the admin: an article's text stays with its file."""

import datetime

import pytest
from django.utils import timezone

from backend.page.models import Article, Page
from tests import factories

from .html_forms import untouched_form

pytestmark = pytest.mark.django_db


def _article(page: Page) -> Article:
    return Article.objects.create(
        page=page,
        source_path="articles/tens-for-sciatica.md",
        summary="How TENS eases sciatic pain.",
        author_name="Jordan Ellis",
        reviewer_name="Priya Raman",
        reviewed_on=datetime.date(2026, 10, 15),
        series_slug="sciatica",
        series_order=1,
        hero_image="images/tens.png",
        hero_image_alt="A TENS unit",
        body_markdown="Text.",
        body_html="<p>Text.</p>",
        content_hash="0" * 64,
        synced_at=timezone.now(),
    )


def test_article_text_is_read_only_and_names_its_file(merch_client):
    page = factories.PageFactory(title="TENS for sciatica")
    _article(page)

    response = merch_client.get(f"/admin/page/page/{page.pk}/change/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="title"' not in html
    assert 'name="is_published"' in html
    assert "articles/tens-for-sciatica.md" in html


def _post_edited(client, url: str, **changes):
    data = untouched_form(client.get(url).content.decode())
    data.update({name: [value] for name, value in changes.items()})
    return client.post(url, data)


def test_saving_an_article_page_keeps_its_title(merch_client):
    page = factories.PageFactory(title="TENS for sciatica")
    _article(page)

    response = _post_edited(
        merch_client, f"/admin/page/page/{page.pk}/change/", title="Changed"
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "TENS for sciatica"


def test_plain_page_title_is_editable(merch_client):
    page = factories.PageFactory(title="About us")

    response = _post_edited(
        merch_client, f"/admin/page/page/{page.pk}/change/", title="About Lumbar"
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "About Lumbar"
