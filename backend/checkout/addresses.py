"""Checkout addresses are cleaned and saved as account addresses are."""

from backend.account.addresses import ADDRESS_FIELDS, address_clean, address_save

__all__ = ["ADDRESS_FIELDS", "address_clean", "address_save"]
