"""Save admin inline formsets through the catalog and stock services.

Django's admin reads ``new_objects``, ``changed_objects`` and
``deleted_objects`` off a saved formset to write its history; these helpers
set them as ``formset.save()`` would.
"""

from collections.abc import Callable
from typing import Any

from django.forms import BaseInlineFormSet, ModelForm


def forms_by_outcome(
    formset: BaseInlineFormSet,
) -> tuple[list[ModelForm], list[ModelForm], list[ModelForm]]:
    """Return the formset's new, changed and deleted forms."""
    new, changed, deleted = [], [], []
    for form in formset.initial_forms:
        if formset.can_delete and formset._should_delete_form(form):
            deleted.append(form)
        elif form.has_changed():
            changed.append(form)
    for form in formset.extra_forms:
        if form.has_changed() and not (
            formset.can_delete and formset._should_delete_form(form)
        ):
            new.append(form)
    return new, changed, deleted


def record_outcome(
    formset: BaseInlineFormSet,
    *,
    new: list[Any],
    changed: list[ModelForm],
    deleted: list[Any],
) -> None:
    """Set what ``formset.save()`` would have set, for the admin's history."""
    formset.new_objects = list(new)
    formset.changed_objects = [(form.instance, form.changed_data) for form in changed]
    formset.deleted_objects = list(deleted)


def save_each(
    formset: BaseInlineFormSet,
    *,
    create: Callable[[ModelForm], Any],
    update: Callable[[ModelForm], Any],
    delete: Callable[[Any], Any],
) -> None:
    """Create, change and delete one object per form through services."""
    new, changed, deleted = forms_by_outcome(formset)
    for form in deleted:
        delete(form.instance)
    for form in changed:
        update(form)
    created = [create(form) for form in new]
    record_outcome(
        formset,
        new=created,
        changed=changed,
        deleted=[form.instance for form in deleted],
    )


def changed_fields(form: ModelForm, names: list[str]) -> dict[str, Any]:
    """Return the cleaned values of the named fields the user changed."""
    return {
        name: form.cleaned_data[name] for name in names if name in form.changed_data
    }


class FixedKeyFormSet(BaseInlineFormSet):
    """Refuse moving a saved row to another warehouse or channel.

    The services key stock and prices by warehouse and channel, so a row
    is removed and another added instead.
    """

    key_fields = ("warehouse", "channel")

    def clean(self) -> None:
        super().clean()
        for form in self.initial_forms:
            if not form.is_valid() or self._should_delete_form(form):
                continue
            for name in self.key_fields:
                if name in form.changed_data:
                    form.add_error(
                        name,
                        "Delete this row and add a new one to use another "
                        f"{name.replace('_', ' ')}.",
                    )


class CollectionKeyFormSet(FixedKeyFormSet):
    key_fields = ("collection", "product")
