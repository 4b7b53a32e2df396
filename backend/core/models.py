from django.db import models
from django.db.models import JSONField

from .permissions import PermissionEnum


class StorePermission(models.Model):
    """Anchor Saleor's permission codes on one content type; holds no rows."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [(p.value, p.description) for p in PermissionEnum]

    def __str__(self) -> str:
        return "store permission"


class ModelWithMetadata(models.Model):
    metadata = JSONField(blank=True, default=dict)
    private_metadata = JSONField(blank=True, default=dict)

    class Meta:
        abstract = True

    def get_value_from_metadata(self, key: str, default=None):
        return self.metadata.get(key, default)


class SeoModel(models.Model):
    seo_title = models.CharField(max_length=70, blank=True, null=True)
    seo_description = models.CharField(max_length=300, blank=True, null=True)

    class Meta:
        abstract = True


class SortableModel(models.Model):
    sort_order = models.IntegerField(editable=False, db_index=True, null=True)

    class Meta:
        abstract = True


class TranslationModel(models.Model):
    language_code = models.CharField(max_length=35, db_index=True)

    class Meta:
        abstract = True
