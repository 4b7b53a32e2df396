"""A domain refusal, read the one way every door shows it.

Services refuse with a Django ``ValidationError``, keyed by Saleor's field
names. The API, the admin, the ops pages and the store's forms each show it
in their own format, but all read it through ``error_items`` so a message
says the same thing whichever door it comes out of.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


@dataclass(frozen=True)
class ErrorItem:
    """One refusal: which field, why (a code), and the message a person reads."""

    field: str
    message: str
    code: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def is_general(self) -> bool:
        return self.field == NON_FIELD_ERRORS


def error_items(error: ValidationError) -> list[ErrorItem]:
    """Return each refusal of a domain error, a general one under NON_FIELD_ERRORS."""
    if hasattr(error, "error_dict"):
        pairs = error.error_dict.items()
    else:
        pairs = [(NON_FIELD_ERRORS, error.error_list)]
    return [
        ErrorItem(
            field=name,
            message=_message(single),
            code=single.code,
            params=single.params or {},
        )
        for name, errors in pairs
        for single in errors
    ]


def _message(error: ValidationError) -> str:
    message = error.message
    if error.params:
        try:
            message = message % error.params
        except (TypeError, ValueError, KeyError):
            pass
    return str(message)


def error_messages_by_field(
    error: ValidationError, *, field_names: Mapping[str, str] | None = None
) -> dict[str, list[str]]:
    """Return a domain error's messages per field, renamed by ``field_names``.

    A general refusal is keyed NON_FIELD_ERRORS ("__all__"), as in forms.
    """
    field_names = field_names or {}
    found: dict[str, list[str]] = {}
    for item in error_items(error):
        name = field_names.get(item.field, item.field)
        found.setdefault(name, []).append(item.message)
    return found
