"""Staff writes to page types: which attributes their pages carry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils.text import slugify

from backend.attribute.models import (
    AssignedPageAttributeValue,
    Attribute,
    AttributeInputType,
    AttributePage,
    AttributeType,
)
from backend.core.cache_versions import CATALOG, bump

from ..models import Page, PageType
from .article_page_type import ARTICLE_PAGE_TYPE_SLUG
from .pages import page_delete

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


def _error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError(
        {field: ValidationError(message, code=code, params=params or None)}
    )


def _page_type_slug(*, slug: str | None, name: str, page_type_pk: int | None) -> str:
    others = PageType.objects.exclude(pk=page_type_pk)
    if slug is None:
        root = slugify(name, allow_unicode=True)[:240] or "page-type"
        candidate, suffix = root, 2
        while others.filter(slug=candidate).exists():
            candidate, suffix = f"{root}-{suffix}", suffix + 1
        return candidate
    cleaned = slugify(slug, allow_unicode=True)
    if not cleaned:
        raise _error("slug", "Slug value cannot be blank.", "REQUIRED")
    if others.filter(slug=cleaned).exists():
        raise _error("slug", "Page type with this Slug already exists.", "UNIQUE")
    return cleaned


def _name(name: str | None) -> str:
    if name is None or not name.strip():
        raise _error("name", "This field cannot be blank.", "REQUIRED")
    return name.strip()


@transaction.atomic
def page_type_create(
    *, name: str | None, slug: str | None = None, attributes: list[Attribute] = ()
) -> PageType:
    """Create a page type carrying the attributes, in the order given."""
    bump(CATALOG)
    name = _name(name)
    page_type = PageType.objects.create(
        name=name, slug=_page_type_slug(slug=slug, name=name, page_type_pk=None)
    )
    if attributes:
        page_attribute_assign(page_type=page_type, attributes=list(attributes))
    return page_type


@transaction.atomic
def page_type_update(
    *,
    page_type: PageType,
    name: str | None = None,
    slug: str | None = None,
    add_attributes: list[Attribute] = (),
    remove_attributes: list[Attribute] = (),
) -> PageType:
    """Rename a page type and change which attributes it carries."""
    bump(CATALOG)
    page_type = PageType.objects.select_for_update().get(pk=page_type.pk)
    both = {a.pk for a in add_attributes} & {a.pk for a in remove_attributes}
    if both:
        raise _error(
            "attributes",
            "The same attribute cannot be added and removed.",
            "DUPLICATED_INPUT_ITEM",
            attributes=sorted(both),
        )
    fields = {}
    if name is not None:
        fields["name"] = _name(name)
    if slug is not None:
        fields["slug"] = _page_type_slug(
            slug=slug,
            name=fields.get("name", page_type.name),
            page_type_pk=page_type.pk,
        )
    changed = [f for f, value in fields.items() if getattr(page_type, f) != value]
    for field in changed:
        setattr(page_type, field, fields[field])
    if changed:
        page_type.save(update_fields=changed)
    if remove_attributes:
        page_attribute_unassign(page_type=page_type, attributes=list(remove_attributes))
    if add_attributes:
        page_attribute_assign(page_type=page_type, attributes=list(add_attributes))
    return page_type


def _refuse_article_type(page_types) -> None:
    if any(page_type.slug == ARTICLE_PAGE_TYPE_SLUG for page_type in page_types):
        raise _error(
            "id",
            "The Article page type holds the synced articles; it cannot be deleted.",
            "INVALID",
        )


@transaction.atomic
def page_types_delete(*, page_type_ids: list[int]) -> int:
    """Delete page types with their pages (as Saleor); return how many."""
    bump(CATALOG)
    page_types = list(
        PageType.objects.select_for_update().filter(pk__in=page_type_ids).order_by("pk")
    )
    _refuse_article_type(page_types)
    for page in Page.objects.filter(page_type__in=page_types).order_by("pk"):
        page_delete(page=page)
    PageType.objects.filter(pk__in=[p.pk for p in page_types]).delete()
    return len(page_types)


@transaction.atomic
def page_type_delete(*, page_type: PageType) -> PageType:
    """Delete a page type with its pages; return it with its id kept."""
    page_type_id = page_type.pk
    page_types_delete(page_type_ids=[page_type_id])
    page_type.pk = page_type_id
    return page_type


@transaction.atomic
def page_attribute_unassign(
    *, page_type: PageType, attributes: list[Attribute]
) -> PageType:
    """Take the attributes off the page type and its pages' values of them."""
    bump(CATALOG)
    page_type = PageType.objects.select_for_update().get(pk=page_type.pk)
    ids = [attribute.pk for attribute in attributes]
    AssignedPageAttributeValue.objects.filter(
        page__page_type=page_type, value__attribute_id__in=ids
    ).delete()
    AttributePage.objects.filter(page_type=page_type, attribute_id__in=ids).delete()
    return page_type


@transaction.atomic
def page_type_reorder_attributes(
    *, page_type: PageType, moves: list[tuple[int, int]]
) -> PageType:
    """Move each attribute by its offset (Saleor's ReorderInput), in turn."""
    bump(CATALOG)
    page_type = PageType.objects.select_for_update().get(pk=page_type.pk)
    links = list(
        AttributePage.objects.select_for_update()
        .filter(page_type=page_type)
        .order_by("sort_order", "pk")
    )
    order = [link.attribute_id for link in links]
    missing = [pk for pk, _ in moves if pk not in order]
    if missing:
        raise _error(
            "moves",
            "Couldn't resolve to an attribute assigned to this page type.",
            "NOT_FOUND",
            attributes=missing,
        )
    for attribute_id, offset in moves:
        index = order.index(attribute_id)
        order.pop(index)
        order.insert(max(0, min(len(order), index + (offset or 0))), attribute_id)
    position = {attribute_id: index for index, attribute_id in enumerate(order)}
    for link in links:
        link.sort_order = position[link.attribute_id]
    AttributePage.objects.bulk_update(links, ["sort_order"])
    return page_type
