"""Saleor's money types, resolved from ``prices.Money`` and its ranges."""

import functools
from decimal import Decimal

import graphene
from babel.numbers import get_currency_precision
from prices import Money as PricesMoney
from prices import TaxedMoney as PricesTaxedMoney


# Babel looks its tables up on every call; every Money in an answer asks.
@functools.lru_cache(maxsize=64)
def _precision(currency: str) -> int:
    try:
        return get_currency_precision(currency)
    except Exception:  # noqa: BLE001 - an unknown code gets two digits
        return 2


class Money(graphene.ObjectType):
    currency = graphene.String(required=True, description="Currency code.")
    amount = graphene.Float(required=True, description="Amount of money.")
    fractional_amount = graphene.Int(
        required=True,
        description=(
            "Amount of money represented as an integer in the smallest currency unit."
        ),
    )
    fraction_digits = graphene.Int(
        required=True,
        description="Number of digits after the decimal point in the currency.",
    )

    class Meta:
        description = "Represents amount of money in specific currency."

    @staticmethod
    def resolve_amount(root, info):
        digits = _precision(root.currency)
        return float(root.amount.quantize(Decimal(1).scaleb(-digits)))

    @staticmethod
    def resolve_fractional_amount(root, info):
        digits = _precision(root.currency)
        return int(root.amount.quantize(Decimal(1).scaleb(-digits)).scaleb(digits))

    @staticmethod
    def resolve_fraction_digits(root, info):
        return _precision(root.currency)


class TaxedMoney(graphene.ObjectType):
    currency = graphene.String(required=True, description="Currency code.")
    gross = graphene.Field(
        Money, required=True, description="Amount of money including taxes."
    )
    net = graphene.Field(
        Money, required=True, description="Amount of money without taxes."
    )
    tax = graphene.Field(Money, required=True, description="Amount of taxes.")

    class Meta:
        description = (
            "Represents a monetary value with taxes. In cases where taxes were not "
            "applied, net and gross values will be equal."
        )


class MoneyRange(graphene.ObjectType):
    start = graphene.Field(Money, description="Lower bound of a price range.")
    stop = graphene.Field(Money, description="Upper bound of a price range.")

    class Meta:
        description = "Represents a range of amounts of money."


class TaxedMoneyRange(graphene.ObjectType):
    start = graphene.Field(TaxedMoney, description="Lower bound of a price range.")
    stop = graphene.Field(TaxedMoney, description="Upper bound of a price range.")

    class Meta:
        description = "Represents a range of monetary values."


def taxed(money: PricesMoney) -> PricesTaxedMoney:
    """Return a TaxedMoney with no tax: Lumbar's prices are tax-inclusive."""
    return PricesTaxedMoney(net=money, gross=money)
