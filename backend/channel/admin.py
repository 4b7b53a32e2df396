from django.contrib import admin

from backend.core.admin_permissions import SaleorModelAdmin
from backend.core.permissions import PermissionEnum

from .models import Channel


@admin.register(Channel)
class ChannelAdmin(SaleorModelAdmin):
    permissions = (PermissionEnum.MANAGE_CHANNELS,)
    list_display = ["name", "slug", "currency_code", "default_country", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "currency_code", "default_country", "is_active"]

    def get_readonly_fields(self, request, obj=None):
        # Prices are stored in the channel's currency; Saleor never changes it.
        return ["currency_code"] if obj else []
