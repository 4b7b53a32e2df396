"""Article files: read, check and render every one before anything is written.

``articles_read`` raises ContentError at the first problem, naming the file,
the line and the problem; it touches no database.
"""

from dataclasses import replace
from pathlib import Path

from backend.core.files import display_path

from .catalog import ContentCatalog
from .errors import ContentError
from .markdown import article_markdown
from .render import RenderedArticle, article_body_render, article_front_matter
from .sanitize import html_sanitize, html_text
from .shop_html import SHOP_BLOCK_RE, body_html_parts

__all__ = [
    "SHOP_BLOCK_RE",
    "ContentCatalog",
    "ContentError",
    "RenderedArticle",
    "articles_read",
    "body_html_parts",
    "display_path",
    "html_sanitize",
    "html_text",
]

# Writers' notes in the folder, not articles.
IGNORED_FILES = {"README.md"}


def article_paths(articles_dir: Path) -> list[Path]:
    """Return the article files of the folder, sorted by name."""
    return sorted(
        path
        for path in articles_dir.glob("*.md")
        if path.name not in IGNORED_FILES and path.is_file()
    )


def articles_read(
    *, articles_dir: Path, catalog: ContentCatalog
) -> list[RenderedArticle]:
    """Return every article of the folder, checked and rendered."""
    if not articles_dir.is_dir():
        raise ContentError(display_path(articles_dir), None, "the folder is missing")
    paths = article_paths(articles_dir)
    fronts = [
        article_front_matter(
            path=path,
            label=display_path(path),
            catalog=catalog,
            articles_dir=articles_dir,
        )
        for path in paths
    ]
    series: dict[tuple[str, int], str] = {}
    for split, front in fronts:
        key = (front.series_slug, front.series_order)
        if key in series:
            raise ContentError(
                split.label,
                None,
                f'series "{front.series_slug}" order {front.series_order} is '
                f"taken by {series[key]}",
            )
        series[key] = split.label
    catalog = replace(
        catalog,
        article_titles={front.slug: front.title for _, front in fronts},
    )
    md = article_markdown()
    return [
        article_body_render(split=split, front=front, catalog=catalog, md=md)
        for split, front in fronts
    ]
