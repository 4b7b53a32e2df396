"""Forms of the cart and checkout pages; the domain decides, they parse."""

from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError

from backend.core.errors import error_messages_by_field
from backend.payment.gateways.test_gateway import (
    TOKEN_ACTION_REQUIRED,
    TOKEN_DECLINE,
    TOKEN_SUCCESS,
)

# The domain's (Saleor's) field names -> this module's form field names.
_FORM_FIELDS = {
    "streetAddress1": "street_address_1",
    "streetAddress2": "street_address_2",
    "postalCode": "postal_code",
    "countryArea": "country_area",
    "cityArea": "city_area",
    "firstName": "first_name",
    "lastName": "last_name",
    "sortingCode": "postal_code",
}


def add_domain_errors(
    form: forms.Form,
    error: ValidationError,
    *,
    field_names: Mapping[str, str] = _FORM_FIELDS,
) -> None:
    """Show a domain error on the form: per field where it names one."""
    for name, messages in error_messages_by_field(
        error, field_names=field_names
    ).items():
        form.add_error(name if name in form.fields else None, messages)


class AddToCartForm(forms.Form):
    """A variant (product page) or a single-variant product (shop block)."""

    variant = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    product = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    quantity = forms.IntegerField(label="Quantity", min_value=1, initial=1)
    # Set by a shop block's form: which article and block sold it.
    article = forms.SlugField(required=False, widget=forms.HiddenInput)
    block = forms.CharField(required=False, max_length=8, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("variant") and not cleaned.get("product"):
            raise ValidationError("Choose a product option.")
        return cleaned


class LineQuantityForm(forms.Form):
    quantity = forms.IntegerField(label="Quantity", min_value=1, max_value=9999)


class PromoCodeForm(forms.Form):
    promo_code = forms.CharField(label="Promo code", max_length=255)


class ContactForm(forms.Form):
    email = forms.EmailField(
        label="Email",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _autocomplete(token: str, widget=forms.TextInput) -> forms.Widget:
    """Return a widget browsers can fill from the shopper's saved address."""
    return widget(attrs={"autocomplete": token})


class AddressForm(forms.Form):
    first_name = forms.CharField(
        label="First name", max_length=256, widget=_autocomplete("given-name")
    )
    last_name = forms.CharField(
        label="Last name", max_length=256, widget=_autocomplete("family-name")
    )
    street_address_1 = forms.CharField(
        label="Street address", max_length=256, widget=_autocomplete("address-line1")
    )
    street_address_2 = forms.CharField(
        label="Apartment, suite (optional)",
        max_length=256,
        required=False,
        widget=_autocomplete("address-line2"),
    )
    city = forms.CharField(
        label="City", max_length=256, widget=_autocomplete("address-level2")
    )
    country_area = forms.CharField(
        label="State / province",
        max_length=128,
        required=False,
        widget=_autocomplete("address-level1"),
    )
    postal_code = forms.CharField(
        label="Postal code", max_length=20, widget=_autocomplete("postal-code")
    )
    country = forms.ChoiceField(
        label="Country", widget=_autocomplete("country", forms.Select)
    )
    phone = forms.CharField(
        label="Phone (optional)",
        max_length=32,
        required=False,
        widget=_autocomplete("tel", forms.TelInput),
    )

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [
            (country.code, country.name) for country in countries
        ]


class DeliveryForm(forms.Form):
    shipping_method = forms.TypedChoiceField(
        label="Delivery method", coerce=int, widget=forms.RadioSelect
    )

    def __init__(self, *args, method_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shipping_method"].choices = [
            (method_id, str(method_id)) for method_id in method_ids
        ]


TEST_TOKENS_HELP = (
    f"Test payments only, no money moves: {TOKEN_SUCCESS} pays, "
    f"{TOKEN_DECLINE} is declined, {TOKEN_ACTION_REQUIRED} asks for 3-D Secure."
)


class PaymentForm(forms.Form):
    card_token = forms.CharField(
        label="Test card token",
        max_length=64,
        initial=TOKEN_SUCCESS,
        help_text=TEST_TOKENS_HELP,
    )
