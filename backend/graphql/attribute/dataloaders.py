"""Per-request loaders of attributes, their values and translations.

The assignment loaders take a batch of product (or variant) ids and return
each one's attributes in the product type's order, with the values
assigned, in a fixed number of queries (two for products, three for
variants) however many ids the batch holds. Loaded attributes and values
are registered as siblings, so their translations load in one query too.

The variant loader also loads the variants of every product a list in the
request returned, so the variants of a page of products (each product's
own ``productVariants`` connection) cost three queries in all. A list that
knows other variants it will show can add them with
``VariantAttributesByVariantIdLoader(info).expect(variant_ids)``.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from backend.attribute import models
from backend.product.models import Product, ProductVariant

from ..core import dataloaders as core_dataloaders
from ..core.catalog_rows import CatalogRowsCached
from ..core.dataloaders import DataLoader, register_siblings


@dataclass
class AttributeAssignment:
    """One attribute of a product, variant or page, with its values."""

    attribute: models.Attribute
    values: list[models.AttributeValue] = field(default_factory=list)
    variant_selection: bool = False
    # The channel that referenced products are read in.
    channel_slug: str | None = None


def _assignments(
    attribute_links, assigned_rows, owner_ids, type_of_owner, info
) -> dict[int, list[AttributeAssignment]]:
    """Join type-level attribute links with the values each owner holds."""
    attributes: dict[int, models.Attribute] = {}
    links_by_type = defaultdict(list)
    for link in attribute_links:
        attribute = attributes.setdefault(link.attribute_id, link.attribute)
        links_by_type[link.product_type_id].append(
            (attribute, getattr(link, "variant_selection", False))
        )
    values_by_owner: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    values: dict[int, models.AttributeValue] = {}
    for owner_id, value in assigned_rows:
        value = values.setdefault(value.pk, value)
        attribute = attributes.get(value.attribute_id)
        if attribute is None:
            # A value of an attribute the type no longer has: not shown.
            continue
        value.attribute = attribute
        values_by_owner[owner_id][value.attribute_id].append(value)
    register_siblings(info, attributes.values())
    register_siblings(info, values.values())
    result = {}
    for owner_id in owner_ids:
        owned = values_by_owner.get(owner_id, {})
        result[owner_id] = [
            AttributeAssignment(
                attribute=attribute,
                values=list(owned.get(attribute.pk, [])),
                variant_selection=variant_selection,
            )
            for attribute, variant_selection in links_by_type.get(
                type_of_owner.get(owner_id), []
            )
        ]
    return result


class ProductAttributesByProductLoader(DataLoader):
    """Key: (product id, product type id); value: list of assignments."""

    context_key = "attribute_assignments_by_product"

    def batch_load(self, keys):
        type_of_product = dict(keys)
        links = (
            models.AttributeProduct.objects.filter(
                product_type_id__in=set(type_of_product.values())
            )
            .select_related("attribute")
            .order_by("sort_order", "pk")
        )
        rows = (
            models.AssignedProductAttributeValue.objects.filter(
                product_id__in=list(type_of_product)
            )
            .select_related("value")
            .order_by("sort_order", "pk")
        )
        found = _assignments(
            links,
            [(row.product_id, row.value) for row in rows],
            list(type_of_product),
            type_of_product,
            self.info,
        )
        return [found[product_id] for product_id, _ in keys]


class VariantAttributesByVariantIdLoader(CatalogRowsCached, DataLoader):
    """Key: variant id; value: list of assignments (variant_selection set)."""

    context_key = "attribute_assignments_by_variant"

    def setup(self, *args):
        self.expected: set[int] = set()

    def expect(self, variant_ids) -> None:
        """Load these variants too with the next batch."""
        self.expected.update(variant_ids)

    def load_many(self, keys):
        keys = list(keys)
        if any(key not in self.cache for key in keys) and self.expected:
            keys_to_load = [key for key in self.expected if key not in self.cache]
            self.expected = set()
            super().load_many(keys_to_load)
        return super().load_many(keys)

    def batch_load(self, keys):
        # Variants of every product listed in this request load together,
        # so a page of products pays once for all its variants' attributes.
        listed = listed_product_ids(self.info)
        type_of_variant = dict(
            ProductVariant.objects.filter(
                Q(pk__in=keys) | Q(product_id__in=listed)
            ).values_list("pk", "product__product_type_id")
        )
        variant_ids = list(dict.fromkeys([*keys, *type_of_variant]))
        links = (
            models.AttributeVariant.objects.filter(
                product_type_id__in=set(type_of_variant.values())
            )
            .select_related("attribute")
            .order_by("sort_order", "pk")
        )
        rows = (
            models.AssignedVariantAttributeValue.objects.filter(
                variant_id__in=variant_ids
            )
            .select_related("value")
            .order_by("sort_order", "pk")
        )
        found = _assignments(
            links,
            [(row.variant_id, row.value) for row in rows],
            variant_ids,
            type_of_variant,
            self.info,
        )
        for variant_id, assignments in found.items():
            self.cache.setdefault(variant_id, assignments)
        return [found[key] for key in keys]

    def rows_from_cache(self, values):
        # As _assignments() does: their translations then load in one batch.
        assignments = [a for assignments in values for a in assignments]
        register_siblings(
            self.info, {a.attribute.pk: a.attribute for a in assignments}.values()
        )
        register_siblings(self.info, [v for a in assignments for v in a.values])


def listed_product_ids(info) -> set[int]:
    """Return the ids of the products that lists in this request returned."""
    context = getattr(info, "context", info)
    registry = getattr(context, core_dataloaders._SIBLINGS_ATTR, None)
    product_ids = set()
    for group in (registry or {}).get("groups", []):
        for item in group:
            node = getattr(item, "node", item)
            if isinstance(node, Product):
                product_ids.add(node.pk)
    return product_ids


class PageAttributesByPageLoader(DataLoader):
    """Key: (page id, page type id); value: list of assignments."""

    context_key = "attribute_assignments_by_page"

    def batch_load(self, keys):
        type_of_page = dict(keys)
        links = (
            models.AttributePage.objects.filter(
                page_type_id__in=set(type_of_page.values())
            )
            .select_related("attribute")
            .order_by("sort_order", "pk")
        )
        for link in links:
            # The page type plays the product type's part in the join.
            link.product_type_id = link.page_type_id
        rows = (
            models.AssignedPageAttributeValue.objects.filter(
                page_id__in=list(type_of_page)
            )
            .select_related("value")
            .order_by("sort_order", "pk")
        )
        found = _assignments(
            links,
            [(row.page_id, row.value) for row in rows],
            list(type_of_page),
            type_of_page,
            self.info,
        )
        return [found[page_id] for page_id, _ in keys]


class AttributeTranslationLoader(DataLoader):
    """Key: attribute id; extra argument: the stored language code."""

    context_key = "attribute_translation"

    def setup(self, language_code):
        self.language_code = language_code

    def batch_load(self, keys):
        found = {
            translation.attribute_id: translation
            for translation in models.AttributeTranslation.objects.filter(
                attribute_id__in=keys, language_code=self.language_code
            )
        }
        return [found.get(key) for key in keys]


class AttributeValueTranslationLoader(CatalogRowsCached, DataLoader):
    """Key: attribute value id; extra argument: the stored language code."""

    context_key = "attribute_value_translation"

    def setup(self, language_code):
        self.language_code = language_code

    def batch_load(self, keys):
        found = {
            translation.attribute_value_id: translation
            for translation in models.AttributeValueTranslation.objects.filter(
                attribute_value_id__in=keys, language_code=self.language_code
            )
        }
        return [found.get(key) for key in keys]


class ChoicesByAttributeIdLoader(DataLoader):
    """Key: attribute id; value: the attribute's values in their order."""

    context_key = "attribute_choices"

    def batch_load(self, keys):
        attributes = models.Attribute.objects.in_bulk(keys)
        found = defaultdict(list)
        values = models.AttributeValue.objects.filter(attribute_id__in=keys).order_by(
            "attribute_id", "sort_order", "pk"
        )
        for value in values:
            value.attribute = attributes[value.attribute_id]
            found[value.attribute_id].append(value)
        register_siblings(self.info, [v for group in found.values() for v in group])
        return [found[key] for key in keys]
