"""What the load steps share: the objects loaded so far and change checks."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from .errors import DemoDataError
from .report import DemoLoadReport


@dataclass
class LoadContext:
    """The rows loaded so far, by natural key, and the report being kept."""

    report: DemoLoadReport
    channels: dict = field(default_factory=dict)
    warehouses: dict = field(default_factory=dict)
    attributes: dict = field(default_factory=dict)
    # (attribute slug, value slug) -> AttributeValue id
    value_ids: dict = field(default_factory=dict)
    product_types: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)
    collections: dict = field(default_factory=dict)
    products: dict = field(default_factory=dict)
    # Media files written by this load, deleted if it is rolled back.
    saved_files: list = field(default_factory=list)


def changed_fields(instance: models.Model, wanted: dict[str, Any]) -> dict[str, Any]:
    """Return the wanted values that differ from the instance's."""
    return {
        name: value
        for name, value in wanted.items()
        if getattr(instance, name) != value
    }


def service_call(where: str, function, /, **kwargs):
    """Call a domain service, turning its refusal into a DemoDataError."""
    try:
        return function(**kwargs)
    except ValidationError as error:
        messages = []
        for field_name, errors in error.message_dict.items():
            messages.extend(f"{field_name}: {message}" for message in errors)
        raise DemoDataError(f"{where}: {'; '.join(messages)}") from error


def translations_sync(
    context: LoadContext,
    *,
    where: str,
    owner,
    wanted: dict[str, dict],
    translate,
    owner_argument: str,
) -> None:
    """Set each language's fields through the translate service when they differ."""
    for language_code, fields in wanted.items():
        current = owner.translations.filter(language_code=language_code).first()
        if current is not None and not changed_fields(current, fields):
            continue
        service_call(
            f"{where}: translation {language_code!r}",
            translate,
            **{owner_argument: owner},
            language_code=language_code,
            **fields,
        )
        context.report.record(
            "translations", created=current is None, updated=current is not None
        )


def image_upload(image: dict) -> SimpleUploadedFile:
    """Return a checked catalog image file as an upload the services accept."""
    path = image["path"]
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="image/png")
