"""Split an article file and check its YAML front matter.

Every error names the file, the line of the offending key and the key,
so a writer can jump straight to it.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from backend.core.yaml_text import yaml_compose, yaml_safe_load

from .catalog import ContentCatalog
from .errors import ContentError

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DELIMITER = "---"
SUMMARY_MAX = 300
SEO_TITLE_MAX = 70
SEO_DESCRIPTION_MAX = 160
TEXT_MAX = 250
SOURCE_TITLE_MAX = 500
REQUIRED_KEYS = {
    "title",
    "slug",
    "summary",
    "published",
    "author",
    "reviewer",
    "conditions",
    "series",
    "sources",
    "seo",
    "hero",
}


@dataclass(frozen=True)
class ArticleSourceData:
    title: str
    publisher: str
    url: str
    accessed_on: datetime.date


@dataclass(frozen=True)
class FrontMatter:
    """The checked front matter of one article file."""

    title: str
    slug: str
    summary: str
    published: datetime.date
    author: str
    reviewer_name: str
    reviewed_on: datetime.date
    conditions: tuple[str, ...]
    series_slug: str
    series_order: int
    sources: tuple[ArticleSourceData, ...]
    seo_title: str
    seo_description: str
    hero_image: str
    hero_image_alt: str


@dataclass(frozen=True)
class SplitFile:
    """A file cut into its front matter text and body."""

    label: str
    front_matter: str
    body: str
    # 1-based file line of the body's first line.
    body_first_line: int


def file_split(*, path: Path, label: str) -> SplitFile:
    """Cut the file at its ``---`` lines, or raise ContentError."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError(label, None, "not UTF-8 text") from None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != DELIMITER:
        raise ContentError(label, 1, "the file must start with a '---' line")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == DELIMITER:
            return SplitFile(
                label=label,
                front_matter="".join(lines[1:index]),
                body="".join(lines[index + 1 :]),
                body_first_line=index + 2,
            )
    raise ContentError(label, 1, "the front matter is never closed with '---'")


