"""The article sales report in the admin, for merchandisers.

A changelist-only page (MANAGE_PAGES): per article, shop block clicks,
add-to-carts, orders and revenue, read by ``article_sales_report``.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from backend.core.admin_permissions import SaleorPermissionAdminMixin
from backend.core.permissions import PermissionEnum
from backend.page.models import ArticleSalesReport
from backend.page.selectors.attribution import article_sales_report


class ArticleSalesReportAdmin(SaleorPermissionAdminMixin, admin.ModelAdmin):
    permissions = (PermissionEnum.MANAGE_PAGES,)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_urls(self):
        # The report is one page; no change, add or history views.
        return [
            url for url in super().get_urls() if url.name and "changelist" in url.name
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = article_sales_report()
        context = {
            **self.admin_site.each_context(request),
            "title": "Article sales report",
            "opts": self.model._meta,
            "rows": rows,
            "totals": {
                "clicks": sum(row.clicks for row in rows),
                "add_to_carts": sum(row.add_to_carts for row in rows),
                "orders": sum(row.orders for row in rows),
            },
            **(extra_context or {}),
        }
        return TemplateResponse(
            request, "admin/page/articlesalesreport/change_list.html", context
        )


admin.site.register(ArticleSalesReport, ArticleSalesReportAdmin)
