"""Merchandiser writes: the products an article features."""

from django.core.exceptions import ValidationError
from django.db import transaction

from backend.attribute.models import (
    AssignedPageAttributeValue,
    Attribute,
    AttributePage,
    AttributeValue,
)
from backend.attribute.services import AttributeAssignment, attribute_assignment_values
from backend.core import cache_versions

from ..models import Page
from .article_page_type import FEATURED_PRODUCTS_SLUG

# Private metadata key holding {product id: name} of what the page features,
# so staff can be warned when a featured product is later deleted (deleting
# a product deletes its reference value, leaving no other trace).
FEATURED_SEEN_KEY = "lumbar.featured_products_seen"


@transaction.atomic
def page_tag_products(*, page: Page, product_ids: list[int]) -> list[AttributeValue]:
    """Set the products the page features, in the order given (Saleor references)."""
    # Product pages list the articles featuring them: the listing moves.
    cache_versions.page_edited([page.pk], listed=True)
    page = Page.objects.select_for_update().get(pk=page.pk)
    attribute = Attribute.objects.filter(slug=FEATURED_PRODUCTS_SLUG).first()
    if (
        attribute is None
        or not AttributePage.objects.filter(
            attribute=attribute, page_type_id=page.page_type_id
        ).exists()
    ):
        raise ValidationError(
            {
                "attributes": ValidationError(
                    "This page type has no featured products.", code="INVALID"
                )
            }
        )
    values = attribute_assignment_values(
        attribute=attribute,
        assignment=AttributeAssignment(
            attribute_id=attribute.pk,
            reference_ids=tuple(dict.fromkeys(product_ids)),
        ),
        owner_key=str(page.pk),
    )
    AssignedPageAttributeValue.objects.filter(
        page=page, value__attribute=attribute
    ).delete()
    AssignedPageAttributeValue.objects.bulk_create(
        AssignedPageAttributeValue(page=page, value=value, sort_order=index)
        for index, value in enumerate(values)
    )
    _featured_products_remember(page)
    return values


def _featured_products_remember(page: Page) -> None:
    names = dict(
        AssignedPageAttributeValue.objects.filter(
            page=page, value__attribute__slug=FEATURED_PRODUCTS_SLUG
        ).values_list("value__reference_product_id", "value__reference_product__name")
    )
    metadata = page.private_metadata or {}
    metadata[FEATURED_SEEN_KEY] = {str(pk): name for pk, name in names.items()}
    Page.objects.filter(pk=page.pk).update(private_metadata=metadata)
