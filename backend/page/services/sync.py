"""Bring the article files into the database.

The files own each article's text and metadata (Page title, slug, content,
SEO fields, publication date; every Article field; its sources). The
database owns the rest: the Featured products references, whether a page is
published after its creation, and the Conditions attribute once set, which
a sync changes only when the file's own list of conditions changes.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from backend.attribute.models import AssignedPageAttributeValue, AttributeValue
from backend.core import cache_versions
from backend.core.files import progress_bar
from backend.product.models import Product

from ..content import ContentCatalog, ContentError, RenderedArticle, articles_read
from ..models import Article, ArticleSource, Page, PageType
from .article_page_type import (
    ARTICLE_PAGE_TYPE_SLUG,
    CONDITIONS_SLUG,
    THERAPY_SLUG,
    article_page_type_ensure,
)
from .search import page_search_vector_update

PAGE_FIELDS = ("title", "content", "seo_title", "seo_description", "published_at")
ARTICLE_FIELDS = (
    "source_path",
    "summary",
    "author_name",
    "reviewer_name",
    "reviewed_on",
    "series_slug",
    "series_order",
    "hero_image",
    "hero_image_alt",
    "conditions",
    "body_markdown",
    "body_html",
    "headings",
    "shop_blocks",
    "word_count",
    "content_hash",
)


@dataclass(frozen=True)
class ArticleChange:
    slug: str
    action: str  # "created", "updated" or "unchanged"
    fields: tuple[str, ...] = ()


@dataclass
class ContentSyncReport:
    dry_run: bool
    changes: list[ArticleChange] = field(default_factory=list)
    # Article pages in the database with no file; left as they are.
    without_file: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for change in self.changes if change.action == action)

    @property
    def changed(self) -> int:
        return self.count("created") + self.count("updated")

    def lines(self) -> list[str]:
        """Return the report a person reads: one line per article, then totals."""
        verb = {"created": "created", "updated": "updated", "unchanged": "unchanged"}
        if self.dry_run:
            verb = {
                "created": "would be created",
                "updated": "would be updated",
                "unchanged": "unchanged",
            }
        lines = []
        for change in self.changes:
            line = f"{change.slug}: {verb[change.action]}"
            if change.fields:
                line += f" ({', '.join(change.fields)})"
            lines.append(line)
        lines.extend(f"{slug}: no file; left as it is" for slug in self.without_file)
        prefix = "Dry run, nothing written: " if self.dry_run else ""
        lines.append(
            f"{prefix}{self.changed} changed ({self.count('created')} created, "
            f"{self.count('updated')} updated, {self.count('unchanged')} unchanged)"
        )
        return lines


@dataclass(frozen=True)
class _Planned:
    rendered: RenderedArticle
    page: Page | None
    change: ArticleChange


def content_catalog() -> ContentCatalog:
    """Return the product and value slugs article files may name."""
    values = AttributeValue.objects.filter(
        attribute__slug__in=(CONDITIONS_SLUG, THERAPY_SLUG)
    ).values_list("attribute__slug", "slug")
    by_attribute: dict[str, set[str]] = {CONDITIONS_SLUG: set(), THERAPY_SLUG: set()}
    for attribute_slug, value_slug in values:
        by_attribute[attribute_slug].add(value_slug)
    return ContentCatalog(
        product_slugs=frozenset(Product.objects.values_list("slug", flat=True)),
        condition_slugs=frozenset(by_attribute[CONDITIONS_SLUG]),
        therapy_slugs=frozenset(by_attribute[THERAPY_SLUG]),
    )


def content_sync(
    *,
    articles_dir: Path | None = None,
    dry_run: bool = False,
    progress: bool = False,
) -> ContentSyncReport:
    """Check every article file, then write the changed ones in one transaction.

    Raises ContentError, having written nothing, when any file is bad.
    """
    articles_dir = Path(articles_dir or Path(settings.CONTENT_DIR) / "articles")
    rendered = articles_read(articles_dir=articles_dir, catalog=content_catalog())
    report = ContentSyncReport(dry_run=dry_run)
    if dry_run:
        plan = _plan(rendered, lock=False)
        report.changes = [item.change for item in plan]
        report.without_file = _without_file(rendered)
        return report
    with transaction.atomic():
        page_type = article_page_type_ensure()
        # One sync at a time: a second waits here, then finds nothing to do.
        PageType.objects.select_for_update().get(pk=page_type.pk)
        plan = _plan(rendered, lock=True)
        with progress_bar(
            total=len(plan), enabled=progress, desc="Syncing articles", unit="article"
        ) as bar:
            for item in plan:
                _apply(item, page_type)
                bar.update(1)
        report.changes = [item.change for item in plan]
        report.without_file = _without_file(rendered)
    return report


def _without_file(rendered: list[RenderedArticle]) -> list[str]:
    slugs = {article.front.slug for article in rendered}
    return sorted(
        Page.objects.filter(page_type__slug=ARTICLE_PAGE_TYPE_SLUG)
        .exclude(slug__in=slugs)
        .values_list("slug", flat=True)
    )


def _plan(rendered: list[RenderedArticle], *, lock: bool) -> list[_Planned]:
    pages = Page.objects.filter(
        slug__in=[article.front.slug for article in rendered]
    ).select_related("page_type")
    if lock:
        pages = pages.select_for_update(of=("self",))
    by_slug = {page.slug: page for page in pages}
    articles = {
        article.page_id: article
        for article in Article.objects.filter(
            page_id__in=[page.pk for page in by_slug.values()]
        ).prefetch_related("sources")
    }
    plan = []
    for item in rendered:
        page = by_slug.get(item.front.slug)
        if page is None:
            change = ArticleChange(slug=item.front.slug, action="created")
        else:
            if page.page_type.slug != ARTICLE_PAGE_TYPE_SLUG:
                raise ContentError(
                    item.label,
                    None,
                    f'slug "{page.slug}" is taken by a page of type '
                    f'"{page.page_type.slug}"',
                )
            fields = _changed_fields(item, page, articles.get(page.pk))
            change = ArticleChange(
                slug=item.front.slug,
                action="updated" if fields else "unchanged",
                fields=fields,
            )
        plan.append(_Planned(rendered=item, page=page, change=change))
    return plan


def _page_values(item: RenderedArticle) -> dict:
    front = item.front
    return {
        "title": front.title,
        "content": item.content,
        "seo_title": front.seo_title,
        "seo_description": front.seo_description,
        "published_at": datetime.datetime.combine(
            front.published, datetime.time(), tzinfo=datetime.UTC
        ),
    }


def _article_values(item: RenderedArticle) -> dict:
    front = item.front
    return {
        "source_path": item.label,
        "summary": front.summary,
        "author_name": front.author,
        "reviewer_name": front.reviewer_name,
        "reviewed_on": front.reviewed_on,
        "series_slug": front.series_slug,
        "series_order": front.series_order,
        "hero_image": front.hero_image,
        "hero_image_alt": front.hero_image_alt,
        "conditions": list(front.conditions),
        "body_markdown": item.body_markdown,
        "body_html": item.body_html,
        "headings": item.headings,
        "shop_blocks": item.shop_blocks,
        "word_count": item.word_count,
        "content_hash": item.content_hash,
    }


def _source_rows(item: RenderedArticle) -> list[tuple]:
    return [
        (source.title, source.publisher, source.url, source.accessed_on)
        for source in item.front.sources
    ]


def _changed_fields(
    item: RenderedArticle, page: Page, article: Article | None
) -> tuple[str, ...]:
    fields = [
        name
        for name, value in _page_values(item).items()
        if getattr(page, name) != value
    ]
    if article is None:
        return (*fields, "article")
    fields += [
        name
        for name, value in _article_values(item).items()
        if getattr(article, name) != value
    ]
    current_sources = [
        (source.title, source.publisher, source.url, source.accessed_on)
        for source in article.sources.all()
    ]
    if current_sources != _source_rows(item):
        fields.append("sources")
    return tuple(fields)


def _apply(item: _Planned, page_type: PageType) -> None:
    if item.change.action == "unchanged":
        return
    # Only a change moves versions: an idle sync keeps every cached page.
    rendered, page = item.rendered, item.page
    now = timezone.now()
    if page is None:
        # Published on creation; after that, publishing is the staff's call.
        page = Page.objects.create(
            page_type=page_type,
            slug=rendered.front.slug,
            is_published=True,
            **_page_values(rendered),
        )
    else:
        page_changes = {
            name: value
            for name, value in _page_values(rendered).items()
            if name in item.change.fields
        }
        for name, value in page_changes.items():
            setattr(page, name, value)
        if page_changes:
            page.save(update_fields=list(page_changes))
    article = Article.objects.filter(page=page).first()
    conditions_changed = article is None or article.conditions != list(
        rendered.front.conditions
    )
    article_values = _article_values(rendered)
    if article is None:
        article = Article.objects.create(page=page, synced_at=now, **article_values)
    else:
        changed = [name for name in ARTICLE_FIELDS if name in item.change.fields]
        for name in changed:
            setattr(article, name, article_values[name])
        article.synced_at = now
        article.save(update_fields=[*changed, "synced_at"])
    if (
        item.page is None
        or "sources" in item.change.fields
        or ("article" in item.change.fields)
    ):
        _sources_set(article, rendered)
    if conditions_changed:
        _page_conditions_set(page, rendered.front.conditions)
    page_search_vector_update(page_ids=[page.pk])
    # The summary, hero, series and search vector are what listings show.
    cache_versions.page_edited([page.pk], listed=True)


def _sources_set(article: Article, rendered: RenderedArticle) -> None:
    article.sources.all().delete()
    ArticleSource.objects.bulk_create(
        ArticleSource(
            article=article,
            sort_order=index,
            title=title,
            publisher=publisher,
            url=url,
            accessed_on=accessed_on,
        )
        for index, (title, publisher, url, accessed_on) in enumerate(
            _source_rows(rendered)
        )
    )


def _page_conditions_set(page: Page, slugs: tuple[str, ...]) -> None:
    """Replace the page's Conditions values with the file's, in its order."""
    values = {
        value.slug: value
        for value in AttributeValue.objects.filter(
            attribute__slug=CONDITIONS_SLUG, slug__in=slugs
        )
    }
    AssignedPageAttributeValue.objects.filter(
        page=page, value__attribute__slug=CONDITIONS_SLUG
    ).delete()
    AssignedPageAttributeValue.objects.bulk_create(
        AssignedPageAttributeValue(page=page, value=values[slug], sort_order=index)
        for index, slug in enumerate(slugs)
    )
