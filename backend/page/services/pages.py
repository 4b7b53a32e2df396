"""Staff writes to pages: create, update, delete, translate (Saleor's rules)."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from backend.attribute.models import (
    AssignedPageAttributeValue,
    Attribute,
    AttributeValue,
)
from backend.attribute.services import (
    AttributeAssignment,
    attribute_assignment_values,
    language_code_check,
    unique_slug,
)
from backend.core import cache_versions
from backend.core.cache_versions import CATALOG, bump

from ..models import Page, PageTranslation, PageType
from .article_page_type import FEATURED_PRODUCTS_SLUG
from .search import page_search_vector_update
from .tagging import page_tag_products

# What an article listing shows of a page (backend.core.cache_versions).
LISTED_FIELDS = frozenset({"title", "slug", "is_published", "published_at"})
# Fields a staff member sets on a page; the rest are derived.
PAGE_FIELDS = (
    "title",
    "slug",
    "content",
    "seo_title",
    "seo_description",
    "is_published",
    "published_at",
)
TRANSLATION_FIELDS = ("title", "slug", "seo_title", "seo_description", "content")


def _error(field_name: str, message: str, code: str) -> ValidationError:
    return ValidationError({field_name: ValidationError(message, code=code)})


def _owner_key(page: Page) -> str:
    return f"page-{page.pk}"


def _page_slug(*, slug: str | None, title: str, page_pk: int | None) -> str:
    others = Page.objects.exclude(pk=page_pk) if page_pk else Page.objects.all()
    if slug is None:
        return unique_slug(base=title, taken=lambda s: others.filter(slug=s).exists())
    cleaned = slugify(slug, allow_unicode=True)
    if not cleaned:
        raise _error("slug", "Slug value cannot be blank.", "REQUIRED")
    if others.filter(slug=cleaned).exists():
        raise _error("slug", "Page with this Slug already exists.", "UNIQUE")
    return cleaned


def _publication(fields: dict[str, Any], page: Page | None) -> None:
    """Date a page published without a date now, as Saleor does."""
    published = fields.get("is_published", page.is_published if page else False)
    published_at = fields.get("published_at", page.published_at if page else None)
    if published and published_at is None:
        fields["published_at"] = timezone.now()


def _assignable(
    page_type: PageType, assignments: list[AttributeAssignment]
) -> dict[int, Attribute]:
    ids = [assignment.attribute_id for assignment in assignments]
    if len(ids) != len(set(ids)):
        raise _error(
            "attributes", "An attribute is given twice.", "DUPLICATED_INPUT_ITEM"
        )
    allowed = Attribute.objects.filter(
        pk__in=ids, attributepage__page_type=page_type
    ).in_bulk()
    if len(allowed) != len(ids):
        raise _error(
            "attributes",
            "An attribute is not one of the page type's attributes.",
            "INVALID",
        )
    return allowed


def _attributes_assign(*, page: Page, assignments: list[AttributeAssignment]) -> None:
    """Replace the page's values of each attribute given.

    The Featured products attribute goes through ``page_tag_products``, so
    the API and the admin tag products one way.
    """
    allowed = _assignable(page.page_type, assignments)
    for assignment in assignments:
        attribute = allowed[assignment.attribute_id]
        if attribute.slug == FEATURED_PRODUCTS_SLUG:
            page_tag_products(page=page, product_ids=list(assignment.reference_ids))
            continue
        values = attribute_assignment_values(
            attribute=attribute, assignment=assignment, owner_key=_owner_key(page)
        )
        AssignedPageAttributeValue.objects.filter(
            page=page, value__attribute=attribute
        ).delete()
        AssignedPageAttributeValue.objects.bulk_create(
            AssignedPageAttributeValue(page=page, value=value, sort_order=index)
            for index, value in enumerate(values)
        )


def _required_check(page_type: PageType, assignments: list[AttributeAssignment]):
    given = {assignment.attribute_id for assignment in assignments}
    required = Attribute.objects.filter(
        value_required=True, attributepage__page_type=page_type
    ).values_list("pk", "name")
    for attribute_id, name in required:
        if attribute_id not in given:
            raise _error("attributes", f"Attribute {name} needs a value.", "REQUIRED")


def _title(title: str | None) -> str:
    if title is None or not title.strip():
        raise _error("title", "This field cannot be blank.", "REQUIRED")
    return title.strip()


@transaction.atomic
def page_create(
    *,
    page_type: PageType,
    title: str | None,
    attributes: list[AttributeAssignment] = (),
    slug: str | None = None,
    **fields: Any,
) -> Page:
    """Create a page of a page type with its attributes."""
    title = _title(title)
    unknown = set(fields) - set(PAGE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown page fields: {sorted(unknown)}")
    _required_check(page_type, list(attributes))
    fields["slug"] = _page_slug(slug=slug, title=title, page_pk=None)
    _publication(fields, None)
    page = Page.objects.create(page_type=page_type, title=title, **fields)
    if attributes:
        _attributes_assign(page=page, assignments=list(attributes))
    page_search_vector_update(page_ids=[page.pk])
    cache_versions.page_edited([page.pk], listed=True)
    return page


@transaction.atomic
def page_update(
    *,
    page: Page,
    attributes: list[AttributeAssignment] | None = None,
    **fields: Any,
) -> Page:
    """Change a page's fields and the values of the attributes given.

    Moves the page's own version; a change a listing shows (LISTED_FIELDS,
    attributes) moves the articles listing too.
    """
    page = Page.objects.select_for_update().select_related("page_type").get(pk=page.pk)
    unknown = set(fields) - set(PAGE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown page fields: {sorted(unknown)}")
    if "title" in fields:
        fields["title"] = _title(fields["title"])
    if fields.get("slug") is not None:
        fields["slug"] = _page_slug(
            slug=fields["slug"], title=fields.get("title", page.title), page_pk=page.pk
        )
    else:
        # An explicit null keeps the slug, as Saleor does.
        fields.pop("slug", None)
    _publication(fields, page)
    changed = [name for name, value in fields.items() if getattr(page, name) != value]
    for name in changed:
        setattr(page, name, fields[name])
    if changed:
        page.save(update_fields=changed)
    if attributes:
        _attributes_assign(page=page, assignments=list(attributes))
    if "title" in changed:
        page_search_vector_update(page_ids=[page.pk])
    cache_versions.page_edited(
        [page.pk], listed=bool(attributes) or not LISTED_FIELDS.isdisjoint(changed)
    )
    return page


@transaction.atomic
def page_delete(*, page: Page) -> Page:
    """Delete a page with the values only it held (its free-form values)."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    # Menu items and reference values cascade from the page: CATALOG too.
    bump(CATALOG)
    cache_versions.page_edited([page.pk], listed=True)
    key = _owner_key(page)
    owned = AttributeValue.objects.filter(pagevalueassignment__page=page).filter(
        Q(slug__startswith=f"{page.pk}_")
        | Q(slug=key)
        | Q(slug__startswith=f"{key}-")
        | Q(slug__startswith=f"{key}_")
    )
    AttributeValue.objects.filter(
        pk__in=list(owned.values_list("pk", flat=True))
    ).delete()
    deleted_id = page.pk
    page.delete()
    page.id = deleted_id
    return page


