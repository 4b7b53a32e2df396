"""sync_content: idempotent, all-or-nothing, and blind to what staff edit."""

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from backend.attribute.models import (
    AssignedPageAttributeValue,
    Attribute,
    AttributeInputType,
    AttributePage,
)
from backend.attribute.services import AttributeAssignment, attribute_assignment_values
from backend.page import tasks
from backend.page.content import ContentError
from backend.page.models import Article, ArticleSource, Page, PageType
from backend.page.services import (
    CONDITIONS_SLUG,
    FEATURED_PRODUCTS_SLUG,
    article_page_type_ensure,
    content_sync,
)
from backend.product.models import Product
from tests import factories
from tests.fixtures.content import write_article

PT = "physical-therapy-for-sciatica"


@pytest.fixture
def synced(demo_store, db, content_dir):
    """Sync the committed articles (from a temporary copy) once."""
    content_sync()
    return content_dir


def snapshot():
    """Return every row a sync may write, in a comparable form."""
    return (
        list(PageType.objects.order_by("pk").values()),
        list(AttributePage.objects.order_by("pk").values()),
        list(Page.objects.order_by("pk").values()),
        list(Article.objects.order_by("pk").values()),
        list(ArticleSource.objects.order_by("pk").values()),
        list(AssignedPageAttributeValue.objects.order_by("pk").values()),
    )


def run_command(*arguments):
    out = io.StringIO()
    call_command("sync_content", "--no-progress", *arguments, stdout=out)
    return out.getvalue().splitlines()


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def page_conditions(page):
    return list(
        AssignedPageAttributeValue.objects.filter(
            page=page, value__attribute__slug=CONDITIONS_SLUG
        )
        .order_by("sort_order")
        .values_list("value__slug", flat=True)
    )


def test_first_sync_creates_every_article_as_a_published_article_page(
    demo_store, db, content_dir
):
    lines = run_command()

    assert lines[-1] == "7 changed (7 created, 0 updated, 0 unchanged)"
    assert f"{PT}: created" in lines
    page = Page.objects.get(slug=PT)
    assert (page.page_type.slug, page.is_published, page.title) == (
        "article",
        True,
        "Physical Therapy for Sciatica",
    )
    assert page.published_at.isoformat() == "2026-10-01T00:00:00+00:00"
    assert page.article.reviewer_name == "Priya Raman, PT, DPT"
    assert [source.publisher for source in page.article.sources.all()][:2] == [
        "NHS",
        "National Institute for Health and Care Excellence (NICE)",
    ]
    assert page_conditions(page) == ["sciatica", "low-back-pain", "herniated-disc"]


def test_second_sync_prints_zero_changed_and_writes_nothing(synced):
    before = snapshot()

    lines = run_command()

    assert lines[-1] == "0 changed (0 created, 0 updated, 7 unchanged)"
    assert snapshot() == before


def test_a_changed_file_updates_only_its_article_and_names_the_fields(synced):
    edit(synced / f"{PT}.md", "summary: How a physical", "summary: Why a physical")

    lines = run_command()

    assert f"{PT}: updated (summary, content_hash)" in lines
    assert lines[-1] == "1 changed (0 created, 1 updated, 6 unchanged)"
    assert Article.objects.get(page__slug=PT).summary.startswith("Why a physical")


def test_a_title_change_also_updates_the_articles_that_link_to_it(synced):
    edit(synced / f"{PT}.md", "title: Physical Therapy", "title: Physiotherapy")

    lines = run_command()

    assert f"{PT}: updated (title, content, content_hash)" not in lines
    assert f"{PT}: updated (title, content_hash)" in lines
    assert (
        "exercises-for-sciatica: updated (content, body_html, word_count, content_hash)"
        in lines
    )
    exercises = Article.objects.get(page__slug="exercises-for-sciatica")
    assert ">Physiotherapy for Sciatica</a>" in exercises.body_html


def test_dry_run_prints_what_would_change_and_writes_nothing(synced):
    edit(synced / f"{PT}.md", "summary: How a physical", "summary: Why a physical")
    before = snapshot()

    lines = run_command("--dry-run")

    assert f"{PT}: would be updated (summary, content_hash)" in lines
    assert lines[-1] == (
        "Dry run, nothing written: 1 changed (0 created, 1 updated, 6 unchanged)"
    )
    assert snapshot() == before


def test_dry_run_on_an_empty_database_creates_nothing(demo_store, db, content_dir):
    lines = run_command("--dry-run")

    assert f"{PT}: would be created" in lines
    assert not Page.objects.exists()
    assert not PageType.objects.filter(slug="article").exists()


def test_a_broken_file_stops_the_command_naming_file_and_line_and_changes_nothing(
    synced,
):
    edit(synced / f"{PT}.md", "summary: How a physical", "summary: Why a physical")
    edit(
        synced / "tens-for-sciatica.md",
        'therapy="electrotherapy"',
        'therapy="magnets"',
    )
    before = snapshot()

    with pytest.raises(CommandError) as caught:
        run_command()

    # Django prints "CommandError: <message>" and exits with this code.
    assert caught.value.returncode == 1
    assert str(caught.value) == (
        f"{synced}/tens-for-sciatica.md:112: shop block: "
        'therapy "magnets" is not a value of therapy'
    )
    assert snapshot() == before


def test_the_command_exits_non_zero_with_one_line_for_a_broken_file(
    db, empty_content_dir
):
    # A condition no store has: the same error whether the command's database
    # holds the demo (this module's demo_store) or not.
    write_article(
        empty_content_dir,
        "broken",
        body="Text.\n\n::: shop\n",
        conditions="no-such-condition",
    )
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
        f"/{database['NAME']}"
    )

    result = subprocess.run(
        [sys.executable, "manage.py", "sync_content", "--no-progress"],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": url,
            "CONTENT_DIR": str(empty_content_dir.parent),
        },
        timeout=120,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"CommandError: {empty_content_dir}/broken.md:10: front matter "
        '"conditions": "no-such-condition" is not a value of the conditions attribute'
    )


