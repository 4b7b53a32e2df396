"""Turn an article file into what the database stores."""

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .catalog import ContentCatalog
from .errors import ContentError
from .front_matter import FrontMatter, SplitFile, file_split, front_matter_parse
from .markdown import BodyError
from .sanitize import html_sanitize, html_text

# Bump when the rendering changes, so the next sync re-renders every article.
RENDERER_VERSION = "1"
EDITORJS_VERSION = "2.24.3"


@dataclass(frozen=True)
class RenderedArticle:
    front: FrontMatter
    label: str
    body_markdown: str
    body_html: str
    # Saleor's Page.content: an Editor.js document of the same body.
    content: dict
    headings: list[dict]
    shop_blocks: list[dict]
    word_count: int
    content_hash: str


def article_front_matter(
    *, path: Path, label: str, catalog: ContentCatalog, articles_dir: Path
) -> tuple[SplitFile, FrontMatter]:
    """Return the file's parts and checked front matter."""
    split = file_split(path=path, label=label)
    front = front_matter_parse(
        split=split, catalog=catalog, articles_dir=articles_dir, expected_slug=path.stem
    )
    return split, front


def article_body_render(
    *, split: SplitFile, front: FrontMatter, catalog: ContentCatalog, md: MarkdownIt
) -> RenderedArticle:
    """Render the body, or raise ContentError naming the file line."""
    env = {
        "catalog": catalog,
        "line_offset": split.body_first_line,
        "shop_blocks": [],
        "red_flags": [],
        "headings": [],
        "linked": {},
    }
    try:
        tokens = md.parse(split.body, env)
    except BodyError as error:
        raise ContentError(
            split.label, split.body_first_line + error.line, error.problem
        ) from None
    if not env["red_flags"]:
        raise ContentError(
            split.label,
            split.body_first_line,
            "the body has no '::: red-flags' callout; every article needs one",
        )
    if len(env["red_flags"]) > 1:
        raise ContentError(
            split.label,
            split.body_first_line + env["red_flags"][1],
            "a second red-flags callout; an article has exactly one",
        )
    blocks = [_editorjs_block(chunk, md, env) for chunk in _top_level_chunks(tokens)]
    body_html = "".join(html for _, html in blocks)
    digest = hashlib.sha256()
    for part in (
        RENDERER_VERSION,
        split.front_matter,
        split.body,
        json.dumps(env["linked"], sort_keys=True),
    ):
        digest.update(part.encode("utf-8") + b"\0")
    return RenderedArticle(
        front=front,
        label=split.label,
        body_markdown=split.body,
        body_html=body_html,
        content={
            "time": _epoch_ms(front),
            "blocks": [block for block, _ in blocks],
            "version": EDITORJS_VERSION,
        },
        headings=env["headings"],
        shop_blocks=env["shop_blocks"],
        word_count=len(html_text(body_html).split()),
        content_hash=digest.hexdigest(),
    )


def _epoch_ms(front: FrontMatter) -> int:
    moment = datetime.datetime.combine(
        front.published, datetime.time(), tzinfo=datetime.UTC
    )
    return int(moment.timestamp() * 1000)


def _top_level_chunks(tokens: list[Token]) -> list[list[Token]]:
    """Split the token stream into its top-level blocks."""
    chunks, current, depth = [], [], 0
    for token in tokens:
        current.append(token)
        depth += token.nesting
        if depth == 0:
            chunks.append(current)
            current = []
    return chunks


def _editorjs_block(chunk: list[Token], md: MarkdownIt, env: dict) -> tuple[dict, str]:
    """Return an Editor.js block for the chunk and its sanitised HTML."""
    html = html_sanitize(md.renderer.render(chunk, md.options, env))
    first = chunk[0]
    if first.type == "heading_open":
        text = html_sanitize(
            md.renderer.renderInline(chunk[1].children or [], md.options, env)
        )
        block = {
            "id": first.attrGet("id"),
            "type": "header",
            "data": {"text": text, "level": int(first.tag[1])},
        }
    elif first.type == "paragraph_open":
        text = html_sanitize(
            md.renderer.renderInline(chunk[1].children or [], md.options, env)
        )
        block = {"type": "paragraph", "data": {"text": text}}
    else:
        # Lists, tables, callouts and shop placeholders keep their HTML.
        block = {"type": "raw", "data": {"html": html.strip()}}
    return block, html
