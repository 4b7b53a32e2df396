"""Categories: a tree of products."""

from typing import Any

from django.db import transaction

from backend.core.cache_versions import CATALOG, bump

from ..models import Category
from .common import apply_changes, error, plain_text_of, require_name, slug_for
from .media import image_check
from .search import product_search_vector_update

CATEGORY_FIELDS = {
    "name",
    "slug",
    "description",
    "seo_title",
    "seo_description",
    "background_image",
    "background_image_alt",
    "metadata",
    "private_metadata",
}


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - CATEGORY_FIELDS
    if unknown:
        raise error(sorted(unknown)[0], "Unknown category field.", "INVALID")
    if "name" in fields:
        fields["name"] = require_name(fields["name"])
    if "description" in fields:
        fields["description_plaintext"] = plain_text_of(fields["description"])
    if fields.get("background_image") is not None:
        image_check(image=fields["background_image"], field_name="backgroundImage")
    return fields


@transaction.atomic
def category_create(
    *, name: str, parent: Category | None = None, slug: str | None = None, **fields: Any
) -> Category:
    """Create a category, at the root or under a parent."""
    bump(CATALOG)
    fields = _clean_fields({"name": name, **fields})
    fields["slug"] = slug_for(model=Category, name=fields["name"], slug=slug)
    image = fields.pop("background_image", None)
    if parent is not None:
        parent = Category.objects.select_for_update().get(pk=parent.pk)
    category = Category(parent=parent, **fields)
    if image is not None:
        category.background_image.save(image.name or "background", image, save=False)
    category.save()
    return category


@transaction.atomic
def category_update(*, category: Category, **fields: Any) -> Category:
    """Change a category's fields."""
    bump(CATALOG)
    category = Category.objects.select_for_update().get(pk=category.pk)
    fields = _clean_fields(fields)
    if "slug" in fields:
        fields["slug"] = slug_for(
            model=Category,
            name=fields.get("name", category.name),
            slug=fields["slug"],
            instance_pk=category.pk,
        )
    image = fields.pop("background_image", None)
    changed = apply_changes(category, fields)
    if image is not None:
        category.background_image.save(image.name or "background", image, save=False)
        changed.append("background_image")
    if changed:
        # The tree fields move with the name (insertion order), so save whole.
        category.save()
    if "name" in changed:
        product_search_vector_update(
            product_ids=category.products.values_list("pk", flat=True)
        )
    return category


@transaction.atomic
def category_delete(*, category: Category) -> Category:
    """Delete a category and its subtree; its products lose their category."""
    bump(CATALOG)
    category = Category.objects.select_for_update().get(pk=category.pk)
    deleted_id = category.pk
    category.delete()
    category.id = deleted_id
    return category
