"""Shipping zones, methods and postal-code rules, for operations staff.

Saleor writes these with MANAGE_SHIPPING. Every save moves the delivery
promise's rule cache, and the lists warn when the header's fast claim no
longer holds, naming the rule that breaks it.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from backend.channel.models import Channel
from backend.core.admin_permissions import SaleorModelAdmin, SaleorTabularInline
from backend.core.permissions import PermissionEnum
from backend.core.promise_version import promise_rules_changed
from backend.shipping.models import (
    PostalCodeRuleInclusionType,
    ShippingMethod,
    ShippingMethodChannelListing,
    ShippingMethodPostalCodeRule,
    ShippingZone,
)
from backend.shipping.promise import PostalCodeRule
from backend.shipping.promise_rules import channel_fast_claim
from backend.shipping.rules import validate_postal_code_rules


class PromiseRulesAdminMixin:
    """Move the rule cache after every write and warn when the claim breaks."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        promise_rules_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        promise_rules_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        promise_rules_changed()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        promise_rules_changed()

    def changelist_view(self, request, extra_context=None):
        for channel in Channel.objects.active():
            result = channel_fast_claim(channel_slug=channel.slug)
            if result is None:
                continue
            rules, check = result
            for breach in check.breaches:
                messages.warning(
                    request,
                    f'{channel.name}: "{rules.claim_text}" is not shown: '
                    f"{breach.message}",
                )
        return super().changelist_view(request, extra_context)


class PostalCodeRuleFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        rules = [
            PostalCodeRule(
                start=form.cleaned_data["start"],
                end=form.cleaned_data.get("end") or None,
                include=form.cleaned_data["inclusion_type"]
                == PostalCodeRuleInclusionType.INCLUDE,
            )
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("start")
        ]
        try:
            validate_postal_code_rules(rules)
        except ValidationError as error:
            raise ValidationError(error.messages) from error


class PostalCodeRuleInline(SaleorTabularInline):
    model = ShippingMethodPostalCodeRule
    formset = PostalCodeRuleFormSet
    permissions = (PermissionEnum.MANAGE_SHIPPING,)
    fields = ["inclusion_type", "start", "end"]
    extra = 0


class ChannelListingInline(SaleorTabularInline):
    model = ShippingMethodChannelListing
    permissions = (PermissionEnum.MANAGE_SHIPPING,)
    fields = [
        "channel",
        "currency",
        "price_amount",
        "minimum_order_price_amount",
        "maximum_order_price_amount",
    ]
    extra = 0


@admin.register(ShippingMethod)
class ShippingMethodAdmin(PromiseRulesAdminMixin, SaleorModelAdmin):
    permissions = (PermissionEnum.MANAGE_SHIPPING,)
    list_display = [
        "name",
        "shipping_zone",
        "carrier",
        "minimum_delivery_days",
        "maximum_delivery_days",
    ]
    list_select_related = ["shipping_zone"]
    list_filter = ["shipping_zone"]
    search_fields = ["name", "carrier"]
    fields = [
        "shipping_zone",
        "name",
        "carrier",
        "minimum_delivery_days",
        "maximum_delivery_days",
        "description",
    ]
    inlines = [ChannelListingInline, PostalCodeRuleInline]


class ShippingMethodInline(SaleorTabularInline):
    model = ShippingMethod
    permissions = (PermissionEnum.MANAGE_SHIPPING,)
    fields = ["name", "carrier", "minimum_delivery_days", "maximum_delivery_days"]
    show_change_link = True
    extra = 0


@admin.register(ShippingZone)
class ShippingZoneAdmin(PromiseRulesAdminMixin, SaleorModelAdmin):
    permissions = (PermissionEnum.MANAGE_SHIPPING,)
    list_display = ["name", "country_list", "default"]
    search_fields = ["name"]
    fields = ["name", "countries", "channels", "default", "description"]
    filter_horizontal = ["channels"]
    inlines = [ShippingMethodInline]

    @admin.display(description="Countries")
    def country_list(self, zone: ShippingZone) -> str:
        return ", ".join(str(country.code) for country in zone.countries)