class _Check:
    """Checks one file's front matter; knows the line of every key."""

    def __init__(self, split: SplitFile):
        self.label = split.label
        self.key_lines: dict[str, int] = {}
        try:
            node = yaml_compose(split.front_matter)
            data = yaml_safe_load(split.front_matter)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 2
            problem = getattr(error, "problem", None) or str(error)
            raise ContentError(
                self.label, line, f"front matter is not valid YAML: {problem}"
            ) from None
        if not isinstance(data, dict):
            raise ContentError(self.label, 2, "front matter must be a mapping of keys")
        self._record_lines(node, "")
        self.data = data

    def _record_lines(self, node: Any, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                path = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
                self.key_lines[path] = key_node.start_mark.line + 2
                self._record_lines(value_node, path)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value, start=1):
                path = f"{prefix}[{index}]"
                self.key_lines[path] = item.start_mark.line + 2
                self._record_lines(item, path)

    def fail(self, key: str, problem: str):
        probe = key
        line = self.key_lines.get(probe)
        while line is None and "." in probe:
            probe = probe.rsplit(".", 1)[0]
            line = self.key_lines.get(probe)
        raise ContentError(self.label, line or 1, f'front matter "{key}": {problem}')

    def mapping(self, value: Any, key: str, keys: set[str]) -> dict:
        if not isinstance(value, dict):
            self.fail(key, f"must be a mapping with {', '.join(sorted(keys))}")
        for name in sorted(keys - set(value)):
            self.fail(key, f'"{name}" is missing')
        for name in sorted(set(value) - keys):
            self.fail(f"{key}.{name}", "unknown key")
        return value

    def text(self, value: Any, key: str, max_length: int = TEXT_MAX) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "must be non-empty text")
        if len(value.strip()) > max_length:
            self.fail(key, f"is {len(value.strip())} characters; at most {max_length}")
        return value.strip()

    def date(self, value: Any, key: str) -> datetime.date:
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            self.fail(key, f"{value!r} is not a date (YYYY-MM-DD)")
        return value

    def slug(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not SLUG_RE.match(value):
            self.fail(
                key, f"{value!r} is not a slug (lower-case letters, digits, hyphens)"
            )
        return value


def front_matter_parse(
    *, split: SplitFile, catalog: ContentCatalog, articles_dir: Path, expected_slug: str
) -> FrontMatter:
    """Return the file's checked front matter, or raise ContentError."""
    check = _Check(split)
    data = check.data
    for key in sorted(REQUIRED_KEYS - set(data)):
        raise ContentError(split.label, 1, f'front matter "{key}" is missing')
    for key in sorted(set(data) - REQUIRED_KEYS):
        check.fail(key, "unknown key")
    slug = check.slug(data["slug"], "slug")
    if slug != expected_slug:
        check.fail("slug", f'"{slug}" must equal the file name "{expected_slug}"')
    reviewer = check.mapping(data["reviewer"], "reviewer", {"name", "reviewed_on"})
    series = check.mapping(data["series"], "series", {"slug", "order"})
    seo = check.mapping(data["seo"], "seo", {"title", "description"})
    hero = check.mapping(data["hero"], "hero", {"image", "alt"})
    order = series["order"]
    if isinstance(order, bool) or not isinstance(order, int) or order < 1:
        check.fail("series.order", f"{order!r} is not a whole number of at least 1")
    return FrontMatter(
        title=check.text(data["title"], "title"),
        slug=slug,
        summary=check.text(data["summary"], "summary", SUMMARY_MAX),
        published=check.date(data["published"], "published"),
        author=check.text(data["author"], "author"),
        reviewer_name=check.text(reviewer["name"], "reviewer.name"),
        reviewed_on=check.date(reviewer["reviewed_on"], "reviewer.reviewed_on"),
        conditions=_conditions(check, data["conditions"], catalog),
        series_slug=check.slug(series["slug"], "series.slug"),
        series_order=order,
        sources=_sources(check, data["sources"]),
        seo_title=check.text(seo["title"], "seo.title", SEO_TITLE_MAX),
        seo_description=check.text(
            seo["description"], "seo.description", SEO_DESCRIPTION_MAX
        ),
        hero_image=_hero_image(check, hero["image"], articles_dir),
        hero_image_alt=check.text(hero["alt"], "hero.alt"),
    )


def _conditions(check: _Check, value: Any, catalog: ContentCatalog) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        check.fail("conditions", "must be a non-empty list of condition slugs")
    for item in value:
        check.slug(item, "conditions")
        if item not in catalog.condition_slugs:
            check.fail(
                "conditions", f'"{item}" is not a value of the conditions attribute'
            )
    if len(set(value)) != len(value):
        check.fail("conditions", "names a condition twice")
    return tuple(value)


def _sources(check: _Check, value: Any) -> tuple[ArticleSourceData, ...]:
    if not isinstance(value, list) or not value:
        check.fail("sources", "must be a non-empty list")
    sources = []
    for index, item in enumerate(value, start=1):
        key = f"sources[{index}]"
        item = check.mapping(item, key, {"title", "publisher", "url", "accessed"})
        url = check.text(item["url"], f"{key}.url", 500)
        if not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", url):
            check.fail(f"{key}.url", f"{url!r} is not an https:// address")
        sources.append(
            ArticleSourceData(
                title=check.text(item["title"], f"{key}.title", SOURCE_TITLE_MAX),
                publisher=check.text(item["publisher"], f"{key}.publisher"),
                url=url,
                accessed_on=check.date(item["accessed"], f"{key}.accessed"),
            )
        )
    return tuple(sources)


def _hero_image(check: _Check, value: Any, articles_dir: Path) -> str:
    path = check.text(value, "hero.image")
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts:
        check.fail("hero.image", f'"{path}" must be a path under content/articles')
    if not (articles_dir / relative).is_file():
        check.fail("hero.image", f'"{path}" does not exist')
    return str(relative)
