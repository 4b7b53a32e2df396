"""Where shop blocks sit in a stored article body."""

import re

SHOP_BLOCK_RE = re.compile(r'<div data-shop-block="(\d+)"></div>\n?')


def body_html_parts(body_html: str) -> list[str | int]:
    """Split the body into HTML strings and shop block indexes, in order."""
    parts: list[str | int] = []
    position = 0
    for match in SHOP_BLOCK_RE.finditer(body_html):
        if match.start() > position:
            parts.append(body_html[position : match.start()])
        parts.append(int(match.group(1)))
        position = match.end()
    if position < len(body_html):
        parts.append(body_html[position:])
    return parts
