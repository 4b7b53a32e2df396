"""The per-article sales report: clicks, carts, orders and revenue.

Clicks are ``ShopBlockClick`` rows. The storefront writes a click's
attribution into the checkout's metadata on add-to-cart
(``services/checkout_attribution.py``) and ``checkout_complete`` copies it
to the order, deleting the checkout. So add-to-carts are the attributed
checkouts still open plus every attributed order (each was a cart);
canceled and unconfirmed orders are neither orders nor revenue.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, TruncDate
from prices import Money

from backend.checkout.models import Checkout
from backend.order.models import Order, OrderStatus

from ..models import Page, ShopBlockClick
from ..services.attribution import ATTRIBUTION_METADATA_KEY

_ARTICLE = KT(f"metadata__{ATTRIBUTION_METADATA_KEY}__article")
# Orders that are not sales: not yet confirmed, or canceled.
NOT_SOLD = (OrderStatus.UNCONFIRMED, OrderStatus.CANCELED)


@dataclass(frozen=True)
class ArticleSales:
    page: Page
    clicks: int
    add_to_carts: int
    orders: int
    # One Money per currency the article's orders were paid in.
    revenue: tuple[Money, ...]


@dataclass(frozen=True)
class Period:
    """Moments from ``since`` (included) to ``until`` (excluded); None is open."""

    since: datetime | None = None
    until: datetime | None = None

    def q(self, field: str = "created_at") -> Q:
        condition = Q()
        if self.since is not None:
            condition &= Q(**{f"{field}__gte": self.since})
        if self.until is not None:
            condition &= Q(**{f"{field}__lt": self.until})
        return condition


def article_sales_report(period: Period = Period()) -> list[ArticleSales]:
    """Return every article's attributed sales in the period, in three queries.

    Clicks, carts and orders count when they were made.
    """
    clicks = (
        ShopBlockClick.objects.filter(period.q(), page=OuterRef("pk"))
        .order_by()
        .values("page")
        .annotate(total=Count("pk"))
        .values("total")
    )
    pages = list(
        Page.objects.filter(article__isnull=False)
        .annotate(
            click_count=Coalesce(Subquery(clicks, output_field=IntegerField()), 0)
        )
        .order_by("title", "pk")
    )
    carts = dict(
        Checkout.objects.annotate(article=_ARTICLE)
        .filter(period.q(), article__isnull=False)
        .order_by()
        .values("article")
        .annotate(total=Count("pk"))
        .values_list("article", "total")
    )
    carts = defaultdict(int, carts)
    orders: dict[str, int] = defaultdict(int)
    revenue: dict[str, list[Money]] = defaultdict(list)
    sold = ~Q(status__in=NOT_SOLD)
    attributed_orders = (
        Order.objects.annotate(article=_ARTICLE)
        .filter(period.q(), article__isnull=False)
        .order_by()
        .values("article", "currency")
        .annotate(
            placed=Count("pk"),
            sold=Count("pk", filter=sold),
            amount=Sum("total_amount", filter=sold),
        )
        .order_by("article", "currency")
    )
    for row in attributed_orders:
        carts[row["article"]] += row["placed"]
        if not row["sold"]:
            continue
        orders[row["article"]] += row["sold"]
        amount = row["amount"] or Decimal(0)
        revenue[row["article"]].append(Money(amount, row["currency"]).quantize())
    return [
        ArticleSales(
            page=page,
            clicks=page.click_count,
            add_to_carts=carts[page.slug],
            orders=orders[page.slug],
            revenue=tuple(revenue[page.slug]),
        )
        for page in pages
    ]


def article_orders_by_day(
    period: Period, *, time_zone: ZoneInfo
) -> dict[str, dict[date, int]]:
    """Return each article's sold orders per day of the time zone, in one query."""
    rows = (
        Order.objects.annotate(
            article=_ARTICLE, day=TruncDate("created_at", tzinfo=time_zone)
        )
        .filter(period.q(), ~Q(status__in=NOT_SOLD), article__isnull=False)
        .order_by()
        .values("article", "day")
        .annotate(total=Count("pk"))
        .values_list("article", "day", "total")
    )
    by_article: dict[str, dict[date, int]] = defaultdict(dict)
    for article, day, total in rows:
        by_article[article][day] = total
    return dict(by_article)
