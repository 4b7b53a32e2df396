"""productCreate, productUpdate, productDelete."""

import graphene
from django.core.exceptions import ValidationError

from backend.core.permissions import PermissionEnum
from backend.product import services
from backend.product.models import Category, Collection, Product, ProductType

from ...attribute.mutations.assignment import AttributeValueInput, attribute_assignments
from ...core.errors import ProductError
from ...core.inputs import (
    MetadataInput,
    SeoInput,
    WeightScalar,
    metadata_fields,
    seo_fields,
)
from ...core.mutations import BaseMutation, get_node, get_nodes, id_error
from .. import types


class ProductInput(graphene.InputObjectType):
    attributes = graphene.List(
        graphene.NonNull(AttributeValueInput), description="List of attributes."
    )
    category = graphene.ID(description="ID of the product's category.")
    charge_taxes = graphene.Boolean(
        deprecation_reason=(
            "Use `Channel.taxConfiguration` to configure whether tax collection is "
            "enabled."
        )
    )
    collections = graphene.List(graphene.NonNull(graphene.ID))
    description = graphene.JSONString(description="Product description.")
    name = graphene.String(description="Product name.")
    slug = graphene.String(description="Product slug.")
    tax_class = graphene.ID()
    tax_code = graphene.String(
        deprecation_reason=(
            "Use tax classes to control the tax calculation for a product."
        )
    )
    seo = SeoInput(description="Search engine optimization fields.")
    weight = WeightScalar(description="Weight of the Product.")
    rating = graphene.Float(description="Defines the product rating value.")
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    private_metadata = graphene.List(graphene.NonNull(MetadataInput))
    external_reference = graphene.String(description="External ID of this product.")


class ProductCreateInput(ProductInput):
    product_type = graphene.ID(required=True, description="ID of the type.")


def product_fields(data) -> dict:
    """Return service fields for a ProductInput."""
    fields = {**seo_fields(data.get("seo")), **metadata_fields(data)}
    for name in ("name", "slug", "description", "rating", "external_reference"):
        if name in data:
            fields[name] = data[name]
    if "weight" in data:
        fields["weight_grams"] = data["weight"]
    if "category" in data:
        fields["category"] = data["category"] and get_node(
            data["category"],
            type_name="Category",
            model=Category,
            field_name="category",
        )
    return fields


def product_by_id_or_reference(data) -> Product:
    if data.get("id"):
        return get_node(data["id"], type_name="Product", model=Product)
    if data.get("external_reference"):
        product = Product.objects.filter(
            external_reference=data["external_reference"]
        ).first()
        if product is None:
            raise id_error(
                "externalReference",
                f"Couldn't resolve to a node: {data['external_reference']}",
                code="NOT_FOUND",
            )
        return product
    raise ValidationError(
        {
            "id": ValidationError(
                "Either 'id' or 'externalReference' must be provided.",
                code="GRAPHQL_ERROR",
            )
        }
    )


class ProductCreate(BaseMutation):
    product = graphene.Field(types.Product)

    class Arguments:
        input = ProductCreateInput(
            required=True, description="Fields required to create a product."
        )

    class Meta:
        description = "Creates a new product."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        data = data["input"]
        return {
            "product_type": get_node(
                data["product_type"],
                type_name="ProductType",
                model=ProductType,
                field_name="productType",
            ),
            "name": data.get("name"),
            "attributes": attribute_assignments(data.get("attributes")),
            "collections": get_nodes(
                data.get("collections") or [],
                type_name="Collection",
                model=Collection,
                field_name="collections",
            ),
            **product_fields({k: v for k, v in data.items() if k != "name"}),
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product=services.product_create(**cleaned))


class ProductUpdate(BaseMutation):
    product = graphene.Field(types.Product)

    class Arguments:
        external_reference = graphene.String(
            description="External ID of a product to update."
        )
        id = graphene.ID(description="ID of a product to update.")
        input = ProductInput(
            required=True, description="Fields required to update a product."
        )

    class Meta:
        description = "Updates an existing product."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        product = product_by_id_or_reference(data)
        product_input = data["input"]
        fields = product_fields(product_input)
        for name in ("metadata", "private_metadata"):
            if name in fields:
                fields[name] = {**getattr(product, name), **fields[name]}
        return {
            "product": product,
            "attributes": attribute_assignments(product_input.get("attributes")),
            "collections": get_nodes(
                product_input.get("collections") or [],
                type_name="Collection",
                model=Collection,
                field_name="collections",
            ),
            **fields,
        }

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product=services.product_update(**cleaned))


class ProductDelete(BaseMutation):
    product = graphene.Field(types.Product)

    class Arguments:
        external_reference = graphene.String(
            description="External ID of a product to delete."
        )
        id = graphene.ID(description="ID of a product to delete.")

    class Meta:
        description = "Deletes a product."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        return {"product": product_by_id_or_reference(data)}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(product=services.product_delete(**cleaned))


class ProductBulkDelete(BaseMutation):
    count = graphene.Int(
        required=True, description="Returns how many objects were affected."
    )

    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="List of product IDs to delete.",
        )

    class Meta:
        description = "Deletes products."
        permissions = (PermissionEnum.MANAGE_PRODUCTS,)
        error_type_class = ProductError
        error_type_field = "product_errors"

    @classmethod
    def clean_input(cls, info, **data):
        products = get_nodes(
            data["ids"], type_name="Product", model=Product, field_name="ids"
        )
        return {"products": list({p.pk: p for p in products}.values())}

    @classmethod
    def perform_mutation(cls, info, **cleaned):
        return cls.success(count=len(services.products_bulk_delete(**cleaned)))
