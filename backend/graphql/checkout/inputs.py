"""Saleor's checkout inputs and their parsing into domain arguments."""

import graphene
from django.core.exceptions import ValidationError

from ..core.address import AddressInput, address_country_code
from ..core.enums import LanguageCodeEnum
from ..core.inputs import MetadataInput, PositiveDecimal
from ..core.mutations import decode_global_id


class CheckoutLineInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True, description="The number of items purchased.")
    variant_id = graphene.ID(required=True, description="ID of the product variant.")
    price = PositiveDecimal(
        description="Custom price of the item. Lumbar refuses price overrides."
    )
    price_override_reason = graphene.String(
        description="Reason for the price override."
    )
    force_new_line = graphene.Boolean(
        default_value=False,
        description="Flag that allow force splitting the same variant into multiple "
        "lines by skipping the matching logic.",
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataInput),
        description="Fields required to update the object's metadata.",
    )


class CheckoutLineUpdateInput(graphene.InputObjectType):
    variant_id = graphene.ID(
        description="ID of the product variant.",
        deprecation_reason="Use `lineId` instead.",
    )
    quantity = graphene.Int(
        description="The number of items purchased. Optional for apps, required for "
        "any other users."
    )
    price = PositiveDecimal(description="Custom price of the item.")
    price_override_reason = graphene.String(
        description="Reason for the price override."
    )
    line_id = graphene.ID(description="ID of the line.")
    metadata = graphene.List(
        graphene.NonNull(MetadataInput),
        description="Fields required to update the object's metadata.",
    )


class CheckoutAddressValidationRules(graphene.InputObjectType):
    check_required_fields = graphene.Boolean(
        default_value=True,
        description="Determines if an error should be raised when the provided "
        "address doesn't have all the required fields.",
    )
    check_fields_format = graphene.Boolean(
        default_value=True,
        description="Determines if an error should be raised when the provided "
        "address doesn't match the expected format.",
    )
    enable_fields_normalization = graphene.Boolean(
        default_value=True,
        description="Determines if Saleor should apply normalization on address "
        "fields.",
    )


class CheckoutValidationRules(graphene.InputObjectType):
    shipping_address = graphene.Field(
        CheckoutAddressValidationRules,
        description="The validation rules that can be applied to provided shipping "
        "address data.",
    )
    billing_address = graphene.Field(
        CheckoutAddressValidationRules,
        description="The validation rules that can be applied to provided billing "
        "address data.",
    )


class CheckoutCreateInput(graphene.InputObjectType):
    channel = graphene.String(
        description="Slug of a channel in which to create a checkout."
    )
    lines = graphene.List(
        graphene.NonNull(CheckoutLineInput),
        description="A list of checkout lines, each containing information about an "
        "item in the checkout.",
    )
    email = graphene.String(description="The customer's email address.")
    save_shipping_address = graphene.Boolean(
        description="Indicates whether the shipping address should be saved to the "
        "user’s address book upon checkout completion."
    )
    shipping_address = AddressInput(
        description="The mailing address to where the checkout will be shipped."
    )
    save_billing_address = graphene.Boolean(
        description="Indicates whether the billing address should be saved to the "
        "user’s address book upon checkout completion."
    )
    billing_address = AddressInput(description="Billing address of the customer.")
    language_code = graphene.Argument(
        LanguageCodeEnum, description="Checkout language code."
    )
    validation_rules = CheckoutValidationRules(
        description="The checkout validation rules that can be changed."
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Checkout public metadata."
    )
    private_metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Checkout private metadata."
    )


def variant_pk(global_id: str) -> int:
    """Return the pk of a ProductVariant global id, or raise a variantId error."""
    return decode_global_id(
        global_id, type_names=("ProductVariant",), field_name="variantId"
    )


def refuse_price_override(lines) -> None:
    """Refuse custom prices: only Saleor apps with HANDLE_CHECKOUTS set them."""
    if any(line.get("price") is not None for line in lines):
        raise ValidationError(
            {
                "price": ValidationError(
                    "Setting a custom price is not allowed.", code="INVALID"
                )
            }
        )


def lines_to_add(lines) -> list[tuple[int, int]]:
    """Return (variant pk, quantity) pairs of CheckoutLineInput items."""
    refuse_price_override(lines)
    return [(variant_pk(line["variant_id"]), line["quantity"]) for line in lines]


def address_data(address) -> dict:
    """Return the domain's address dict of an AddressInput."""
    data = {
        name: address.get(name)
        for name in (
            "first_name",
            "last_name",
            "company_name",
            "street_address_1",
            "street_address_2",
            "city",
            "city_area",
            "postal_code",
            "country_area",
            "phone",
        )
    }
    data["country"] = address_country_code(address) or ""
    return data


def metadata_items(items) -> dict[str, str]:
    return {item["key"]: item["value"] for item in items or []}
