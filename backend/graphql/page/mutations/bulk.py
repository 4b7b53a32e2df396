"""pageBulkDelete, pageBulkPublish (MANAGE_PAGES)."""

import graphene

from backend.core.permissions import PermissionEnum
from backend.page.models import Page
from backend.page.services.pages import pages_delete, pages_publish

from ...core.bulk import BulkMutation, bulk_pks
from ..errors import PageError

MANAGE_PAGES = (PermissionEnum.MANAGE_PAGES,)


def _ids_argument(description: str):
    return graphene.List(
        graphene.NonNull(graphene.ID), required=True, description=description
    )


class PageBulkDelete(BulkMutation):
    class Arguments:
        ids = _ids_argument("List of page IDs to delete.")

    class Meta:
        description = "Deletes pages."
        permissions = MANAGE_PAGES
        error_type_class = PageError
        error_type_field = "page_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {"page_ids": bulk_pks(data["ids"], type_name="Page", model=Page)}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(count=pages_delete(**cleaned))


class PageBulkPublish(BulkMutation):
    class Arguments:
        ids = _ids_argument("List of page IDs to (un)publish.")
        is_published = graphene.Boolean(
            required=True, description="Determine if pages will be published or not."
        )

    class Meta:
        description = "Publish pages."
        permissions = MANAGE_PAGES
        error_type_class = PageError
        error_type_field = "page_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "page_ids": bulk_pks(data["ids"], type_name="Page", model=Page),
            "is_published": data["is_published"],
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(count=pages_publish(**cleaned))
