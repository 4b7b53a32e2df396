"""The catalog admin; importing a module registers its pages."""

from . import catalog, products, variants  # noqa: F401
