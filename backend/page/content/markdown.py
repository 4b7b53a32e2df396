"""The Markdown dialect of article bodies, built on markdown-it-py.

CommonMark plus tables, with raw HTML turned off (a writer's ``<script>``
becomes text), and three additions:
- ``[[slug]]`` / ``[[slug|text]]`` link to another article;
- ``::: shop ...`` on a line of its own becomes a shop-block placeholder;
- ``::: red-flags`` ... ``:::`` becomes a callout that cannot be dismissed.
Problems raise BodyError with the 0-based body line; the renderer turns
that into a file line.
"""

import re

from django.utils.text import slugify
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline

from .blocks import DirectiveError, shop_arguments_parse

WIKILINK_RE = re.compile(r"\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]")
SHOP_RE = re.compile(r"^:::\s*shop(?:\s+(.*))?$")
RED_FLAGS_RE = re.compile(r"^:::\s*red-flags\s*$")
CLOSE_RE = re.compile(r"^:::\s*$")
# Paragraphs a shop block must follow: readers get the point before a sale.
PARAGRAPHS_BEFORE_SHOP = 2
TOC_LEVELS = {2, 3}
PARENT_RED_FLAGS = "red_flags"


class BodyError(Exception):
    def __init__(self, line: int, problem: str):
        self.line = line
        self.problem = problem
        super().__init__(problem)


def _line_text(state: StateBlock, line: int) -> str:
    start = state.bMarks[line] + state.tShift[line]
    return state.src[start : state.eMarks[line]].rstrip()


def _is_code(state: StateBlock, line: int) -> bool:
    return state.sCount[line] - state.blkIndent >= 4


def _shop_rule(state: StateBlock, start_line: int, end_line: int, silent: bool):
    if _is_code(state, start_line):
        return False
    match = SHOP_RE.match(_line_text(state, start_line))
    if not match:
        return False
    if silent:
        return True
    if state.parentType == PARENT_RED_FLAGS:
        raise BodyError(
            start_line, "a shop block cannot sit inside the red-flags callout"
        )
    paragraphs = sum(1 for token in state.tokens if token.type == "paragraph_open")
    if paragraphs < PARAGRAPHS_BEFORE_SHOP:
        raise BodyError(
            start_line,
            f"a shop block must come after the first {PARAGRAPHS_BEFORE_SHOP} "
            "paragraphs",
        )
    try:
        spec = shop_arguments_parse(
            text=match.group(1) or "", catalog=state.env["catalog"]
        )
    except DirectiveError as error:
        raise BodyError(start_line, f"shop block: {error}") from None
    blocks = state.env["shop_blocks"]
    spec = {"index": len(blocks), "line": state.env["line_offset"] + start_line, **spec}
    blocks.append(spec)
    token = state.push("shop_block", "div", 0)
    token.block = True
    token.map = [start_line, start_line + 1]
    token.meta = {"index": spec["index"]}
    state.line = start_line + 1
    return True


def _red_flags_rule(state: StateBlock, start_line: int, end_line: int, silent: bool):
    if _is_code(state, start_line):
        return False
    if not RED_FLAGS_RE.match(_line_text(state, start_line)):
        return False
    if silent:
        return True
    if state.parentType == PARENT_RED_FLAGS:
        raise BodyError(start_line, "a red-flags callout cannot hold another")
    close_line = next(
        (
            line
            for line in range(start_line + 1, end_line)
            if CLOSE_RE.match(_line_text(state, line)) and not _is_code(state, line)
        ),
        None,
    )
    if close_line is None:
        raise BodyError(start_line, "the red-flags callout is never closed with ':::'")
    if all(not _line_text(state, line) for line in range(start_line + 1, close_line)):
        raise BodyError(start_line, "the red-flags callout is empty")
    state.env["red_flags"].append(start_line)
    token = state.push("red_flags_open", "aside", 1)
    token.block = True
    token.map = [start_line, close_line + 1]
    token.attrs = {"class": "red-flags", "role": "note"}
    old_parent, old_line_max = state.parentType, state.lineMax
    state.parentType = PARENT_RED_FLAGS
    state.lineMax = close_line
    state.md.block.tokenize(state, start_line + 1, close_line)
    state.parentType, state.lineMax = old_parent, old_line_max
    token = state.push("red_flags_close", "aside", -1)
    token.block = True
    state.line = close_line + 1
    return True


def _stray_directive_rule(state: StateBlock, start_line: int, end_line: int, silent):
    if _is_code(state, start_line):
        return False
    text = _line_text(state, start_line)
    if not text.startswith(":::"):
        return False
    if CLOSE_RE.match(text):
        raise BodyError(start_line, "':::' closes no red-flags callout")
    raise BodyError(
        start_line, f"unknown directive {text!r} (use '::: shop' or '::: red-flags')"
    )


def _wikilink_check(state: StateCore) -> None:
    """Refuse a link to an article that does not exist, naming its line."""
    titles = state.env["catalog"].article_titles
    for token in state.tokens:
        if token.type != "inline" or "[[" not in token.content:
            continue
        for match in WIKILINK_RE.finditer(token.content):
            line = token.map[0] + token.content[: match.start()].count("\n")
            slug = match.group(1).strip()
            if slug not in titles:
                raise BodyError(line, f'[[{slug}]] links to no article "{slug}"')
            if match.group(2) is not None and not match.group(2).strip():
                raise BodyError(line, f"[[{slug}|...]] has empty link text")
            state.env["linked"][slug] = titles[slug]


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    match = WIKILINK_RE.match(state.src, state.pos)
    titles = state.env["catalog"].article_titles
    if not match or match.group(1).strip() not in titles:
        return False
    if not silent:
        slug = match.group(1).strip()
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": f"/articles/{slug}/"}
        token = state.push("text", "", 0)
        token.content = (match.group(2) or titles[slug]).strip()
        state.push("link_close", "a", -1)
    state.pos = match.end()
    return True


def _headings(state: StateCore) -> None:
    """Give each heading an id and collect the table of contents."""
    taken: set[str] = set()
    for index, token in enumerate(state.tokens):
        if token.type != "heading_open":
            continue
        if token.tag == "h1":
            raise BodyError(
                token.map[0],
                "use ## and ### for headings; the title is the page's only #",
            )
        inline = state.tokens[index + 1]
        text = "".join(
            child.content
            for child in inline.children or []
            if child.type in {"text", "code_inline"}
        ).strip()
        base = slugify(text) or "section"
        anchor, suffix = base, 2
        while anchor in taken:
            anchor, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(anchor)
        token.attrSet("id", anchor)
        level = int(token.tag[1])
        if level in TOC_LEVELS:
            state.env["headings"].append({"level": level, "id": anchor, "text": text})


def _render_shop_block(renderer, tokens, index, options, env) -> str:
    return f'<div data-shop-block="{int(tokens[index].meta["index"])}"></div>\n'


def article_markdown() -> MarkdownIt:
    """Return a parser of the article dialect (cheap; make one per sync)."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    terminates = {"alt": ["paragraph", "reference", "blockquote", "list"]}
    md.block.ruler.before("fence", "red_flags", _red_flags_rule, terminates)
    md.block.ruler.before("fence", "shop_block", _shop_rule, terminates)
    md.block.ruler.after(
        "shop_block", "stray_directive", _stray_directive_rule, terminates
    )
    md.inline.ruler.before("link", "wikilink", _wikilink_rule)
    md.core.ruler.after("block", "wikilink_check", _wikilink_check)
    md.core.ruler.after("inline", "headings", _headings)
    md.add_render_rule("shop_block", _render_shop_block)
    return md
