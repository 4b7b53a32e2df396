"""GET forms of the catalog pages; invalid input becomes a form error."""

from decimal import Decimal

from django import forms

from backend.product.selectors import (
    CATALOG_DEFAULT_SORT,
    CATALOG_SORTS,
    CatalogFilters,
    FilterChoices,
)

PRICE_FIELD_OPTIONS = {
    "required": False,
    "min_value": Decimal(0),
    "max_digits": 10,
    "decimal_places": 2,
}


class CatalogFilterForm(forms.Form):
    """Attribute checkboxes, a price range, in-stock and sort for a listing."""

    price_min = forms.DecimalField(label="Min price ($)", **PRICE_FIELD_OPTIONS)
    price_max = forms.DecimalField(label="Max price ($)", **PRICE_FIELD_OPTIONS)
    in_stock = forms.BooleanField(label="In stock only", required=False)
    sort = forms.ChoiceField(
        label="Sort by", required=False, choices=list(CATALOG_SORTS.items())
    )

    def __init__(
        self,
        data,
        *,
        filter_choices: list[FilterChoices],
        sorts: dict[str, str] = CATALOG_SORTS,
        default_sort: str = CATALOG_DEFAULT_SORT,
    ):
        super().__init__(data)
        self.fields["sort"].choices = list(sorts.items())
        self.default_sort = default_sort
        self.attribute_slugs = [choice.attribute_slug for choice in filter_choices]
        for choice in reversed(filter_choices):
            field = forms.MultipleChoiceField(
                label=choice.label,
                required=False,
                choices=choice.choices,
                widget=forms.CheckboxSelectMultiple,
            )
            self.fields = {choice.attribute_slug: field, **self.fields}

    @property
    def attribute_fields(self):
        return [self[slug] for slug in self.attribute_slugs]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error("price_max", "Max price must not be below the min price.")
        return cleaned

    def catalog_filters(self) -> CatalogFilters:
        """Return the filters from the valid fields; invalid ones are ignored."""
        self.is_valid()
        cleaned = self.cleaned_data
        attribute_values = {
            slug: tuple(cleaned[slug])
            for slug in self.attribute_slugs
            if cleaned.get(slug)
        }
        return CatalogFilters(
            attribute_values=attribute_values,
            price_min=cleaned.get("price_min"),
            price_max=cleaned.get("price_max"),
            sort=cleaned.get("sort") or self.default_sort,
        )

    @property
    def in_stock_only(self) -> bool:
        self.is_valid()
        return bool(self.cleaned_data.get("in_stock"))


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search products and guides", required=False, max_length=100
    )
