"""Account services: registration, passwords, profile, addresses, deletion."""

from ..staff import staff_groups_sync
from .addresses import (
    account_address_create,
    account_address_delete,
    account_address_update,
    account_set_default_address,
)
from .auth import user_authenticate
from .deletion import account_delete, account_deletion_request
from .passwords import password_change, password_reset_request, password_set
from .profile import account_update
from .registration import account_confirm, account_register

__all__ = [
    "account_address_create",
    "account_address_delete",
    "account_address_update",
    "account_confirm",
    "account_delete",
    "account_deletion_request",
    "account_register",
    "account_set_default_address",
    "account_update",
    "password_change",
    "password_reset_request",
    "password_set",
    "staff_groups_sync",
    "user_authenticate",
]