@transaction.atomic
def pages_delete(*, page_ids: list[int]) -> int:
    """Delete the pages, each as ``page_delete`` does; return how many."""
    pages = list(
        Page.objects.select_for_update().filter(pk__in=page_ids).order_by("pk")
    )
    for page in pages:
        page_delete(page=page)
    return len(pages)


@transaction.atomic
def pages_publish(*, page_ids: list[int], is_published: bool) -> int:
    """Publish or hide the pages, dating first publications now."""
    pages = list(
        Page.objects.select_for_update().filter(pk__in=page_ids).order_by("pk")
    )
    for page in pages:
        page_update(page=page, is_published=is_published)
    return len(pages)


@transaction.atomic
def page_translate(*, page: Page, language_code: str, **fields: Any) -> PageTranslation:
    """Create or change the page's translation into one language."""
    cache_versions.page_edited([page.pk], listed=True)
    language_code_check(language_code)
    unknown = set(fields) - set(TRANSLATION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown translation fields: {sorted(unknown)}")
    if fields.get("slug"):
        slug = slugify(fields["slug"], allow_unicode=True)
        if not slug:
            raise _error("slug", "Slug value cannot be blank.", "REQUIRED")
        taken = (
            PageTranslation.objects.filter(language_code=language_code, slug=slug)
            .exclude(page=page)
            .exists()
        )
        if taken:
            raise _error(
                "slug", "Page translation with this Slug already exists.", "UNIQUE"
            )
        fields["slug"] = slug
    translation, _ = PageTranslation.objects.select_for_update().get_or_create(
        page=page, language_code=language_code
    )
    changed = [
        name for name, value in fields.items() if getattr(translation, name) != value
    ]
    for name in changed:
        setattr(translation, name, fields[name])
    if changed:
        translation.save(update_fields=changed)
    return translation


def published_at_of(date: datetime.date | None) -> datetime.datetime | None:
    """Return the start of a deprecated ``publicationDate`` in UTC."""
    if date is None:
        return None
    return datetime.datetime.combine(date, datetime.time(), tzinfo=datetime.UTC)
