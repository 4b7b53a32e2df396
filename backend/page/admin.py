"""Pages and page types in the admin.

Saleor guards pages with MANAGE_PAGES and page types with
MANAGE_PAGE_TYPES_AND_ATTRIBUTES; anyone who edits pages may read types.
An article's text belongs to its file under content/articles/, which
``sync_content`` brings in, so the admin shows it read only.
"""

from django.contrib import admin

from backend.attribute.models import AttributePage
from backend.core.admin_permissions import (
    SaleorModelAdmin,
    SaleorStackedInline,
    SaleorTabularInline,
)
from backend.core.permissions import PermissionEnum

from .models import Article, Page, PageType

# What sync_content writes from an article's file.
SYNCED_PAGE_FIELDS = ["page_type", "title", "slug", "content"]


class ArticleInline(SaleorStackedInline):
    """Where an article comes from; read only, the file owns it."""

    model = Article
    permissions = (PermissionEnum.MANAGE_PAGES,)
    fields = ["source_path", "summary", "series_slug", "series_order", "synced_at"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "article (edit its file in content/articles/)"

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Page)
class PageAdmin(SaleorModelAdmin):
    permissions = (PermissionEnum.MANAGE_PAGES,)
    list_display = ["title", "slug", "page_type", "is_published", "published_at"]
    list_select_related = ["page_type"]
    list_filter = ["page_type", "is_published"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["page_type"]
    fields = [
        "page_type",
        "title",
        "slug",
        "content",
        "is_published",
        "published_at",
        "seo_title",
        "seo_description",
    ]

    inlines = [ArticleInline]

    def get_prepopulated_fields(self, request, obj=None):
        if "slug" in self.get_readonly_fields(request, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and Article.objects.filter(page=obj).exists():
            return SYNCED_PAGE_FIELDS
        return ["page_type"] if obj else []


class PageAttributeInline(SaleorTabularInline):
    model = AttributePage
    permissions = (PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,)
    fields = ["attribute"]
    autocomplete_fields = ["attribute"]
    extra = 0
    verbose_name = "attribute"


@admin.register(PageType)
class PageTypeAdmin(SaleorModelAdmin):
    permissions = (PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,)
    view_permissions = (PermissionEnum.MANAGE_PAGES,)
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug"]
    inlines = [PageAttributeInline]
