"""Check every catalog file before anything is written.

Each check raises DemoDataError naming the file, the entry and the problem,
so a bad file never leaves a half-loaded store behind.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django_countries import countries
from PIL import Image, UnidentifiedImageError

from backend.core.permissions import STAFF_GROUPS

from .checks import SEO_KEYS, TRANSLATABLE, Check, display_path, read_yaml
from .validate_products import products_validate
from .validate_shipping import (
    SCHEDULE_KEYS,
    shipping_validate,
    warehouse_schedule_validate,
)
from .vouchers import vouchers_validate

CHOICE_TYPES = {"dropdown", "multiselect", "swatch"}
INPUT_TYPES = CHOICE_TYPES | {
    "numeric",
    "boolean",
    "rich-text",
    "plain-text",
    "reference",
}
ATTRIBUTE_OPTIONS = {
    "storefront_search_position",
    "filterable_in_storefront",
    "filterable_in_dashboard",
    "visible_in_storefront",
    "value_required",
    "available_in_grid",
}
HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class Catalog:
    """The checked contents of every catalog file."""

    directory: Path
    channels: list[dict]
    warehouses: list[dict]
    shipping_zones: list[dict]
    attributes: list[dict]
    product_types: list[dict]
    categories: list[dict]
    collections: list[dict]
    products: list[dict]
    menus: list[dict]
    users: list[dict]
    vouchers: list[dict] = field(default_factory=list)


def _file(directory: Path, name: str, top_key: str) -> tuple[list[dict], Check]:
    path = directory / name
    return read_yaml(path, top_key), Check(display_path(path))


def _unique(check: Check, seen: set, value: str, what: str) -> None:
    if value in seen:
        check.fail(f'{what} "{value}" is given twice')
    seen.add(value)


def _seo(check: Check, entry: dict) -> None:
    check.text(entry, "seo_title", required=False, max_length=70)
    check.text(entry, "seo_description", required=False, max_length=300)


def _channels(directory: Path) -> list[dict]:
    items, check = _file(directory, "channels.yaml", "channels")
    seen: set = set()
    for entry in items:
        where = check.at(f'channel "{entry.get("slug")}"')
        where.keys(
            entry,
            required={"slug", "name", "currency", "default_country"},
            optional={"is_active"},
        )
        _unique(check, seen, where.slug(entry), "channel")
        where.text(entry, "name")
        if not re.match(r"^[A-Z]{3}$", str(entry["currency"])):
            where.fail(f'currency "{entry["currency"]}" is not a 3-letter code')
        if entry["default_country"] not in dict(countries):
            where.fail(f'default_country "{entry["default_country"]}" is unknown')
        entry["is_active"] = where.boolean(entry, "is_active", default=True)
    if not items:
        check.fail("at least one channel is needed")
    return items


def _warehouses(directory: Path, channel_slugs: set[str]) -> list[dict]:
    items, check = _file(directory, "warehouses.yaml", "warehouses")
    seen: set = set()
    address_keys = {
        "street_address_1",
        "street_address_2",
        "city",
        "postal_code",
        "country",
        "country_area",
        "phone",
    }
    for entry in items:
        where = check.at(f'warehouse "{entry.get("slug")}"')
        where.keys(
            entry,
            required={"slug", "name", "address", "channels"},
            optional={"company_name", "email", *SCHEDULE_KEYS},
        )
        warehouse_schedule_validate(where, entry)
        _unique(check, seen, where.slug(entry), "warehouse")
        where.text(entry, "name")
        for slug in where.slugs(entry, "channels"):
            if slug not in channel_slugs:
                where.fail(f'channel "{slug}" is not in channels.yaml')
        address = entry["address"]
        at_address = where.at("address")
        at_address.keys(
            address,
            required={"street_address_1", "city", "postal_code", "country"},
            optional=address_keys,
        )
        for key in address:
            at_address.text(address, key)
        if address["country"] not in dict(countries):
            at_address.fail(f'country "{address["country"]}" is unknown')
    return items


def _attributes(directory: Path) -> list[dict]:
    items, check = _file(directory, "attributes.yaml", "attributes")
    seen: set = set()
    for entry in items:
        where = check.at(f'attribute "{entry.get("slug")}"')
        where.keys(
            entry,
            required={"slug", "name", "input_type"},
            optional={"values", "translations", "entity_type", "unit"}
            | ATTRIBUTE_OPTIONS,
        )
        _unique(check, seen, where.slug(entry), "attribute")
        where.text(entry, "name")
        input_type = entry["input_type"]
        if input_type not in INPUT_TYPES:
            where.fail(
                f'input_type "{input_type}" is not one of '
                + ", ".join(sorted(INPUT_TYPES))
            )
        if input_type == "reference" and entry.get("entity_type") != "Product":
            where.fail('a reference attribute needs entity_type "Product"')
        if "storefront_search_position" in entry:
            where.integer(entry, "storefront_search_position")
        for option in ATTRIBUTE_OPTIONS - {"storefront_search_position"}:
            if option in entry:
                where.boolean(entry, option)
        where.translations(entry, {"name"})
        values = entry.get("values") or []
        if input_type in CHOICE_TYPES and not values:
            where.fail("a choice attribute needs values")
        if input_type not in CHOICE_TYPES and values:
            where.fail(f"a {input_type} attribute takes no list of values")
        value_slugs: set = set()
        for value in values:
            at_value = where.at(f'value "{value.get("slug")}"')
            at_value.keys(
                value, required={"slug", "name"}, optional={"value", "translations"}
            )
            _unique(where, value_slugs, at_value.slug(value), "value")
            at_value.text(value, "name")
            if input_type == "swatch" and not HEX_COLOR.match(str(value.get("value"))):
                at_value.fail(f'swatch value {value.get("value")!r} is not "#rrggbb"')
            at_value.translations(value, {"name"})
        entry["value_slugs"] = value_slugs
    return items


def _product_types(directory: Path, attributes: dict[str, dict]) -> list[dict]:
    items, check = _file(directory, "product_types.yaml", "product_types")
    seen: set = set()
    for entry in items:
        where = check.at(f'product type "{entry.get("slug")}"')
        where.keys(
            entry,
            required={"slug", "name", "product_attributes", "variant_attributes"},
            optional={"has_variants", "weight_grams", "variant_selection"},
        )
        _unique(check, seen, where.slug(entry), "product type")
        where.text(entry, "name")
        where.integer(entry, "weight_grams")
        entry["has_variants"] = where.boolean(entry, "has_variants", default=True)
        for key in ("product_attributes", "variant_attributes", "variant_selection"):
            for slug in where.slugs(entry, key):
                if slug not in attributes:
                    where.fail(f'{key}: attribute "{slug}" is not in attributes.yaml')
        for slug in entry.get("variant_selection", []):
            if slug not in entry["variant_attributes"]:
                where.fail(f'variant_selection: "{slug}" is not a variant attribute')
    return items


def _categories(directory: Path) -> list[dict]:
    items, check = _file(directory, "categories.yaml", "categories")
    seen: set = set()

    def visit(entries: list, parent: str | None) -> None:
        if not isinstance(entries, list):
            check.fail(f'children of "{parent}" must be a list')
        for entry in entries:
            where = check.at(f'category "{entry.get("slug")}"')
            where.keys(
                entry,
                required={"slug", "name"},
                optional={"description", "translations", "children", "background_image"}
                | SEO_KEYS,
            )
            _unique(check, seen, where.slug(entry), "category")
            if "background_image" in entry:
                _image(
                    where.at("background_image"), directory, entry["background_image"]
                )
            where.text(entry, "name")
            _seo(where, entry)
            if "description" in entry:
                where.editorjs(entry["description"])
            where.translations(entry, TRANSLATABLE)
            entry["parent"] = parent
            visit(entry.get("children") or [], entry["slug"])

    visit(items, None)
    return items


def _collections(directory: Path) -> list[dict]:
    items, check = _file(directory, "collections.yaml", "collections")
    seen: set = set()
    for entry in items:
        where = check.at(f'collection "{entry.get("slug")}"')
        where.keys(
            entry,
            required={"slug", "name"},
            optional={"description", "translations", "background_image"} | SEO_KEYS,
        )
        _unique(check, seen, where.slug(entry), "collection")
        if "background_image" in entry:
            _image(where.at("background_image"), directory, entry["background_image"])
        where.text(entry, "name")
        _seo(where, entry)
        if "description" in entry:
            where.editorjs(entry["description"])
        where.translations(entry, TRANSLATABLE)
    return items


def _image(where: Check, directory: Path, image: dict) -> None:
    where.keys(image, required={"file", "alt"})
    where.text(image, "alt")
    path = directory / str(image["file"])
    if not path.is_file():
        where.fail(f'image file "{image["file"]}" is missing')
    try:
        with Image.open(path) as picture:
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        where.fail(f'image file "{image["file"]}" is not a readable image')
    image["path"] = path


def _staff(directory: Path) -> list[dict]:
    items, check = _file(directory, "staff.yaml", "users")
    seen: set = set()
    for entry in items:
        where = check.at(f'user "{entry.get("email")}"')
        where.keys(
            entry,
            required={"email", "password"},
            optional={"first_name", "last_name", "superuser", "groups"},
        )
        if not EMAIL.match(str(entry["email"])):
            where.fail(f'email "{entry["email"]}" is not an email address')
        _unique(check, seen, entry["email"].lower(), "user")
        password = entry["password"]
        if not isinstance(password, str) or len(password) < 8:
            where.fail("password must be text of at least 8 characters")
        entry["superuser"] = where.boolean(entry, "superuser", default=False)
        for name in entry.get("groups", []):
            if name not in STAFF_GROUPS:
                where.fail(
                    f'group "{name}" is not one of {", ".join(sorted(STAFF_GROUPS))}'
                )
    return items


def _menus(directory: Path, categories: set[str], collections: set[str]):
    items, check = _file(directory, "menus.yaml", "menus")
    seen: set = set()

    def visit(where: Check, entries: list) -> None:
        if not isinstance(entries, list):
            where.fail("items must be a list")
        names: set = set()
        for entry in entries:
            at_item = where.at(f'item "{entry.get("name")}"')
            at_item.keys(
                entry,
                required={"name"},
                optional={"category", "collection", "url", "children", "translations"},
            )
            _unique(where, names, at_item.text(entry, "name", max_length=128), "item")
            links = [key for key in ("category", "collection", "url") if key in entry]
            if len(links) > 1:
                at_item.fail("an item links to one of category, collection or url")
            if "category" in entry and entry["category"] not in categories:
                at_item.fail(
                    f'category "{entry["category"]}" is not in categories.yaml'
                )
            if "collection" in entry and entry["collection"] not in collections:
                at_item.fail(
                    f'collection "{entry["collection"]}" is not in collections.yaml'
                )
            at_item.translations(entry, {"name"})
            visit(at_item, entry.get("children") or [])

    for entry in items:
        where = check.at(f'menu "{entry.get("slug")}"')
        where.keys(entry, required={"slug", "name", "items"})
        _unique(check, seen, where.slug(entry), "menu")
        where.text(entry, "name")
        visit(where, entry["items"])
    return items


def catalog_validate(*, catalog_dir: Path) -> Catalog:
    """Return the checked catalog, or raise DemoDataError on the first problem."""
    directory = Path(catalog_dir)
    if not directory.is_dir():
        Check(display_path(directory)).fail("the catalog directory does not exist")
    channels = _channels(directory)
    channel_slugs = {entry["slug"] for entry in channels}
    warehouses = _warehouses(directory, channel_slugs)
    shipping_zones = shipping_validate(directory=directory, channel_slugs=channel_slugs)
    attributes = _attributes(directory)
    attributes_by_slug = {entry["slug"]: entry for entry in attributes}
    product_types = _product_types(directory, attributes_by_slug)
    categories = _categories(directory)
    collections = _collections(directory)
    category_slugs = set()
    stack = list(categories)
    while stack:
        entry = stack.pop()
        category_slugs.add(entry["slug"])
        stack.extend(entry.get("children") or [])
    collection_slugs = {entry["slug"] for entry in collections}
    products = products_validate(
        directory=directory,
        attributes=attributes_by_slug,
        product_types={entry["slug"]: entry for entry in product_types},
        categories=category_slugs,
        collections=collection_slugs,
        warehouses={entry["slug"] for entry in warehouses},
        check_image=_image,
    )
    menus = _menus(directory, category_slugs, collection_slugs)
    users = _staff(directory)
    vouchers = vouchers_validate(directory=directory, channel_slugs=channel_slugs)
    return Catalog(
        directory=directory,
        channels=channels,
        warehouses=warehouses,
        shipping_zones=shipping_zones,
        attributes=attributes,
        product_types=product_types,
        categories=categories,
        collections=collections,
        products=products,
        menus=menus,
        users=users,
        vouchers=vouchers,
    )
