"""pageTranslate (MANAGE_TRANSLATIONS)."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.page.models import Page
from backend.page.services.pages import page_translate

from ...core.enums import LanguageCodeEnum
from ...core.errors import TranslationError
from ...core.mutations import BaseMutation, decode_global_id, id_error
from ...core.shared_enums import stored_language_code
from ..translatable import PageTranslatableContent


class PageTranslationInput(graphene.InputObjectType):
    slug = graphene.String()
    seo_title = graphene.String()
    seo_description = graphene.String()
    title = graphene.String()
    content = graphene.JSONString(description="Translated page content.")


class PageTranslate(BaseMutation):
    page = graphene.Field(PageTranslatableContent)

    class Arguments:
        id = graphene.ID(
            required=True, description="Page ID or PageTranslatableContent ID."
        )
        input = PageTranslationInput(
            required=True, description="Fields required to update page translations."
        )
        language_code = graphene.Argument(
            LanguageCodeEnum,
            required=True,
            description="Translation language code.",
        )

    class Meta:
        description = "Creates/updates translations for a page."
        permissions = (PermissionEnum.MANAGE_TRANSLATIONS,)
        error_type_class = TranslationError
        error_type_field = "translation_errors"

    @classmethod
    def clean_input(cls, info, **data):
        pk = decode_global_id(
            data["id"], type_names=("Page", "PageTranslatableContent"), field_name="id"
        )
        page = Page.objects.filter(pk=pk).first()
        if page is None:
            raise id_error(
                "id", f"Couldn't resolve to a node: {data['id']}", "NOT_FOUND"
            )
        fields = {
            name: data["input"][name]
            for name in ("slug", "seo_title", "seo_description", "title", "content")
            if name in data["input"]
        }
        return {
            "page": page,
            "language_code": stored_language_code(data["language_code"]),
            **fields,
        }

    @classmethod
    def perform_mutation(cls, info, page, **cleaned):
        page_translate(page=page, **cleaned)
        return cls.success(page=page)
