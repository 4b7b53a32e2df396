"""The comment form under an article; the page service has the last word."""

from django import forms

from backend.page.services.comments import BODY_MAX_LENGTH, NAME_MAX_LENGTH

from .account_forms import ServiceErrorsMixin

# Bots fill every field; people never see this one.
HONEYPOT_FIELD = "website"


class CommentForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(label="Name", max_length=NAME_MAX_LENGTH)
    email = forms.EmailField(
        label="Email",
        help_text="Never shown; we use it only if we need to reach you.",
    )
    body = forms.CharField(
        label="Comment",
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
