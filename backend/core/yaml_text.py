"""Read YAML with libyaml's C parser where PyYAML was built with it.

The pure-Python parser takes most of the time spent reading the articles'
front matter and the demo catalog; the C one builds the same values and
reports errors with the same marks.
"""

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_safe_load(stream):
    """Return the document's plain values (mappings, lists, scalars)."""
    return yaml.load(stream, Loader=SafeLoader)  # noqa: S506 - a safe loader


def yaml_compose(stream) -> yaml.Node | None:
    """Return the document's node tree, which keeps each key's line."""
    return yaml.compose(stream, Loader=SafeLoader)
