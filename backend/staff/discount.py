"""Vouchers for merchandisers (Saleor's MANAGE_DISCOUNTS).

A voucher's value and minimum spend are set per channel, in the channel's
currency; a percentage above 100 and an end before the start are refused
on the page.
"""

from decimal import Decimal

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet

from backend.core.admin_permissions import SaleorModelAdmin, SaleorTabularInline
from backend.core.permissions import PermissionEnum
from backend.discount.models import (
    DiscountValueType,
    Voucher,
    VoucherChannelListing,
    VoucherCode,
)

MAX_PERCENTAGE = Decimal(100)


class VoucherForm(forms.ModelForm):
    class Meta:
        model = Voucher
        fields = [
            "name",
            "type",
            "discount_value_type",
            "start_date",
            "end_date",
            "usage_limit",
            "apply_once_per_customer",
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date must not be before the start.")
        return cleaned


class ChannelListingFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        percentage = self.instance.discount_value_type == DiscountValueType.PERCENTAGE
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            value = data.get("discount_value")
            if value is not None and value < 0:
                form.add_error("discount_value", "The value must not be negative.")
            if percentage and value is not None and value > MAX_PERCENTAGE:
                form.add_error(
                    "discount_value", "A percentage discount is at most 100."
                )
            if (
                data.get("min_spent_amount") is not None
                and data["min_spent_amount"] < 0
            ):
                form.add_error("min_spent_amount", "The minimum must not be negative.")
            if data.get("channel") is not None:
                form.instance.currency = data["channel"].currency_code


class VoucherChannelListingInline(SaleorTabularInline):
    model = VoucherChannelListing
    formset = ChannelListingFormSet
    permissions = (PermissionEnum.MANAGE_DISCOUNTS,)
    fields = ["channel", "discount_value", "min_spent_amount"]
    extra = 1


class VoucherCodeInline(SaleorTabularInline):
    model = VoucherCode
    permissions = (PermissionEnum.MANAGE_DISCOUNTS,)
    fields = ["code", "is_active", "used"]
    readonly_fields = ["used"]
    extra = 1


@admin.register(Voucher)
class VoucherAdmin(SaleorModelAdmin):
    permissions = (PermissionEnum.MANAGE_DISCOUNTS,)
    form = VoucherForm
    list_display = [
        "name",
        "type",
        "discount_value_type",
        "start_date",
        "end_date",
        "usage_limit",
        "used",
    ]
    list_filter = ["type", "discount_value_type"]
    search_fields = ["name", "codes__code"]
    readonly_fields = ["used"]
    inlines = [VoucherCodeInline, VoucherChannelListingInline]
