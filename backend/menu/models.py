from django.db import models
from mptt.managers import TreeManager
from mptt.models import MPTTModel

from backend.core.models import ModelWithMetadata, SortableModel, TranslationModel


class Menu(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return self.name


class MenuItem(ModelWithMetadata, MPTTModel, SortableModel):
    menu = models.ForeignKey(Menu, related_name="items", on_delete=models.CASCADE)
    name = models.CharField(max_length=128)
    parent = models.ForeignKey(
        "self", null=True, blank=True, related_name="children", on_delete=models.CASCADE
    )
    url = models.URLField(max_length=256, blank=True, null=True)
    category = models.ForeignKey(
        "product.Category", blank=True, null=True, on_delete=models.CASCADE
    )
    collection = models.ForeignKey(
        "product.Collection", blank=True, null=True, on_delete=models.CASCADE
    )
    page = models.ForeignKey(
        "page.Page", blank=True, null=True, on_delete=models.CASCADE
    )

    objects = models.Manager()
    tree = TreeManager()

    class Meta:
        ordering = ("sort_order", "pk")

    class MPTTMeta:
        order_insertion_by = ("sort_order",)

    def __str__(self) -> str:
        return self.name


class MenuItemTranslation(TranslationModel):
    menu_item = models.ForeignKey(
        MenuItem, related_name="translations", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=128)

    class Meta:
        unique_together = (("language_code", "menu_item"),)
