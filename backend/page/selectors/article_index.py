"""The choices of the article index's condition filter."""

from backend.attribute.models import AttributeValue

from ..services.article_page_type import CONDITIONS_SLUG
from .articles import articles_published


def article_condition_choices() -> list[tuple[str, str]]:
    """Return (slug, name) of the conditions published articles cover (1 query)."""
    values = (
        AttributeValue.objects.filter(
            attribute__slug=CONDITIONS_SLUG,
            pagevalueassignment__page__in=articles_published().values("pk"),
        )
        .distinct()
        .order_by("name", "slug")
        .values_list("slug", "name")
    )
    return list(values)
