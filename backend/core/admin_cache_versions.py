"""Admin saves and deletes move the cache versions, as services do.

Most admin pages save through services that already call ``bump()``; the
rest (inlines, bulk deletes, plain model saves) write rows directly. One
mixin on the shared admin base covers them all; bumps in one transaction
coalesce, so a save through a service moves each version once.
"""

from . import cache_versions
from .cache_versions import CATALOG


class CacheVersionsAdminMixin:
    """Move ``cache_versions_moved`` when a save or delete commits."""

    cache_versions_moved: tuple[str, ...] = (CATALOG,)

    def _bump(self) -> None:
        if self.cache_versions_moved:
            cache_versions.bump(*self.cache_versions_moved)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._bump()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._bump()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        self._bump()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._bump()

    def response_action(self, request, queryset):
        # An admin action may write (publish, hide, restock).
        response = super().response_action(request, queryset)
        self._bump()
        return response
