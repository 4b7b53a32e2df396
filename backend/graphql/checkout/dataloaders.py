"""Per-request reads of a checkout through the checkout domain's selectors.

Every checkout field reads the same lines and totals, so they are loaded
once per checkout and request, by the functions checkout_complete uses.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from prices import Money

from backend.checkout.details import checkout_shipping_method_applies
from backend.checkout.models import Checkout
from backend.checkout.promise import checkout_delivery_promises
from backend.checkout.selectors import (
    CheckoutLineInfo,
    CheckoutTotals,
    checkout_lines_info,
    checkout_totals,
)
from backend.checkout.validation import quantities_available
from backend.payment.models import TransactionItem
from backend.payment.totals import checkout_paid
from backend.shipping.models import ShippingMethodChannelListing
from backend.shipping.selectors import shipping_methods_applicable
from backend.warehouse.selectors import stock_sellable_by_warehouse

from ..core.catalog_rows import cache_catalog_rows
from ..core.dataloaders import DataLoader
from ..product.dataloaders import VariantWithProductByIdLoader
from ..shipping.types import ShippingMethodData


@dataclass(frozen=True)
class CheckoutLineData:
    """A line as the API shows it: the line, its price and its checkout."""

    info: CheckoutLineInfo
    checkout: Checkout

    @property
    def line(self):
        return self.info.line

    @property
    def currency(self) -> str:
        return self.checkout.currency


@dataclass(frozen=True)
class CheckoutData:
    lines: list[CheckoutLineData]
    totals: CheckoutTotals


class CheckoutDataLoader(DataLoader):
    def batch_load(self, keys):
        variants_by_id = None
        if cache_catalog_rows(self.info):
            # The lines' variants, products and types are catalog rows too.
            loader = VariantWithProductByIdLoader(self.info)

            def variants_by_id(ids):
                return dict(zip(ids, loader.load_many(ids), strict=True))

        found = []
        for checkout in keys:
            infos = checkout_lines_info(
                checkout=checkout, variants_by_id=variants_by_id
            )
            found.append(
                CheckoutData(
                    lines=[
                        CheckoutLineData(info=info, checkout=checkout) for info in infos
                    ],
                    totals=checkout_totals(checkout=checkout, lines=infos),
                )
            )
        return found


def checkout_data(info, checkout: Checkout) -> CheckoutData:
    """Return the checkout's lines and totals, read once per request."""
    return CheckoutDataLoader(info).load(checkout)


class ShippingOptionsLoader(DataLoader):
    """The methods that ship a checkout to its address, with their prices."""

    def batch_load(self, keys):
        found = []
        for checkout in keys:
            address = checkout.shipping_address
            if address is None:
                found.append([])
                continue
            data = checkout_data(self.info, checkout)
            options = shipping_methods_applicable(
                channel_id=checkout.channel_id,
                country=address.country.code,
                subtotal=data.totals.subtotal,
                product_ids={line.info.line.variant.product_id for line in data.lines},
            )
            promises = checkout_delivery_promises(
                checkout=checkout,
                lines=[line.info for line in data.lines],
                method_ids=[option.method.pk for option in options],
                now=timezone.now(),
                stock=sellable_stock(self.info, checkout) if options else None,
            )
            found.append(
                [
                    ShippingMethodData(
                        method=option.method,
                        price=option.price,
                        promise=promises.get(option.method.pk),
                    )
                    for option in options
                ]
            )
        return found


def shipping_options(info, checkout: Checkout) -> list[ShippingMethodData]:
    return ShippingOptionsLoader(info).load(checkout)


def chosen_shipping_method(info, checkout: Checkout) -> ShippingMethodData | None:
    """Return the checkout's method with its price; inactive if it no longer ships."""
    if checkout.shipping_method_id is None:
        return None
    # The options hold the method read with them: no query for it.
    for option in shipping_options(info, checkout):
        if option.method.pk == checkout.shipping_method_id:
            return option
    method = checkout.shipping_method
    listing = ShippingMethodChannelListing.objects.filter(
        shipping_method=method, channel_id=checkout.channel_id
    ).first()
    price = listing.price if listing else Money(Decimal(0), checkout.currency)
    return ShippingMethodData(
        method=method,
        price=price,
        active=False,
        message="This shipping method does not ship to the address.",
    )


def delivery_method_invalid(info, checkout: Checkout) -> bool:
    """Tell whether the chosen method no longer ships to the checkout."""
    if checkout.shipping_method_id is None:
        return False
    offered = ShippingOptionsLoader(info).cache.get(checkout)
    if offered is not None:  # the query read the options already: same rule
        return all(o.method.pk != checkout.shipping_method_id for o in offered)
    data = checkout_data(info, checkout)
    return not checkout_shipping_method_applies(
        checkout=checkout,
        method_id=checkout.shipping_method_id,
        subtotal=data.totals.subtotal,
        lines=[line.info for line in data.lines],
    )


class SellableStockLoader(DataLoader):
    """Variant -> warehouse -> units each checkout's lines may still take."""

    def batch_load(self, keys):
        return [
            stock_sellable_by_warehouse(
                variant_ids=_variant_ids(self.info, checkout),
                channel_slug=checkout.channel.slug,
                checkout_token=checkout.pk,
            )
            for checkout in keys
        ]


def sellable_stock(info, checkout: Checkout) -> dict[int, dict[int, int]]:
    """Read once per request for the stock problems and the delivery promises."""
    return SellableStockLoader(info).load(checkout)


def _variant_ids(info, checkout: Checkout) -> list[int]:
    return [data.line.variant_id for data in checkout_data(info, checkout).lines]


class AvailableQuantitiesLoader(DataLoader):
    """What each checkout's channel has left of its lines' variants."""

    def batch_load(self, keys):
        return [
            quantities_available(
                channel=checkout.channel,
                variant_ids=_variant_ids(self.info, checkout),
                checkout_token=checkout.pk,
                stock=sellable_stock(self.info, checkout),
            )
            for checkout in keys
        ]


def available_quantities(info, checkout: Checkout) -> dict[int, int]:
    return AvailableQuantitiesLoader(info).load(checkout)


class PaidAmountsLoader(DataLoader):
    """What the checkout's transactions have charged and authorized."""

    def batch_load(self, keys):
        if len(keys) == 1:
            # Every checkout mutation's answer: one checkout, summed as the
            # payment services sum it.
            return [checkout_paid(keys[0].pk)]
        rows = _paid_amounts_query(TransactionItem.objects.filter(checkout__in=keys))
        found = {
            checkout_id: (charged, authorized)
            for checkout_id, charged, authorized in rows
        }
        return [
            tuple(amount or Decimal(0) for amount in found.get(checkout.pk, (0, 0)))
            for checkout in keys
        ]


def _paid_amounts_query(transactions):
    return (
        transactions.values("checkout_id")
        .annotate(
            charged=Sum("amount_charged_value"),
            authorized=Sum("amount_authorized_value"),
        )
        .values_list("checkout_id", "charged", "authorized")
    )


def paid_amounts(info, checkout: Checkout) -> tuple[Decimal, Decimal]:
    """Return (charged, authorized) across the checkout's transactions."""
    return PaidAmountsLoader(info).load(checkout)
