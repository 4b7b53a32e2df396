"""categoryCreate, categoryUpdate, categoryDelete."""

import graphene
from django.core.files.uploadedfile import UploadedFile

from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Category

from ...core.errors import ProductError
from ...core.inputs import MetadataInput, SeoInput, metadata_fields, seo_fields
from ...core.mutations import BaseMutation, get_node, id_error
from ...core.upload import Upload
from ..types import Category as CategoryType


class CategoryInput(graphene.InputObjectType):
    description = graphene.JSONString(description="Category description.")
    name = graphene.String(description="Category name.")
    slug = graphene.String(description="Category slug.")
    seo = SeoInput(description="Search engine optimization fields.")
    background_image = Upload(description="Background image file.")
    background_image_alt = graphene.String(description="Alt text for a product media.")
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    private_metadata = graphene.List(graphene.NonNull(MetadataInput))


def catalog_fields(data, instance=None) -> dict:
    """Return service fields for a CategoryInput or CollectionInput."""
    fields = {**seo_fields(data.get("seo")), **metadata_fields(data)}
    for name in ("name", "slug", "description", "background_image_alt"):
        if name in data and (name != "background_image_alt" or data[name] is not None):
            fields[name] = data[name]
    image = data.get("background_image")
    if image is not None:
        if not isinstance(image, UploadedFile):
            raise id_error(
                "backgroundImage",
                "The image must be sent as a multipart file.",
                "INVALID",
            )
        fields["background_image"] = image
    if instance is not None:
        for name in ("metadata", "private_metadata"):
            if name in fields:
                fields[name] = {**getattr(instance, name), **fields[name]}
    return fields


class CategoryCreate(BaseMutation):
    category = graphene.Field(CategoryType)

    class Arguments:
        input = CategoryInput(
            required=True, description="Fields required to create a category."
        )
        parent = graphene.ID(
            description=(
                "ID of the parent category. If empty, category will be top level "
                "category."
            ),
            name="parent",
        )

    class Meta:
        description = "Creates a new category."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        parent = None
        if data.get("parent"):
            parent = get_node(
                data["parent"],
                type_name="Category",
                model=Category,
                field_name="parent",
            )
        fields = catalog_fields(data["input"])
        return {"parent": parent, "name": fields.pop("name", None), **fields}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(category=services.category_create(**cleaned))


class CategoryUpdate(BaseMutation):
    category = graphene.Field(CategoryType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a category to update.")
        input = CategoryInput(
            required=True, description="Fields required to update a category."
        )

    class Meta:
        description = "Updates a category."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        category = get_node(data["id"], type_name="Category", model=Category)
        return {"category": category, **catalog_fields(data["input"], category)}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(category=services.category_update(**cleaned))


class CategoryDelete(BaseMutation):
    category = graphene.Field(CategoryType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a category to delete.")

    class Meta:
        description = "Deletes a category."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {"category": get_node(data["id"], type_name="Category", model=Category)}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(category=services.category_delete(**cleaned))
