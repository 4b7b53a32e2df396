"""The article index's GET form; an unknown condition is a form error."""

from django import forms


class ArticleFilterForm(forms.Form):
    condition = forms.ChoiceField(label="Condition", required=False)

    def __init__(self, data, *, condition_choices: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["condition"].choices = [("", "All conditions"), *condition_choices]

    @property
    def chosen_condition(self) -> str | None:
        """Return the chosen condition slug, or None for none or a bad one."""
        if not self.is_valid():
            return None
        return self.cleaned_data["condition"] or None