def test_a_broken_file_on_a_fresh_database_creates_nothing(demo_store, db, content_dir):
    edit(content_dir / "sciatica-massage.md", "[[heat-or-ice-for-sciatica]]", "[[hot]]")

    with pytest.raises(ContentError) as caught:
        content_sync()

    assert str(caught.value) == (
        f'{content_dir}/sciatica-massage.md:101: [[hot]] links to no article "hot"'
    )
    assert not Page.objects.exists()
    assert not Article.objects.exists()


def test_a_slug_taken_by_another_page_type_rolls_back_everything(
    demo_store, db, content_dir
):
    factories.PageFactory(
        slug="tens-for-sciatica", page_type=factories.PageTypeFactory(slug="landing")
    )
    before = snapshot()

    with pytest.raises(ContentError) as caught:
        content_sync()

    assert str(caught.value) == (
        f"{content_dir}/tens-for-sciatica.md: slug "
        '"tens-for-sciatica" is taken by a page of type "landing"'
    )
    assert snapshot() == before
    assert not PageType.objects.filter(slug="article").exists()


def test_merchandiser_featured_products_survive_a_resync(synced):
    page = Page.objects.get(slug=PT)
    featured = Attribute.objects.get(slug=FEATURED_PRODUCTS_SLUG)
    product = Product.objects.get(slug="moist-heat-pack")
    (value,) = attribute_assignment_values(
        attribute=featured,
        assignment=AttributeAssignment(
            attribute_id=featured.pk, reference_ids=(product.pk,)
        ),
        owner_key=str(page.pk),
    )
    tag = AssignedPageAttributeValue.objects.create(page=page, value=value)
    edit(synced / f"{PT}.md", "## The bottom line", "## In short")

    lines = run_command()

    assert (
        f"{PT}: updated (content, body_markdown, body_html, headings, word_count, "
        "content_hash)"
    ) in lines
    assert list(
        AssignedPageAttributeValue.objects.filter(
            page=page, value__attribute=featured
        ).values_list("pk", "value__reference_product__slug")
    ) == [(tag.pk, "moist-heat-pack")]


def test_staff_condition_edits_stay_until_the_file_changes_its_conditions(synced):
    page = Page.objects.get(slug=PT)
    AssignedPageAttributeValue.objects.filter(
        page=page, value__slug="herniated-disc"
    ).delete()
    edit(synced / f"{PT}.md", "summary: How a physical", "summary: Why a physical")
    run_command()
    assert page_conditions(page) == ["sciatica", "low-back-pain"]

    edit(
        synced / f"{PT}.md",
        "conditions: [sciatica, low-back-pain, herniated-disc]",
        "conditions: [herniated-disc, sciatica]",
    )
    lines = run_command()

    assert f"{PT}: updated (conditions, content_hash)" in lines
    assert page_conditions(page) == ["herniated-disc", "sciatica"]


def test_an_article_staff_unpublished_stays_unpublished_after_resync(synced):
    Page.objects.filter(slug=PT).update(is_published=False)
    edit(synced / f"{PT}.md", "summary: How a physical", "summary: Why a physical")

    run_command()

    assert Page.objects.get(slug=PT).is_published is False


def test_two_articles_can_swap_places_in_a_series_in_one_sync(synced):
    edit(synced / f"{PT}.md", "  order: 1", "  order: 2")
    edit(synced / "exercises-for-sciatica.md", "  order: 2", "  order: 1")

    run_command()

    assert list(
        Article.objects.filter(series_order__in=(1, 2))
        .order_by("series_order")
        .values_list("page__slug", flat=True)
    ) == ["exercises-for-sciatica", PT]


def test_an_article_without_a_file_is_reported_and_left_as_it_is(synced):
    write_article(synced, "retired-article")
    run_command()
    (synced / "retired-article.md").unlink()

    lines = run_command()

    assert "retired-article: no file; left as it is" in lines
    assert lines[-1] == "0 changed (0 created, 0 updated, 7 unchanged)"
    assert Page.objects.filter(slug="retired-article").exists()


def test_the_celery_task_syncs_and_is_safe_to_run_twice(demo_store, db, content_dir):
    tasks.content_sync.apply().get()
    before = snapshot()

    tasks.content_sync.apply().get()

    assert Page.objects.filter(page_type__slug="article").count() == 7
    assert snapshot() == before


def test_the_article_page_type_shares_the_products_conditions_attribute(demo_store, db):
    product_conditions = Attribute.objects.get(slug=CONDITIONS_SLUG)

    article_page_type_ensure()
    page_type = article_page_type_ensure()

    assert PageType.objects.filter(slug="article").count() == 1
    attributes = list(
        page_type.page_attributes.order_by("attributepage__sort_order").values_list(
            "pk", "slug", "input_type", "entity_type"
        )
    )
    assert attributes == [
        (
            Attribute.objects.get(slug=FEATURED_PRODUCTS_SLUG).pk,
            FEATURED_PRODUCTS_SLUG,
            AttributeInputType.REFERENCE,
            "Product",
        ),
        (product_conditions.pk, CONDITIONS_SLUG, AttributeInputType.MULTISELECT, None),
    ]


def test_the_progress_bar_goes_to_stderr_and_the_report_to_stdout(
    demo_store, db, content_dir, capsys
):
    out = io.StringIO()

    call_command("sync_content", stdout=out)

    assert "Syncing articles" in capsys.readouterr().err
    assert "Syncing articles" not in out.getvalue()
