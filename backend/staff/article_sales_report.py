"""The article sales report in the admin, for merchandisers.

A changelist-only page (MANAGE_PAGES): per article, shop block clicks,
add-to-carts, orders and revenue over a date range (the last 7, 30 or 90
days, or from one date to another, in the operations time zone), with the
totals and a small chart of each article's orders per day.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from babel.numbers import format_currency
from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from prices import Money

from backend.core.admin_permissions import SaleorPermissionAdminMixin
from backend.core.permissions import PermissionEnum
from backend.page.models import ArticleSalesReport
from backend.page.selectors.attribution import (
    Period,
    article_orders_by_day,
    article_sales_report,
)
from backend.warehouse.selectors import operations_time_zone

RANGES = (("7", "Last 7 days"), ("30", "Last 30 days"), ("90", "Last 90 days"))
DEFAULT_RANGE = "30"
# A custom range longer than this is a year-end export, not a chart.
MAX_DAYS = 366
CHART_HEIGHT = 24


class ReportRangeForm(forms.Form):
    range = forms.ChoiceField(
        choices=(*RANGES, ("custom", "From – to")), required=False
    )
    start = forms.DateField(required=False, label="From")
    end = forms.DateField(required=False, label="To")

    def clean(self):
        data = super().clean()
        if data.get("range") != "custom":
            return data
        start, end = data.get("start"), data.get("end")
        if start is None or end is None:
            raise forms.ValidationError("Give both dates of the range.")
        if start > end:
            raise forms.ValidationError("The first date must come before the last.")
        if (end - start).days + 1 > MAX_DAYS:
            raise forms.ValidationError(f"Choose at most {MAX_DAYS} days.")
        return data

    def days(self, *, today: date) -> tuple[date, date]:
        """Return the first and last day of the chosen range."""
        data = self.cleaned_data if self.is_valid() else {}
        choice = data.get("range") or DEFAULT_RANGE
        if choice == "custom":
            return data["start"], data["end"]
        return today - timedelta(days=int(choice) - 1), today


@dataclass(frozen=True)
class ChartBar:
    x: int
    height: float
    label: str

    @property
    def y(self) -> float:
        return round(CHART_HEIGHT - self.height, 2)


def _money(values) -> str:
    if not values:
        return "—"
    return ", ".join(
        format_currency(money.amount, money.currency, locale="en_US")
        for money in values
    )


def _bars(counts: dict[date, int], first: date, last: date) -> list[ChartBar]:
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    peak = max(counts.values(), default=0) or 1
    bars = []
    for x, day in enumerate(days):
        count = counts.get(day, 0)
        noun = "order" if count == 1 else "orders"
        bars.append(
            ChartBar(
                x=x,
                height=round(CHART_HEIGHT * count / peak, 2),
                label=f"{day:%a} {day.day} {day:%b}: {count} {noun}",
            )
        )
    return bars


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
        zone = operations_time_zone()
        form = ReportRangeForm(request.GET or None)
        first, last = form.days(today=timezone.now().astimezone(zone).date())
        period = Period(
            since=datetime.combine(first, time.min, tzinfo=zone),
            until=datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone),
        )
        report = article_sales_report(period)
        per_day = article_orders_by_day(period, time_zone=zone)
        revenue: dict[str, Money] = defaultdict(lambda: None)
        for row in report:
            for money in row.revenue:
                known = revenue[money.currency]
                revenue[money.currency] = money if known is None else known + money
        rows = [
            {
                "report": row,
                "revenue": _money(row.revenue),
                "bars": _bars(per_day.get(row.page.slug, {}), first, last),
            }
            for row in report
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": "Article sales report",
            "opts": self.model._meta,
            "form": form,
            "first": first,
            "last": last,
            "time_zone": str(zone),
            "rows": rows,
            "chart_days": (last - first).days + 1,
            "chart_height": CHART_HEIGHT,
            "totals": {
                "clicks": sum(row.clicks for row in report),
                "add_to_carts": sum(row.add_to_carts for row in report),
                "orders": sum(row.orders for row in report),
                "revenue": _money(sorted(revenue.values(), key=lambda m: m.currency)),
            },
            **(extra_context or {}),
        }
        return TemplateResponse(
            request, "admin/page/articlesalesreport/change_list.html", context
        )


admin.site.register(ArticleSalesReport, ArticleSalesReportAdmin)
