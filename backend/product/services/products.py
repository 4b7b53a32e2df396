"""Create, change and delete products."""

from typing import Any

from django.db import transaction

from backend.attribute.models import AssignedProductAttributeValue, AttributeValue
from backend.attribute.services import AttributeAssignment
from backend.core import cache_versions
from backend.core.cache_versions import CATALOG, bump

from ..models import Category, Collection, CollectionProduct, Product, ProductType
from .attributes import product_attributes_assign, required_attributes_check
from .common import apply_changes, error, plain_text_of, require_name, slug_for
from .search import product_search_vector_update

# What only the product's own page (and text search) shows of it: a change
# of these alone moves the product's text version, not the catalog's.
TEXT_FIELDS = frozenset(
    {"description", "description_plaintext", "seo_title", "seo_description"}
)
PRODUCT_FIELDS = {
    "name",
    "slug",
    "description",
    "category",
    "seo_title",
    "seo_description",
    "weight_grams",
    "rating",
    "metadata",
    "private_metadata",
    "external_reference",
}


def _clean_fields(fields: dict[str, Any], instance_pk: int | None) -> dict[str, Any]:
    unknown = set(fields) - PRODUCT_FIELDS
    if unknown:
        raise error(sorted(unknown)[0], "Unknown product field.", "INVALID")
    if "name" in fields:
        fields["name"] = require_name(fields["name"])
    if fields.get("weight_grams") is not None and fields["weight_grams"] < 0:
        raise error("weight", "Weight cannot be negative.", "INVALID")
    if fields.get("category") is not None and not isinstance(
        fields["category"], Category
    ):
        raise error("category", "Unknown category.", "NOT_FOUND")
    reference = fields.get("external_reference")
    if (
        reference
        and Product.objects.filter(external_reference=reference)
        .exclude(pk=instance_pk)
        .exists()
    ):
        raise error(
            "externalReference",
            "Product with this External reference already exists.",
            "UNIQUE",
        )
    if "external_reference" in fields and not reference:
        fields["external_reference"] = None
    if "description" in fields:
        fields["description_plaintext"] = plain_text_of(fields["description"])
    return fields


def _add_to_collections(product: Product, collections: list[Collection]) -> None:
    existing = set(
        CollectionProduct.objects.filter(product=product).values_list(
            "collection_id", flat=True
        )
    )
    CollectionProduct.objects.bulk_create(
        [
            CollectionProduct(collection=collection, product=product)
            for collection in collections
            if collection.pk not in existing
        ]
    )


def _search_document(product: Product) -> str:
    values = AttributeValue.objects.filter(
        productvalueassignment__product=product
    ).values_list("name", flat=True)
    parts = [product.name, product.description_plaintext, *values]
    return "\n".join(part for part in parts if part).lower()


@transaction.atomic
def product_create(
    *,
    product_type: ProductType,
    name: str,
    attributes: list[AttributeAssignment] = (),
    collections: list[Collection] = (),
    slug: str | None = None,
    **fields: Any,
) -> Product:
    """Create a product of a product type with its attributes."""
    bump(CATALOG)
    fields = _clean_fields({"name": name, **fields}, None)
    fields["slug"] = slug_for(model=Product, name=fields["name"], slug=slug)
    required_attributes_check(
        product_type=product_type, assignments=list(attributes), variant=False
    )
    product = Product.objects.create(
        product_type=product_type,
        weight_grams=fields.pop("weight_grams", None),
        **fields,
    )
    if attributes:
        product_attributes_assign(product=product, assignments=list(attributes))
    if collections:
        _add_to_collections(product, list(collections))
    product.search_document = _search_document(product)
    product.save(update_fields=["search_document"])
    product_search_vector_update(product_ids=[product.pk])
    return product


@transaction.atomic
def product_update(
    *,
    product: Product,
    attributes: list[AttributeAssignment] | None = None,
    collections: list[Collection] | None = None,
    **fields: Any,
) -> Product:
    """Change a product's fields, attributes and collections.

    A change of its text alone (TEXT_FIELDS) moves the product's text
    version; any other moves the catalog's.
    """
    product = (
        Product.objects.select_for_update()
        .select_related("product_type")
        .get(pk=product.pk)
    )
    fields = _clean_fields(fields, product.pk)
    if "slug" in fields:
        fields["slug"] = slug_for(
            model=Product,
            name=fields.get("name", product.name),
            slug=fields["slug"],
            instance_pk=product.pk,
        )
    if "category" in fields and fields["category"] is not None:
        fields["category_id"] = fields.pop("category").pk
    elif "category" in fields:
        fields["category_id"] = fields.pop("category")
    changed = apply_changes(product, fields)
    if attributes or collections or not TEXT_FIELDS.issuperset(changed):
        bump(CATALOG)
    else:
        bump(cache_versions.product_text(product.pk), cache_versions.PRODUCTS_TEXT)
    if attributes:
        product_attributes_assign(product=product, assignments=list(attributes))
    if collections:
        _add_to_collections(product, list(collections))
    product.search_document = _search_document(product)
    changed.append("search_document")
    product.save(update_fields=[*changed, "updated_at"])
    product_search_vector_update(product_ids=[product.pk])
    return product


@transaction.atomic
def product_delete(*, product: Product) -> Product:
    """Delete a product, its variants and their free-form attribute values."""
    bump(CATALOG)
    product = Product.objects.select_for_update().get(pk=product.pk)
    owned_slugs = [f"product-{product.pk}"] + [
        f"variant-{pk}" for pk in product.variants.values_list("pk", flat=True)
    ]
    AttributeValue.objects.filter(slug__in=owned_slugs).delete()
    AssignedProductAttributeValue.objects.filter(product=product).delete()
    deleted_id = product.pk
    product.delete()
    product.id = deleted_id
    return product


@transaction.atomic
def products_bulk_delete(*, products: list[Product]) -> list[Product]:
    """Delete products one by one through product_delete, all or none."""
    return [product_delete(product=product) for product in products]
