"""What an article may name: other articles, products, attribute values."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ContentCatalog:
    """The slugs a sync checks article files against."""

    # Article slug -> title, from every file's front matter.
    article_titles: dict[str, str] = field(default_factory=dict)
    product_slugs: frozenset[str] = frozenset()
    condition_slugs: frozenset[str] = frozenset()
    therapy_slugs: frozenset[str] = frozenset()
