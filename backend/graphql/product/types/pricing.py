"""Storefront pricing: ProductPricingInfo and VariantPricingInfo.

Prices come from the channel listings through the product selectors; no
promotion engine exists yet, so ``discount`` is null and a lower price
than the prior ("was") price is what makes ``onSale``.
"""

import graphene
from prices import MoneyRange, TaxedMoney, TaxedMoneyRange

from ...core.money import TaxedMoney as TaxedMoneyType
from ...core.money import TaxedMoneyRange as TaxedMoneyRangeType


def taxed(money):
    """Return a TaxedMoney without taxes (net equals gross)."""
    return None if money is None else TaxedMoney(net=money, gross=money)


def taxed_range(money_range: MoneyRange | None):
    if money_range is None:
        return None
    return TaxedMoneyRange(start=taxed(money_range.start), stop=taxed(money_range.stop))


class _BasePricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean(description="Whether it is in sale or not.")
    discount = graphene.Field(
        TaxedMoneyType, description="The discount amount if in sale (null otherwise)."
    )
    discount_prior = graphene.Field(
        TaxedMoneyType,
        description="The discount amount compared to prior price. Null if product "
        "is not on sale or prior price was not provided in VariantChannelListing",
    )
    discount_local_currency = graphene.Field(
        TaxedMoneyType,
        description="The discount amount in the local currency.",
        deprecation_reason="Always returns `null`.",
    )

    class Meta:
        abstract = True

    @staticmethod
    def resolve_discount(root, info):
        return None

    @staticmethod
    def resolve_discount_prior(root, info):
        return None

    @staticmethod
    def resolve_discount_local_currency(root, info):
        return None


class ProductPricingInfo(_BasePricingInfo):
    display_gross_prices = graphene.Boolean(
        required=True,
        description="Determines whether displayed prices should include taxes.",
    )
    price_range = graphene.Field(
        TaxedMoneyRangeType,
        description="The discounted price range of the product variants.",
    )
    price_range_undiscounted = graphene.Field(
        TaxedMoneyRangeType,
        description="The undiscounted price range of the product variants.",
    )
    price_range_prior = graphene.Field(
        TaxedMoneyRangeType,
        description="The prior price range of the product variants.",
    )
    price_range_local_currency = graphene.Field(
        TaxedMoneyRangeType,
        description="The discounted price range of the product variants in the "
        "local currency.",
        deprecation_reason="Always returns `null`.",
    )

    class Meta:
        description = (
            "Represents product's pricing, the current price and discounts, only "
            "meant for displaying."
        )

    # Root: backend.product.selectors.ProductPricing.
    @staticmethod
    def resolve_on_sale(root, info):
        return root.on_sale

    @staticmethod
    def resolve_display_gross_prices(root, info):
        return True

    @staticmethod
    def resolve_price_range(root, info):
        return taxed_range(root.price_range)

    @staticmethod
    def resolve_price_range_undiscounted(root, info):
        return taxed_range(root.price_range_undiscounted)

    @staticmethod
    def resolve_price_range_prior(root, info):
        return taxed_range(root.price_range_undiscounted) if root.on_sale else None

    @staticmethod
    def resolve_price_range_local_currency(root, info):
        return None


class VariantPricingInfo(_BasePricingInfo):
    price = graphene.Field(TaxedMoneyType, description="The price, with any discount.")
    price_undiscounted = graphene.Field(
        TaxedMoneyType, description="The price without any discount."
    )
    price_prior = graphene.Field(
        TaxedMoneyType, description="The price prior to the discount."
    )
    price_local_currency = graphene.Field(
        TaxedMoneyType,
        description="The discounted price in the local currency.",
        deprecation_reason="Always returns `null`.",
    )

    class Meta:
        description = (
            "Represents availability of a variant in the storefront, its price "
            "and discounts."
        )

    # Root: backend.product.selectors.VariantPrice.
    @staticmethod
    def resolve_on_sale(root, info):
        return root.undiscounted.amount > root.price.amount

    @staticmethod
    def resolve_price(root, info):
        return taxed(root.price)

    @staticmethod
    def resolve_price_undiscounted(root, info):
        return taxed(root.undiscounted)

    @staticmethod
    def resolve_price_prior(root, info):
        if root.undiscounted.amount > root.price.amount:
            return taxed(root.undiscounted)
        return None

    @staticmethod
    def resolve_price_local_currency(root, info):
        return None
