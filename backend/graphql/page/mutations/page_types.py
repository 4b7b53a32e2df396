"""pageAttributeAssign (MANAGE_PAGE_TYPES_AND_ATTRIBUTES)."""

import graphene
from django.core.exceptions import ValidationError

from backend.attribute.models import Attribute
from backend.core.permissions import PermissionEnum
from backend.page.models import PageType
from backend.page.services.page_types import page_attribute_assign

from ...core.ids import global_id
from ...core.mutations import BaseMutation, get_node, get_nodes
from ..errors import PageError
from ..types import PageType as PageTypeObject


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
