"""Staff writes to warehouses: name, slug, email and a validated address."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify

from backend.account.addresses import address_clean, address_save
from backend.core.cache_versions import CATALOG, bump
from backend.core.promise_version import promise_rules_changed

from .models import Warehouse, WarehouseClickAndCollectOption

NAME_MAX_LENGTH = Warehouse._meta.get_field("name").max_length


@dataclass(frozen=True)
class WarehouseChanges:
    """What to set on a warehouse; None keeps a field as it is."""

    name: str | None = None
    slug: str | None = None
    email: str | None = None
    external_reference: str | None = None
    is_private: bool | None = None
    click_and_collect_option: str | None = None
    # Saleor's AddressInput fields, snake_case; validated per country.
    address: dict | None = None


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _slug(changes: WarehouseChanges, warehouse: Warehouse | None) -> str | None:
    others = Warehouse.objects.exclude(pk=warehouse.pk if warehouse else None)
    if changes.slug is not None:
        slug = slugify(changes.slug, allow_unicode=True)
        if not slug:
            raise _error("slug", "Slug value cannot be blank.", "REQUIRED")
        if others.filter(slug=slug).exists():
            raise _error("slug", "Warehouse with this Slug already exists.", "UNIQUE")
        return slug
    if warehouse is not None:
        return None
    root = slugify(changes.name or "", allow_unicode=True)[:240] or "warehouse"
    slug, suffix = root, 2
    while others.filter(slug=slug).exists():
        slug, suffix = f"{root}-{suffix}", suffix + 1
    return slug


def _fields(changes: WarehouseChanges, warehouse: Warehouse | None) -> dict:
    fields = {}
    if changes.name is not None or warehouse is None:
        name = (changes.name or "").strip()
        if not name:
            raise _error("name", "This field cannot be blank.", "REQUIRED")
        fields["name"] = name
    if changes.email is not None:
        email = changes.email.strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise _error(
                    "email", "Enter a valid email address.", "INVALID"
                ) from None
        fields["email"] = email
    if changes.external_reference is not None:
        reference = changes.external_reference or None
        taken = Warehouse.objects.filter(external_reference=reference).exclude(
            pk=warehouse.pk if warehouse else None
        )
        if reference and taken.exists():
            raise _error(
                "externalReference",
                "Warehouse with this External reference already exists.",
                "UNIQUE",
            )
        fields["external_reference"] = reference
    if changes.is_private is not None:
        fields["is_private"] = changes.is_private
    if changes.click_and_collect_option is not None:
        option = changes.click_and_collect_option
        if option not in WarehouseClickAndCollectOption.values:
            raise _error("clickAndCollectOption", "Invalid option.", "INVALID")
        fields["click_and_collect_option"] = option
    slug = _slug(changes, warehouse)
    if slug is not None:
        fields["slug"] = slug
    return fields


def _address(changes: WarehouseChanges, warehouse: Warehouse | None) -> dict | None:
    if changes.address is None:
        if warehouse is None:
            raise _error("address", "This field is required.", "REQUIRED")
        return None
    cleaned = address_clean(data=changes.address)
    if not cleaned["street_address_1"]:
        raise _error("streetAddress1", "This field is required.", "REQUIRED")
    if not cleaned["city"]:
        raise _error("city", "This field is required.", "REQUIRED")
    return cleaned


@transaction.atomic
def warehouse_create(*, changes: WarehouseChanges) -> Warehouse:
    """Create a warehouse at a validated address."""
    fields = _fields(changes, None)
    address = address_save(address=None, data=_address(changes, None))
    warehouse = Warehouse.objects.create(
        address=address, company_name=address.company_name, **fields
    )
    promise_rules_changed()
    return warehouse


@transaction.atomic
def warehouse_update(*, warehouse_id: int, changes: WarehouseChanges) -> Warehouse:
    """Change a warehouse; its address is validated as a new one would be."""
    warehouse = Warehouse.objects.select_for_update().filter(pk=warehouse_id).first()
    if warehouse is None:
        raise _error("id", "Warehouse not found.", "NOT_FOUND")
    fields = _fields(changes, warehouse)
    address = _address(changes, warehouse)
    if address is not None:
        saved = address_save(address=warehouse.address, data=address)
        fields["company_name"] = saved.company_name
    changed = [
        name for name, value in fields.items() if getattr(warehouse, name) != value
    ]
    for name in changed:
        setattr(warehouse, name, fields[name])
    if changed:
        warehouse.save(update_fields=changed)
    promise_rules_changed()
    bump(CATALOG)
    return warehouse


@transaction.atomic
def warehouse_delete(*, warehouse_id: int) -> Warehouse:
    """Delete a warehouse with its stock (as Saleor); return it, id kept."""
    warehouse = (
        Warehouse.objects.select_for_update()
        .select_related("address")
        .filter(pk=warehouse_id)
        .first()
    )
    if warehouse is None:
        raise _error("id", "Warehouse not found.", "NOT_FOUND")
    address = warehouse.address
    warehouse.delete()
    address.delete()
    warehouse.pk = warehouse_id
    promise_rules_changed()
    bump(CATALOG)
    return warehouse
