"""Forms of the account pages; the account services have the last word."""

from django import forms
from django.core.exceptions import ValidationError
from django_countries import countries

from backend.account.addresses import ADDRESS_FIELDS

from .checkout_forms import add_domain_errors


class ServiceErrorsMixin:
    # A service's (Saleor's) field name → this form's field.
    service_fields: dict[str, str] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's refusal on the form's fields."""
        add_domain_errors(self, error, field_names=self.service_fields)


class SignUpForm(ServiceErrorsMixin, forms.Form):
    email = forms.EmailField(label="Email")
    first_name = forms.CharField(label="First name", required=False, max_length=256)
    password = forms.CharField(
        label="Password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class LoginForm(ServiceErrorsMixin, forms.Form):
    email = forms.EmailField(label="Email")
    password = forms.CharField(
        label="Password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class ConfirmForm(ServiceErrorsMixin, forms.Form):
    email = forms.EmailField(widget=forms.HiddenInput)
    token = forms.CharField(widget=forms.HiddenInput)


class AddressForm(ServiceErrorsMixin, forms.Form):
    """An address book entry; address_clean checks it for its country."""

    service_fields = {
        "streetAddress1": "street_address_1",
        "streetAddress2": "street_address_2",
        "postalCode": "postal_code",
        "countryArea": "country_area",
        "cityArea": "city_area",
        "sortingCode": "postal_code",
    }

    first_name = forms.CharField(label="First name", max_length=256)
    last_name = forms.CharField(label="Last name", max_length=256)
    company_name = forms.CharField(label="Company", max_length=256, required=False)
    street_address_1 = forms.CharField(label="Street address", max_length=256)
    street_address_2 = forms.CharField(
        label="Apartment, suite, etc.", max_length=256, required=False
    )
    city = forms.CharField(label="City", max_length=256, required=False)
    city_area = forms.CharField(label="District", max_length=128, required=False)
    postal_code = forms.CharField(label="Postal code", max_length=20, required=False)
    country_area = forms.CharField(
        label="State / province", max_length=128, required=False
    )
    country = forms.ChoiceField(label="Country", choices=[])
    phone = forms.CharField(label="Phone", max_length=32, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "Choose a country"), *countries]
        for name, autocomplete in _ADDRESS_AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = autocomplete

    def address_data(self) -> dict:
        """Return the fields as the account services take them."""
        return {name: self.cleaned_data.get(name, "") for name in ADDRESS_FIELDS}


_ADDRESS_AUTOCOMPLETE = {
    "first_name": "given-name",
    "last_name": "family-name",
    "company_name": "organization",
    "street_address_1": "address-line1",
    "street_address_2": "address-line2",
    "city": "address-level2",
    "city_area": "address-level3",
    "postal_code": "postal-code",
    "country_area": "address-level1",
    "country": "country",
    "phone": "tel",
}


def address_initial(address) -> dict:
    """Return a stored address as a form's initial data."""
    return {name: str(getattr(address, name) or "") for name in ADDRESS_FIELDS}


class _NewPasswordForm(ServiceErrorsMixin, forms.Form):
    """A new password typed twice; Django's validators run in the service."""

    new_password = forms.CharField(
        label="New password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password_again = forms.CharField(
        label="New password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        first = cleaned.get("new_password")
        second = cleaned.get("new_password_again")
        if first and second and first != second:
            self.add_error("new_password_again", "The two passwords do not match.")
        return cleaned


class PasswordChangeForm(_NewPasswordForm):
    service_fields = {"oldPassword": "old_password", "newPassword": "new_password"}
    field_order = ["old_password", "new_password", "new_password_again"]

    old_password = forms.CharField(
        label="Current password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class PasswordResetRequestForm(ServiceErrorsMixin, forms.Form):
    email = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


class PasswordSetForm(_NewPasswordForm):
    service_fields = {"password": "new_password"}

    email = forms.EmailField(widget=forms.HiddenInput)
    token = forms.CharField(widget=forms.HiddenInput)
