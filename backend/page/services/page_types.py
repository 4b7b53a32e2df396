"""Staff writes to page types: which attributes their pages carry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q, QuerySet

from backend.attribute.models import (
    Attribute,
    AttributeInputType,
    AttributePage,
    AttributeType,
)
from backend.core.cache_versions import CATALOG, bump

from ..models import PageType

# Lumbar's extension to Saleor's rule (page-type attributes only): a
# product-type choice attribute may tag pages too, so one "Conditions"
# attribute tags both the articles and the products they sell.
SHARED_INPUT_TYPES = (AttributeInputType.DROPDOWN, AttributeInputType.MULTISELECT)


def attribute_assignable_to_pages(attribute: Attribute) -> bool:
    """Return whether pages may carry this attribute."""
    return attribute.type == AttributeType.PAGE_TYPE or (
        attribute.type == AttributeType.PRODUCT_TYPE
        and attribute.input_type in SHARED_INPUT_TYPES
    )


def attributes_assignable_to_page_type(*, page_type: PageType) -> QuerySet:
    """Return the attributes the page type may take and does not have yet."""
    return Attribute.objects.filter(
        Q(type=AttributeType.PAGE_TYPE)
        | Q(type=AttributeType.PRODUCT_TYPE, input_type__in=SHARED_INPUT_TYPES)
    ).exclude(attributepage__page_type=page_type)


@transaction.atomic
def page_attribute_assign(
    *, page_type: PageType, attributes: list[Attribute]
) -> PageType:
    """Add the attributes to the page type, after the ones it has."""
    bump(CATALOG)
    page_type = PageType.objects.select_for_update().get(pk=page_type.pk)
    refused = [a for a in attributes if not attribute_assignable_to_pages(a)]
    if refused:
        raise ValidationError(
            {
                "attributeIds": ValidationError(
                    "Only page type attributes, or product type dropdown and "
                    "multiselect attributes, can be assigned.",
                    code="INVALID",
                    params={"attributes": [a.pk for a in refused]},
                )
            }
        )
    ids = [attribute.pk for attribute in attributes]
    if len(ids) != len(set(ids)):
        raise ValidationError(
            {
                "attributeIds": ValidationError(
                    "An attribute is given twice.", code="DUPLICATED_INPUT_ITEM"
                )
            }
        )
    assigned = set(
        AttributePage.objects.filter(
            page_type=page_type, attribute_id__in=ids
        ).values_list("attribute_id", flat=True)
    )
    if assigned:
        raise ValidationError(
            {
                "attributeIds": ValidationError(
                    "Some of the attributes are already assigned to this page type.",
                    code="ATTRIBUTE_ALREADY_ASSIGNED",
                    params={"attributes": sorted(assigned)},
                )
            }
        )
    last = AttributePage.objects.filter(page_type=page_type).aggregate(
        last=Max("sort_order")
    )["last"]
    start = -1 if last is None else last
    AttributePage.objects.bulk_create(
        AttributePage(attribute=attribute, page_type=page_type, sort_order=start + n)
        for n, attribute in enumerate(attributes, start=1)
    )
    return page_type
