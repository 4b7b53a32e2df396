"""The money filter: prices as a US shopper reads them, however often shown."""

from decimal import Decimal

from prices import Money

from backend.storefront.templatetags.storefront import money


def test_a_price_reads_the_same_whatever_its_stored_decimal_places():
    assert money(Money(Decimal("19.99"), "USD")) == "$19.99"
    assert money(Money(Decimal("19.990"), "USD")) == "$19.99"
    assert money(Money(Decimal("20"), "USD")) == "$20.00"


def test_the_same_amount_in_another_currency_keeps_its_own_symbol():
    assert money(Money(Decimal("19.99"), "USD")) == "$19.99"
    assert money(Money(Decimal("19.99"), "EUR")) == "€19.99"


def test_no_price_shows_nothing():
    assert money(None) == ""
