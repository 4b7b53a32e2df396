"""Education articles: the index, an article page and its hero image."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from backend.core import cache_versions
from backend.page.selectors import (
    article_series,
    article_shop_blocks,
    articles_published,
)
from backend.page.selectors.article_index import article_condition_choices

from ..article_forms import ArticleFilterForm
from ..article_page import (
    END_BLOCK_NUMBER,
    article_body,
    article_hero_url,
    article_structured_data,
    shown_block,
)
from ..page_cache import (
    CachedPage,
    cache_marked,
    cached_page_response,
    known_query,
    page_lookup,
    page_render,
    page_store,
    query_parts,
    reader_fill,
    reader_messages_pending,
    shared_context,
)
from ..seo import PageMeta, absolute_url
from .comments import comment_context

# Hero images change only with a new sync; a day is a safe cache.
HERO_MAX_AGE = 60 * 60 * 24
INDEX_DESCRIPTION = (
    "Physiotherapy guides to sciatica and low back pain, reviewed by "
    "clinicians: exercises, massage, heat, TENS and when to see a doctor."
)


# What the article index reads from its query string.
INDEX_PARAMETERS = ("condition",)


def article_index_page_parts(request) -> tuple[str, ...]:
    return query_parts(request.GET, INDEX_PARAMETERS)


def article_page_parts(request, slug) -> tuple[str, ...]:
    return (settings.DEFAULT_CHANNEL_SLUG, slug)


@require_safe
def article_index(request):
    parts = article_index_page_parts(request)
    request.GET = known_query(request.GET, INDEX_PARAMETERS)
    return cached_page_response(
        request, "article_index", parts, lambda: _article_index_page(request)
    )


def _article_index_page(request) -> CachedPage:
    form = ArticleFilterForm(request.GET, condition_choices=article_condition_choices())
    articles = list(articles_published(condition=form.chosen_condition))
    context = {
        "form": form,
        "articles": articles,
        "meta": PageMeta(
            title="Sciatica and back pain articles | Lumbar",
            description=INDEX_DESCRIPTION,
            canonical_url=absolute_url(reverse("storefront:article_index")),
        ),
        **shared_context(),
    }
    return CachedPage.rendered(
        html=render_to_string("content/index.html", context, request=request)
    )


@require_safe
def article_detail(request, slug):
    channel_slug = settings.DEFAULT_CHANNEL_SLUG
    messages_pending = reader_messages_pending(request)
    lookup = page_lookup(
        "article", *article_page_parts(request, slug), cached=not messages_pending
    )
    page = lookup.page
    if page is None:
        page, names = page_render(lambda: _article_page(request, channel_slug, slug))
        # The comment thanks shows in the comments: such a page is not kept.
        if not messages_pending:
            page_store(lookup, page, channel_slug=channel_slug, names=names)
    return cache_marked(HttpResponse(reader_fill(page.html, request)), lookup)


def _article_page(request, channel_slug: str, slug: str) -> CachedPage:
    """Render the article as every reader sees it; 404 if it is not published."""
    page = articles_published().filter(slug=slug).first()
    if page is None:
        raise Http404("No such article.")
    cache_versions.depends_on(cache_versions.page(page.pk))
    article = page.article
    blocks = article_shop_blocks(pages=[page], channel_slug=channel_slug)[page.pk]
    url = absolute_url(reverse("storefront:article", args=[page.slug]))
    hero_url = article_hero_url(page)
    context = {
        "page": page,
        "article": article,
        "body": article_body(
            body_html=article.body_html, article_slug=page.slug, blocks=blocks
        ),
        "end_block": shown_block(
            block=blocks.end, article_slug=page.slug, number=END_BLOCK_NUMBER
        ),
        "sources": list(article.sources.all()),
        "series": article_series(page=page),
        "hero_url": hero_url,
        "structured_data": article_structured_data(page=page, url=url),
        **comment_context(page),
        "meta": PageMeta(
            title=page.seo_title or f"{page.title} | Lumbar",
            description=page.seo_description or article.summary,
            canonical_url=url,
            image_url=absolute_url(hero_url),
            og_type="article",
        ),
        **shared_context(),
    }
    deadlines = [
        item.delivery_line_until
        for block in (*blocks.inline.values(), blocks.end)
        for item in block.items
        if item.delivery_line_until is not None
    ]
    return CachedPage.rendered(
        html=render_to_string("content/article.html", context, request=request),
        # Block delivery dates change at the first of their order-by deadlines.
        valid_until=min(deadlines, default=None),
    )


@require_safe
def article_hero(request, slug):
    """Serve the article's hero image from the content folder."""
    page = articles_published().filter(slug=slug).first()
    if page is None:
        raise Http404("No such article.")
    articles_dir = (Path(settings.CONTENT_DIR) / "articles").resolve()
    path = (articles_dir / page.article.hero_image).resolve()
    if not path.is_relative_to(articles_dir) or not path.is_file():
        raise Http404("The article has no hero image.")
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    response = FileResponse(path.open("rb"), content_type=content_type)
    response["Cache-Control"] = f"public, max-age={HERO_MAX_AGE}"
    return response
