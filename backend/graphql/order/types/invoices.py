"""Saleor's Invoice: Lumbar issues no invoices, so every order lists none."""

import graphene
from graphene import relay

from ...core.lazy import lazy_type
from ...meta.types import ObjectWithMetadata

JobStatusEnum = graphene.Enum(
    "JobStatusEnum",
    [(name, name) for name in ("PENDING", "SUCCESS", "FAILED", "DELETED")],
)


class Invoice(graphene.ObjectType):
    status = graphene.Field(JobStatusEnum, required=True, description="Job status.")
    created_at = graphene.DateTime(
        required=True, description="Date and time at which invoice was created."
    )
    updated_at = graphene.DateTime(
        required=True, description="Date and time at which invoice was updated."
    )
    message = graphene.String(description="Message associated with an invoice.")
    number = graphene.String(description="Invoice number.")
    external_url = graphene.String(
        description="URL to view an invoice.", deprecation_reason="Use `url` field."
    )
    url = graphene.String(description="URL to view/download an invoice.")
    order = graphene.Field(
        lazy_type("backend.graphql.order.types.Order"),
        description="Order related to the invoice.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents an Invoice."
