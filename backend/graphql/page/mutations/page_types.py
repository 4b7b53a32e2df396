"""Page type mutations (MANAGE_PAGE_TYPES_AND_ATTRIBUTES): create, update,
delete (one or many), attribute assign, unassign and reorder."""

import graphene
from django.core.exceptions import ValidationError

from backend.attribute.models import Attribute
from backend.core.permissions import PermissionEnum
from backend.page.models import PageType
from backend.page.services.page_types import (
    page_attribute_assign,
    page_attribute_unassign,
    page_type_create,
    page_type_delete,
    page_type_reorder_attributes,
    page_type_update,
    page_types_delete,
)

from ...core.bulk import BulkMutation, bulk_pks
from ...core.ids import global_id
from ...core.inputs import ReorderInput
from ...core.mutations import BaseMutation, decode_global_id, get_node, get_nodes
from ..errors import PageError
from ..types import PageType as PageTypeObject

MANAGE_PAGE_TYPES = (PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,)


def _attributes(ids, field_name: str) -> list[Attribute]:
    return get_nodes(
        ids or [], type_name="Attribute", model=Attribute, field_name=field_name
    )


def _page_type(global_id_value: str, field_name: str = "id") -> PageType:
    return get_node(
        global_id_value, type_name="PageType", model=PageType, field_name=field_name
    )


class PageTypeMutation(BaseMutation):
    """Answers with PageError, naming attributes by global id."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("permissions", MANAGE_PAGE_TYPES)
        options.setdefault("error_type_class", PageError)
        options.setdefault("error_type_field", "page_errors")
        super().__init_subclass_with_meta__(**options)

    @classmethod
    def error_payload(cls, error: ValidationError):
        payload = super().error_payload(error)
        # The service names attributes by key; the API by global id.
        for item in payload.errors:
            if item.attributes:
                item.attributes = [global_id("Attribute", pk) for pk in item.attributes]
        return payload


class PageTypeCreateInput(graphene.InputObjectType):
    name = graphene.String(description="Name of the page type.")
    slug = graphene.String(description="Page type slug.")
    add_attributes = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of attribute IDs to be assigned to the page type.",
    )


class PageTypeUpdateInput(PageTypeCreateInput):
    remove_attributes = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of attribute IDs to be assigned to the page type.",
    )


class PageTypeCreate(PageTypeMutation):
    page_type = graphene.Field(PageTypeObject)

    class Arguments:
        input = PageTypeCreateInput(
            required=True, description="Fields required to create page type."
        )

    class Meta:
        description = "Create a new page type."

    @classmethod
    def clean_input(cls, info, **data):
        data = data["input"]
        return {
            "name": data.get("name"),
            "slug": data.get("slug"),
            "attributes": _attributes(data.get("add_attributes"), "addAttributes"),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(page_type=page_type_create(**cleaned))


class PageTypeUpdate(PageTypeMutation):
    page_type = graphene.Field(PageTypeObject)

    class Arguments:
        id = graphene.ID(description="ID of the page type to update.")
        input = PageTypeUpdateInput(
            required=True, description="Fields required to update page type."
        )

    class Meta:
        description = "Update page type."

    @classmethod
    def clean_input(cls, info, **data):
        if not data.get("id"):
            raise ValidationError(
                {"id": ValidationError("This field is required.", code="REQUIRED")}
            )
        given = data["input"]
        return {
            "page_type": _page_type(data["id"]),
            "name": given.get("name"),
            "slug": given.get("slug"),
            "add_attributes": _attributes(given.get("add_attributes"), "addAttributes"),
            "remove_attributes": _attributes(
                given.get("remove_attributes"), "removeAttributes"
            ),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(page_type=page_type_update(**cleaned))


class PageTypeDelete(PageTypeMutation):
    page_type = graphene.Field(PageTypeObject)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the page type to delete.")

    class Meta:
        description = "Delete a page type."

    @classmethod
    def clean_input(cls, info, **data):
        return {"page_type": _page_type(data["id"])}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(page_type=page_type_delete(**cleaned))


class PageTypeBulkDelete(BulkMutation):
    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="List of page type IDs to delete.",
        )

    class Meta:
        description = "Delete page types."
        permissions = MANAGE_PAGE_TYPES
        error_type_class = PageError
        error_type_field = "page_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "page_type_ids": bulk_pks(data["ids"], type_name="PageType", model=PageType)
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(count=page_types_delete(**cleaned))


class PageAttributeUnassign(PageTypeMutation):
    page_type = graphene.Field(PageTypeObject, description="The updated page type.")

    class Arguments:
        attribute_ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="The IDs of the attributes to unassign.",
        )
        page_type_id = graphene.ID(
            required=True,
            description="ID of the page type from which the attributes should be "
            "unassign.",
        )

    class Meta:
        description = "Unassign given attribute from page type."

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "page_type": _page_type(data["page_type_id"], "pageTypeId"),
            "attributes": _attributes(data["attribute_ids"], "attributeIds"),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(page_type=page_attribute_unassign(**cleaned))


class PageTypeReorderAttributes(PageTypeMutation):
    page_type = graphene.Field(
        PageTypeObject, description="Page type from which attributes are reordered."
    )

    class Arguments:
        moves = graphene.List(
            graphene.NonNull(ReorderInput),
            required=True,
            description="The list of attribute reordering operations.",
        )
        page_type_id = graphene.ID(required=True, description="ID of a page type.")

    class Meta:
        description = "Reorder the attributes of a page type."

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "page_type": _page_type(data["page_type_id"], "pageTypeId"),
            "moves": [
                (
                    decode_global_id(
                        move["id"], type_names=("Attribute",), field_name="moves"
                    ),
                    move.get("sort_order") or 0,
                )
                for move in data["moves"]
            ],
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(page_type=page_type_reorder_attributes(**cleaned))


class PageAttributeAssign(BaseMutation):
    page_type = graphene.Field(PageTypeObject, description="The updated page type.")

    class Arguments:
        attribute_ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="The IDs of the attributes to assign.",
        )
        page_type_id = graphene.ID(
            required=True,
            description="ID of the page type to assign the attributes into.",
        )

    class Meta:
        description = (
            "Assign attributes to a given page type. Lumbar also accepts product "
            "type dropdown and multiselect attributes, so pages and products "
            "share them (the Conditions attribute)."
        )
        permissions = (PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,)
        error_type_class = PageError
        error_type_field = "page_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {
            "page_type": get_node(
                data["page_type_id"],
                type_name="PageType",
                model=PageType,
                field_name="pageTypeId",
            ),
            "attributes": get_nodes(
                data["attribute_ids"],
                type_name="Attribute",
                model=Attribute,
                field_name="attributeIds",
            ),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(page_type=page_attribute_assign(**cleaned))

    @classmethod
    def error_payload(cls, error: ValidationError):
        payload = super().error_payload(error)
        # The service names attributes by key; the API by global id.
        for item in payload.errors:
            if item.attributes:
                item.attributes = [global_id("Attribute", pk) for pk in item.attributes]
        return payload
