from django.db import models
from django.utils import timezone

from backend.core.models import ModelWithMetadata, SeoModel, TranslationModel


class PageType(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)

    class Meta:
        ordering = ("slug",)

    def __str__(self) -> str:
        return self.name


class PageQuerySet(models.QuerySet):
    def published(self):
        now = timezone.now()
        return self.filter(
            models.Q(published_at__lte=now) | models.Q(published_at__isnull=True),
            is_published=True,
        )


class Page(ModelWithMetadata, SeoModel):
    """An education article or any other content page (Saleor's Page)."""

    page_type = models.ForeignKey(PageType, related_name="pages", on_delete=models.CASCADE)
    title = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    content = models.JSONField(blank=True, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ("slug",)

    def __str__(self) -> str:
        return self.title


class PageTranslation(SeoModel, TranslationModel):
    page = models.ForeignKey(Page, related_name="translations", on_delete=models.CASCADE)
    title = models.CharField(max_length=255, blank=True, null=True)
    slug = models.SlugField(max_length=255, blank=True, null=True, allow_unicode=True)
    content = models.JSONField(blank=True, null=True)

    class Meta:
        unique_together = (("language_code", "page"),)
