"""Translation rows on the product, category and collection pages.

Shown only to holders of MANAGE_TRANSLATIONS, the code Saleor's
``*Translate`` mutations ask; saved through the same translate services.
"""

from django import forms

from backend.core.admin_permissions import SaleorTabularInline
from backend.core.languages import LANGUAGE_CODE_CHOICES
from backend.core.permissions import PermissionEnum
from backend.product.models import (
    CategoryTranslation,
    CollectionTranslation,
    ProductTranslation,
)
from backend.product.services.translations import (
    category_translate,
    collection_translate,
    product_translate,
)

from .formsets import FixedKeyFormSet, forms_by_outcome, record_outcome

TRANSLATED_FIELDS = ["name", "slug", "seo_title", "seo_description"]


class LanguageKeyFormSet(FixedKeyFormSet):
    key_fields = ("language_code",)


class TranslationInline(SaleorTabularInline):
    permissions = (PermissionEnum.MANAGE_TRANSLATIONS,)
    formset = LanguageKeyFormSet
    fields = ["language_code", *TRANSLATED_FIELDS]
    extra = 0

    # The service that writes a row, and its keyword for the owner.
    owner_keyword = ""

    @staticmethod
    def translate(**kwargs):
        raise NotImplementedError

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "language_code":
            return forms.ChoiceField(
                choices=[("", "---------"), *LANGUAGE_CODE_CHOICES],
                label="Language",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @classmethod
    def save_with_services(cls, formset, owner) -> None:
        new, changed, deleted = forms_by_outcome(formset)
        for form in deleted:
            form.instance.delete()
        saved = [
            cls.translate(
                **{cls.owner_keyword: owner},
                language_code=form.cleaned_data["language_code"],
                **{
                    name: form.cleaned_data.get(name) or None
                    for name in TRANSLATED_FIELDS
                },
            )
            for form in [*new, *changed]
        ]
        record_outcome(
            formset,
            new=saved[: len(new)],
            changed=changed,
            deleted=[form.instance for form in deleted],
        )


class ProductTranslationInline(TranslationInline):
    model = ProductTranslation
    owner_keyword = "product"
    translate = staticmethod(product_translate)


class CategoryTranslationInline(TranslationInline):
    model = CategoryTranslation
    owner_keyword = "category"
    translate = staticmethod(category_translate)


class CollectionTranslationInline(TranslationInline):
    model = CollectionTranslation
    owner_keyword = "collection"
    translate = staticmethod(collection_translate)
