from django.contrib import admin

from backend.channel.models import Channel
from backend.core.admin_permissions import SaleorModelAdmin
from backend.core.permissions import PermissionEnum
from backend.core.promise_version import promise_rules_changed


@admin.register(Channel)
class ChannelAdmin(SaleorModelAdmin):
    permissions = (PermissionEnum.MANAGE_CHANNELS,)
    list_display = ["name", "slug", "currency_code", "default_country", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name",
        "slug",
        "currency_code",
        "default_country",
        "is_active",
        "delivery_promise_text",
        "delivery_promise_max_days",
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        promise_rules_changed()

    def get_readonly_fields(self, request, obj=None):
        # Prices are stored in the channel's currency; Saleor never changes it.
        return ["currency_code"] if obj else []
