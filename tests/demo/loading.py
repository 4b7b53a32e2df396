"""Run load_demo in-process and look at what it left."""

import io
from pathlib import Path

from django.apps import apps
from django.core.management import call_command


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def load_demo(catalog_dir: Path | None = None) -> str:
    out = io.StringIO()
    arguments = ["--no-progress"]
    if catalog_dir is not None:
        arguments += ["--catalog-dir", str(catalog_dir)]
    call_command("load_demo", *arguments, stdout=out)
    return out.getvalue()
