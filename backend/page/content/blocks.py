"""The ``::: shop`` directive: its arguments and the block spec it stores.

A spec is stored as a plain dict on the article (JSON) so that selectors,
the API and the storefront read one shape:
``{"index", "line", "title", "products", "condition", "therapy",
"in_stock", "fast_shipping", "limit"}``; ``products`` is a list of slugs
for a curated block and empty for a rule block.
"""

import re

from .catalog import ContentCatalog

ARGUMENT_RE = re.compile(r'\s*([a-z][a-z-]*)(?:=(?:"([^"]*)"|([^\s"]+)))?')
FLAGS = {"in-stock", "fast-shipping"}
QUOTED = {"products", "condition", "therapy", "title"}
LIMIT_MAX = 12
TITLE_MAX = 200


class DirectiveError(Exception):
    """A directive is malformed; the caller adds file and line."""


def shop_arguments_parse(*, text: str, catalog: ContentCatalog) -> dict:
    """Return the block spec the directive's arguments describe."""
    arguments: dict[str, str | bool] = {}
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = ARGUMENT_RE.match(text, position)
        if not match or match.end() == position:
            raise DirectiveError(f"cannot read shop arguments at {text[position:]!r}")
        key, quoted, bare = match.groups()
        position = match.end()
        if key in arguments:
            raise DirectiveError(f'"{key}" is given twice')
        if key in FLAGS:
            if quoted is not None or bare is not None:
                raise DirectiveError(f'"{key}" is a flag and takes no value')
            arguments[key] = True
        elif key in QUOTED:
            if quoted is None:
                raise DirectiveError(
                    f'{key} needs a value in double quotes: {key}="..."'
                )
            arguments[key] = quoted.strip()
        elif key == "limit":
            if bare is None or not bare.isdigit():
                raise DirectiveError("limit needs a whole number: limit=3")
            arguments[key] = bare
        else:
            raise DirectiveError(
                f'unknown shop argument "{key}" (use products, condition, therapy, '
                "in-stock, fast-shipping, limit, title)"
            )
    return _spec(arguments, catalog)


def _spec(arguments: dict, catalog: ContentCatalog) -> dict:
    products = [
        slug.strip()
        for slug in str(arguments.get("products", "")).split(",")
        if slug.strip()
    ]
    condition = arguments.get("condition") or None
    therapy = arguments.get("therapy") or None
    if "products" in arguments and not products:
        raise DirectiveError("products lists no product slugs")
    if products and (condition or therapy):
        raise DirectiveError(
            "a shop block lists products or gives a rule (condition, therapy), not both"
        )
    if not products and not (condition or therapy):
        raise DirectiveError(
            'a shop block needs products="..." or a rule: condition="..." '
            'and/or therapy="..."'
        )
    for slug in products:
        if slug not in catalog.product_slugs:
            raise DirectiveError(f'product "{slug}" does not exist')
    if len(set(products)) != len(products):
        raise DirectiveError("products names a product twice")
    if condition and condition not in catalog.condition_slugs:
        raise DirectiveError(f'condition "{condition}" is not a value of conditions')
    if therapy and therapy not in catalog.therapy_slugs:
        raise DirectiveError(f'therapy "{therapy}" is not a value of therapy')
    limit = int(arguments["limit"]) if "limit" in arguments else None
    if limit is not None and not 1 <= limit <= LIMIT_MAX:
        raise DirectiveError(f"limit must be between 1 and {LIMIT_MAX}")
    title = arguments.get("title") or None
    if title is not None and len(title) > TITLE_MAX:
        raise DirectiveError(f"title is longer than {TITLE_MAX} characters")
    return {
        "title": title,
        "products": products,
        "condition": condition,
        "therapy": therapy,
        "in_stock": bool(arguments.get("in-stock")),
        "fast_shipping": bool(arguments.get("fast-shipping")),
        "limit": limit,
    }
