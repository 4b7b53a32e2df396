"""Pages and page types in the admin.

Saleor guards pages with MANAGE_PAGES and page types with
MANAGE_PAGE_TYPES_AND_ATTRIBUTES; anyone who edits pages may read types.
"""

from django.contrib import admin

from backend.attribute.models import AttributePage
from backend.core.admin_permissions import SaleorModelAdmin, SaleorTabularInline
from backend.core.permissions import PermissionEnum

from .models import Page, PageType


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

    def get_readonly_fields(self, request, obj=None):
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
