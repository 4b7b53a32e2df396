"""A domain refusal reads the same at the API, the admin and the store's forms.

Each door adapts backend/core/errors.error_items in a line.
"""

from django import forms
from django.core.exceptions import ValidationError

from backend.core.admin_permissions import validation_messages
from backend.graphql.core.errors import ProductErrorCode, validation_error_to_list
from backend.storefront.account_forms import ServiceErrorsMixin
from backend.storefront.checkout_forms import add_domain_errors
from backend.storefront.comment_forms import CommentForm


def _refusal() -> ValidationError:
    return ValidationError(
        {
            "postal_code": ValidationError(
                "%(code)s is not a valid postal code.",
                code="INVALID",
                params={"code": "ABC"},
            ),
            "__all__": ValidationError("The checkout is not ready.", code="INVALID"),
        }
    )


class _PostalForm(ServiceErrorsMixin, forms.Form):
    postal_code = forms.CharField()


class _CheckoutPostalForm(forms.Form):
    postal_code = forms.CharField()


def _form_messages(form: forms.Form) -> list[str]:
    return [message for messages in form.errors.values() for message in messages]


def test_every_door_shows_the_same_messages_with_params_applied():
    error = _refusal()
    expected = ["ABC is not a valid postal code.", "The checkout is not ready."]

    api = validation_error_to_list(error, code_enum=ProductErrorCode)
    account_form = _PostalForm(data={})
    account_form.errors.clear()
    account_form.add_service_errors(error)
    checkout_form = _CheckoutPostalForm(data={})
    checkout_form.errors.clear()
    add_domain_errors(checkout_form, error)

    assert [item["message"] for item in api] == expected
    assert [item["field"] for item in api] == ["postalCode", None]
    assert validation_messages(error) == [
        "postal_code: ABC is not a valid postal code.",
        "The checkout is not ready.",
    ]
    assert _form_messages(account_form) == expected
    assert checkout_form.errors["postal_code"] == [expected[0]]
    assert checkout_form.non_field_errors() == [expected[1]]


def test_a_field_the_form_lacks_is_shown_as_a_general_error():
    form = CommentForm(data={"name": "Ann", "email": "a@example.com", "body": "Hi"})
    assert form.is_valid()

    form.add_service_errors(ValidationError({"channel": ValidationError("Closed.")}))

    assert form.non_field_errors() == ["Closed."]
    assert "channel" not in form.errors
