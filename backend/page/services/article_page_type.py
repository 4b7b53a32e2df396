"""The Article page type and the page attributes it carries."""

from django.db import transaction

from backend.attribute.models import (
    Attribute,
    AttributeEntityType,
    AttributeInputType,
    AttributePage,
    AttributeType,
)
from backend.attribute.services import attribute_create
from backend.core.cache_versions import CATALOG, bump

from ..models import PageType

ARTICLE_PAGE_TYPE_SLUG = "article"
ARTICLE_PAGE_TYPE_NAME = "Article"
# Merchandisers tag products to an article through this attribute.
FEATURED_PRODUCTS_SLUG = "featured-products"
# Shared with products: the same Attribute row tags both.
CONDITIONS_SLUG = "conditions"
THERAPY_SLUG = "therapy"


@transaction.atomic
def article_page_type_ensure() -> PageType:
    """Create the Article page type and its attributes unless they exist."""
    page_type, created = PageType.objects.get_or_create(
        slug=ARTICLE_PAGE_TYPE_SLUG, defaults={"name": ARTICLE_PAGE_TYPE_NAME}
    )
    featured = Attribute.objects.filter(slug=FEATURED_PRODUCTS_SLUG).first()
    if featured is None:
        featured = attribute_create(
            name="Featured products",
            slug=FEATURED_PRODUCTS_SLUG,
            type=AttributeType.PAGE_TYPE,
            input_type=AttributeInputType.REFERENCE,
            entity_type=AttributeEntityType.PRODUCT,
            filterable_in_storefront=False,
            filterable_in_dashboard=False,
            available_in_grid=False,
        )
    conditions = Attribute.objects.filter(slug=CONDITIONS_SLUG).first()
    if conditions is None:
        conditions = attribute_create(
            name="Conditions",
            slug=CONDITIONS_SLUG,
            type=AttributeType.PRODUCT_TYPE,
            input_type=AttributeInputType.MULTISELECT,
        )
    for sort_order, attribute in enumerate((featured, conditions)):
        _, linked = AttributePage.objects.get_or_create(
            attribute=attribute,
            page_type=page_type,
            defaults={"sort_order": sort_order},
        )
        created = created or linked
    if created:
        bump(CATALOG)
    return page_type
