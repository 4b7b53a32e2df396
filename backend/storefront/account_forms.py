"""Forms of the account pages; the account services have the last word."""

from django import forms
from django.core.exceptions import ValidationError


class ServiceErrorsMixin:
    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's refusal on the form's fields."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, errors in error.error_dict.items():
            self.add_error(field if field in self.fields else None, errors)


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
