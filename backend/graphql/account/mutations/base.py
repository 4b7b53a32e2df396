"""The account mutations' shared Meta and input parsing."""

from backend.core.languages import language_code_from_enum

from ...core.mutations import BaseMutation, decode_global_id
from ...core.shared_enums import member_name
from ..errors import AccountError


class AccountMutation(BaseMutation):
    class Meta:
        abstract = True


ACCOUNT_ERRORS = {
    "error_type_class": AccountError,
    "error_type_field": "account_errors",
}


def metadata_dict(items) -> dict[str, str]:
    return {item["key"]: item["value"] for item in items or []}


def language(value) -> str | None:
    name = member_name(value)
    return language_code_from_enum(name) if name else None


def address_data(address_input) -> dict:
    """Return the domain's address dict of an AddressInput."""
    data = {
        name: value
        for name, value in dict(address_input or {}).items()
        if name not in {"metadata", "skip_validation"} and value is not None
    }
    if "country" in data:
        data["country"] = member_name(data["country"]) or str(data["country"])
    return data


def address_pk(global_id: str, field: str = "id") -> int:
    return decode_global_id(global_id, type_names=("Address",), field_name=field)
