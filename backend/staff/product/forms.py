"""Admin forms that check what the catalog services check, as form errors.

The services raise the same errors on save; checking first lets the admin
show them next to the field instead of refusing the whole page.
"""

from datetime import UTC, datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from backend.channel.models import Channel
from backend.product.models import (
    Product,
    ProductMedia,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.product.services.attributes import required_attributes_check
from backend.product.services.channel_listings import price_amount_check
from backend.product.services.media import image_check
from backend.warehouse.models import Stock

from .formsets import FixedKeyFormSet


def _form_error(error: ValidationError) -> ValidationError:
    """Return a domain error's messages without its API field names."""
    return ValidationError(error.messages)


def description_from_text(text: str) -> dict[str, Any] | None:
    """Return an Editor.js document with one paragraph per blank-line block."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [
        {"type": "paragraph", "data": {"text": paragraph}}
        for paragraph in paragraphs
        if paragraph
    ]
    if not blocks:
        return None
    now = datetime.now(tz=UTC)
    return {"time": int(now.timestamp() * 1000), "blocks": blocks, "version": "2.24.3"}


def text_of_description(description: Any) -> str:
    """Return an Editor.js document as text, a blank line between blocks."""
    if not isinstance(description, dict):
        return ""
    blocks = []
    for block in description.get("blocks", []) or []:
        data = block.get("data", {}) if isinstance(block, dict) else {}
        lines = [str(data["text"])] if data.get("text") else []
        lines += [str(item) for item in data.get("items", []) or []]
        if lines:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


class DescriptionField(forms.CharField):
    """A textarea whose browser line endings do not count as a change."""

    def to_python(self, value: Any) -> str:
        return super().to_python(value).replace("\r\n", "\n")


class DescribedForm(forms.ModelForm):
    """A form that edits an Editor.js description as plain paragraphs."""

    description_text = DescriptionField(
        label="Description",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            "Plain text; leave a blank line between paragraphs. Editing it "
            "turns lists and headings into plain paragraphs."
        ),
    )
    # The model fields a service takes, besides the description.
    service_field_names: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = "Leave blank to make one from the name."
        if self.instance.pk:
            self.fields["description_text"].initial = text_of_description(
                self.instance.description
            )

    def service_fields(self) -> dict[str, Any]:
        """Return the fields for the create or update service.

        On a new object, every field; on an existing one, the changed ones.
        """
        changed = set(self.changed_data) if self.instance.pk else None
        fields = {
            name: self.cleaned_data.get(name)
            for name in self.service_field_names
            if name in self.cleaned_data and (changed is None or name in changed)
        }
        if "slug" in fields and not fields["slug"]:
            fields["slug"] = None
        if changed is None or "description_text" in changed:
            fields["description"] = description_from_text(
                self.cleaned_data.get("description_text") or ""
            )
        return fields


class ProductForm(DescribedForm):
    service_field_names = (
        "name",
        "slug",
        "category",
        "seo_title",
        "seo_description",
        "weight_grams",
    )

    class Meta:
        model = Product
        fields = [
            "product_type",
            "name",
            "slug",
            "category",
            "seo_title",
            "seo_description",
            "weight_grams",
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        product_type = cleaned.get("product_type")
        if not self.instance.pk and product_type is not None:
            try:
                required_attributes_check(
                    product_type=product_type, assignments=[], variant=False
                )
            except ValidationError as error:
                raise _form_error(error) from None
        return cleaned


class BackgroundImageForm(DescribedForm):
    """A category or collection form; checks the image as the service does."""

    service_field_names = (
        "name",
        "slug",
        "seo_title",
        "seo_description",
        "background_image",
        "background_image_alt",
    )

    def clean_background_image(self):
        image = self.cleaned_data.get("background_image")
        if image and "background_image" in self.changed_data:
            try:
                image_check(image=image)
            except ValidationError as error:
                raise _form_error(error) from None
        return image

    def service_fields(self) -> dict[str, Any]:
        fields = super().service_fields()
        if not fields.get("background_image"):
            # The services take a new upload only; clearing is a model save.
            fields.pop("background_image", None)
        return fields


class VariantRequiredAttributesFormSet(forms.BaseInlineFormSet):
    """Refuse a new variant whose product type requires variant attributes."""

    def clean(self) -> None:
        super().clean()
        product_type_id = getattr(self.instance, "product_type_id", None)
        adding = any(
            form.instance.pk is None and form.has_changed()
            for form in self.forms
            if not self._should_delete_form(form)
        )
        if not adding or product_type_id is None:
            return
        kept = [
            form
            for form in self.forms
            if not self._should_delete_form(form)
            and (form.instance.pk is not None or form.has_changed())
        ]
        if not self.instance.product_type.has_variants and len(kept) > 1:
            raise ValidationError("This product type has no variants beyond the first.")
        try:
            required_attributes_check(
                product_type=self.instance.product_type, assignments=[], variant=True
            )
        except ValidationError as error:
            raise _form_error(error) from None


class VariantForm(forms.ModelForm):
    class Meta:
        model = ProductVariant
        fields = [
            "product",
            "sku",
            "name",
            "track_inventory",
            "is_preorder",
            "weight_grams",
            "quantity_limit_per_customer",
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        product = cleaned.get("product")
        if self.instance.pk or product is None:
            return cleaned
        if not product.product_type.has_variants and product.variants.exists():
            raise ValidationError("This product type has no variants beyond the first.")
        try:
            required_attributes_check(
                product_type=product.product_type, assignments=[], variant=True
            )
        except ValidationError as error:
            raise _form_error(error) from None
        return cleaned

    def clean_sku(self) -> str | None:
        return (self.cleaned_data.get("sku") or "").strip() or None

    def clean_quantity_limit_per_customer(self) -> int | None:
        limit = self.cleaned_data.get("quantity_limit_per_customer")
        if limit is not None and limit < 1:
            raise ValidationError("The limit must be at least 1.")
        return limit


class VariantChannelListingForm(forms.ModelForm):
    class Meta:
        model = ProductVariantChannelListing
        fields = ["channel", "price_amount", "cost_price_amount", "prior_price_amount"]
        labels = {
            "price_amount": "Price",
            "cost_price_amount": "Cost price",
            "prior_price_amount": "Prior price",
        }

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["price_amount"].required = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        channel: Channel | None = cleaned.get("channel")
        if channel is None:
            return cleaned
        for name in ("price_amount", "cost_price_amount", "prior_price_amount"):
            try:
                price_amount_check(
                    amount=cleaned.get(name), currency=channel.currency_code
                )
            except ValidationError as error:
                self.add_error(name, error.messages)
        return cleaned


class VariantChannelListingFormSet(FixedKeyFormSet):
    """Refuse a price in a channel the product is not listed in."""

    def clean(self) -> None:
        super().clean()
        variant = self.instance
        if variant.product_id is None:
            return
        listed = set(
            variant.product.channel_listings.values_list("channel_id", flat=True)
        )
        for form in self.forms:
            channel = form.cleaned_data.get("channel") if form.is_valid() else None
            if channel is None or self._should_delete_form(form):
                continue
            if channel.pk not in listed:
                form.add_error(
                    "channel",
                    f"Product is not available in channel {channel.slug}; "
                    "list it in the channel on the product page first.",
                )


class StockForm(forms.ModelForm):
    quantity = forms.IntegerField(
        min_value=0,
        error_messages={"min_value": "Quantity cannot be negative."},
    )

    class Meta:
        model = Stock
        fields = ["warehouse", "quantity"]


class ProductMediaForm(forms.ModelForm):
    class Meta:
        model = ProductMedia
        fields = ["image", "alt"]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and "image" in self.changed_data:
            try:
                image_check(image=image)
            except ValidationError as error:
                raise _form_error(error) from None
        elif not image:
            raise ValidationError("Choose an image to upload.")
        return image
