"""Saleor's reference files live beside the repository in ../shared/ (never copied in).

CI has that folder; a checkout without it skips the tests that need it, saying why.
"""

import os
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from graphql import GraphQLSchema, build_schema

SHARED_DIR = Path(
    os.environ.get("LUMBAR_SHARED_DIR", Path(settings.BASE_DIR).parent / "shared")
)
SALEOR_SCHEMA = SHARED_DIR / "saleor" / "schema.graphql"
STOREFRONT_DOCUMENTS = SHARED_DIR / "saleor" / "clients" / "storefront"


def _absent(path: Path) -> str:
    return (
        f"Saleor reference file {path} is absent: check out ../shared/ "
        "(or set LUMBAR_SHARED_DIR) to run this test"
    )


def require_shared(path: Path) -> Path:
    """Return `path`, or skip the calling test when ../shared/ is not checked out."""
    if not path.exists():
        pytest.skip(_absent(path))
    return path


def shared_cases(*paths: Path, cases, arity: int = 1) -> list:
    """Return `cases()` for parametrize, or one skipped case naming what is absent.

    Collection must not call pytest.skip (it errors instead of skipping).
    """
    for path in paths:
        if not path.exists():
            skipped = pytest.mark.skip(reason=_absent(path))
            return [pytest.param(*[None] * arity, marks=skipped)]
    return cases()


@cache
def saleor_schema() -> GraphQLSchema:
    """Return Saleor's schema, built once a process (its 1 MB takes seconds)."""
    return build_schema(
        require_shared(SALEOR_SCHEMA).read_text(), assume_valid=True, no_location=True
    )
