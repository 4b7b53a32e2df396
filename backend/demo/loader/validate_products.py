"""Check products.yaml: products, their attributes, variants, prices, stock."""

from pathlib import Path

from .checks import SEO_KEYS, TRANSLATABLE, Check, display_path, read_yaml

PRODUCT_KEYS = {
    "slug",
    "name",
    "product_type",
    "category",
    "collections",
    "description",
    "attributes",
    "variants",
    "image",
    "rating",
    "weight_grams",
    "translations",
    *SEO_KEYS,
}
VARIANT_KEYS = {
    "sku",
    "name",
    "attributes",
    "price",
    "cost",
    "prior_price",
    "weight_grams",
    "stock",
    "track_inventory",
    "translations",
}


def _attribute_value(where: Check, attribute: dict, value):
    """Return the value in the shape the loader assigns it."""
    slug, input_type = attribute["slug"], attribute["input_type"]
    if input_type in {"dropdown", "swatch"}:
        if value not in attribute["value_slugs"]:
            where.fail(f'{slug}: "{value}" is not one of the attribute\'s values')
        return [value]
    if input_type == "multiselect":
        if not isinstance(value, list) or not value:
            where.fail(f"{slug} must be a list of value slugs")
        for item in value:
            if item not in attribute["value_slugs"]:
                where.fail(f'{slug}: "{item}" is not one of the attribute\'s values')
        return list(value)
    if input_type == "numeric":
        return where.number(value, slug)
    if input_type == "boolean":
        if not isinstance(value, bool):
            where.fail(f"{slug} {value!r} must be true or false")
        return value
    if input_type == "rich-text":
        return where.editorjs(value, slug)
    if input_type == "plain-text":
        if not isinstance(value, str | int) or not str(value).strip():
            where.fail(f"{slug} {value!r} must be non-empty text")
        return str(value).strip()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        where.fail(f"{slug} must be a list of product slugs")
    return list(value)


def _attributes(where: Check, entry: dict, allowed: list[str], attributes: dict):
    given = entry.get("attributes") or {}
    if not isinstance(given, dict):
        where.fail("attributes must map attribute slugs to values")
    values = {}
    for slug, value in given.items():
        if slug not in allowed:
            where.fail(f'attribute "{slug}" is not one of its product type\'s')
        values[slug] = _attribute_value(where, attributes[slug], value)
    return values


def _variant(where: Check, variant: dict, product_type: dict, context: dict):
    where.keys(
        variant, required={"sku", "name", "price", "stock"}, optional=VARIANT_KEYS
    )
    where.text(variant, "sku", max_length=255)
    where.text(variant, "name", max_length=255)
    variant["attribute_values"] = _attributes(
        where, variant, product_type["variant_attributes"], context["attributes"]
    )
    variant["price"] = where.decimal(variant, "price")
    variant["cost"] = where.decimal(variant, "cost", required=False)
    variant["prior_price"] = where.decimal(variant, "prior_price", required=False)
    where.integer(variant, "weight_grams")
    variant["track_inventory"] = where.boolean(variant, "track_inventory", default=True)
    stock = variant["stock"]
    if not isinstance(stock, dict):
        where.fail("stock must map warehouse slugs to quantities")
    for warehouse in stock:
        if warehouse not in context["warehouses"]:
            where.fail(f'stock: warehouse "{warehouse}" is not in warehouses.yaml')
        where.integer(stock, warehouse, required=True)
    translations = where.translations(variant, {"name"})
    for code, fields in translations.items():
        if "name" not in fields:
            where.at(f"translation {code!r}").fail('"name" is missing')


def products_validate(
    *,
    directory: Path,
    attributes: dict,
    product_types: dict,
    categories: set[str],
    collections: set[str],
    warehouses: set[str],
    check_image,
) -> list[dict]:
    """Return the checked products, or raise DemoDataError naming the problem."""
    path = directory / "products.yaml"
    items = read_yaml(path, "products")
    check = Check(display_path(path))
    context = {"attributes": attributes, "warehouses": warehouses}
    slugs: set = set()
    skus: set = set()
    for entry in items:
        where = check.at(f'product "{entry.get("slug")}"')
        where.keys(
            entry,
            required={"slug", "name", "product_type", "category", "variants", "image"},
            optional=PRODUCT_KEYS,
        )
        slug = where.slug(entry)
        if slug in slugs:
            check.fail(f'product "{slug}" is given twice')
        slugs.add(slug)
        where.text(entry, "name")
        _seo_check(where, entry)
        product_type = product_types.get(entry["product_type"])
        if product_type is None:
            where.fail(
                f'product_type "{entry["product_type"]}" is not in product_types.yaml'
            )
        if entry["category"] not in categories:
            where.fail(f'category "{entry["category"]}" is not in categories.yaml')
        for collection in where.slugs(entry, "collections"):
            if collection not in collections:
                where.fail(f'collection "{collection}" is not in collections.yaml')
        if "description" in entry:
            where.editorjs(entry["description"])
        if "rating" in entry:
            rating = where.number(entry["rating"], "rating")
            if not 0 <= rating <= 5:
                where.fail(f"rating {entry['rating']} is not between 0 and 5")
        where.integer(entry, "weight_grams")
        check_image(where.at("image"), directory, entry["image"])
        where.translations(entry, TRANSLATABLE)
        entry["attribute_values"] = _attributes(
            where, entry, product_type["product_attributes"], attributes
        )
        variants = entry["variants"]
        if not isinstance(variants, list) or not variants:
            where.fail("variants must be a non-empty list")
        if not product_type["has_variants"] and len(variants) > 1:
            where.fail(f'product type "{product_type["slug"]}" has a single variant')
        for variant in variants:
            at_variant = where.at(f'variant "{variant.get("sku")}"')
            _variant(at_variant, variant, product_type, context)
            if variant["sku"] in skus:
                at_variant.fail("the SKU is given twice")
            skus.add(variant["sku"])
    for entry in items:
        where = check.at(f'product "{entry["slug"]}"')
        for slug, value in entry["attribute_values"].items():
            if attributes[slug]["input_type"] == "reference":
                for target in value:
                    if target not in slugs or target == entry["slug"]:
                        where.fail(f'{slug}: "{target}" is not another product')
    return items


def _seo_check(where: Check, entry: dict) -> None:
    where.text(entry, "seo_title", required=False, max_length=70)
    where.text(entry, "seo_description", required=False, max_length=300)
