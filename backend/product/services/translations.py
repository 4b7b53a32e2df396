"""Catalog translations, one row per object and language."""

from typing import Any

from django.db import models, transaction

from backend.attribute.services import language_code_check
from backend.core.cache_versions import CATALOG, bump

from ..models import (
    Category,
    CategoryTranslation,
    Collection,
    CollectionTranslation,
    Product,
    ProductTranslation,
    ProductVariant,
    ProductVariantTranslation,
)
from .common import error

TRANSLATION_FIELDS = {"name", "slug", "seo_title", "seo_description", "description"}


def _translate(
    model: type[models.Model],
    owner_field: str,
    owner: models.Model,
    language_code: str,
    fields: dict[str, Any],
    allowed: set[str],
):
    language_code_check(language_code)
    unknown = set(fields) - allowed
    if unknown:
        raise error(sorted(unknown)[0], "This field cannot be translated.", "INVALID")
    slug = fields.get("slug")
    if (
        slug
        and model.objects.filter(language_code=language_code, slug=slug)
        .exclude(**{owner_field: owner})
        .exists()
    ):
        raise error("slug", "This slug is taken in this language.", "UNIQUE")
    translation, _ = model.objects.select_for_update().get_or_create(
        language_code=language_code, **{owner_field: owner}
    )
    changed = []
    for name, value in fields.items():
        if getattr(translation, name) != value:
            setattr(translation, name, value)
            changed.append(name)
    if changed:
        translation.save(update_fields=changed)
    return translation


@transaction.atomic
def product_translate(
    *, product: Product, language_code: str, **fields: Any
) -> ProductTranslation:
    """Set a product's name, slug, SEO and description in one language."""
    bump(CATALOG)
    return _translate(
        ProductTranslation,
        "product",
        product,
        language_code,
        fields,
        TRANSLATION_FIELDS,
    )


@transaction.atomic
def product_variant_translate(
    *, variant: ProductVariant, language_code: str, name: str
) -> ProductVariantTranslation:
    """Set a variant's name in one language."""
    bump(CATALOG)
    return _translate(
        ProductVariantTranslation,
        "product_variant",
        variant,
        language_code,
        {"name": name or ""},
        {"name"},
    )


@transaction.atomic
def category_translate(
    *, category: Category, language_code: str, **fields: Any
) -> CategoryTranslation:
    """Set a category's name, slug, SEO and description in one language."""
    bump(CATALOG)
    return _translate(
        CategoryTranslation,
        "category",
        category,
        language_code,
        fields,
        TRANSLATION_FIELDS,
    )


@transaction.atomic
def collection_translate(
    *, collection: Collection, language_code: str, **fields: Any
) -> CollectionTranslation:
    """Set a collection's name, slug, SEO and description in one language."""
    bump(CATALOG)
    return _translate(
        CollectionTranslation,
        "collection",
        collection,
        language_code,
        fields,
        TRANSLATION_FIELDS,
    )
