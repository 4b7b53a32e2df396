"""Tag the demo articles with the products content/catalog/article_features.yaml
names, through ``page_tag_products`` as the admin and ``pageUpdate`` do.

An article that already features products keeps them: what a merchandiser
chose in the admin wins over the file.
"""

from pathlib import Path

from django.db import transaction

from backend.attribute.models import AssignedPageAttributeValue
from backend.page.models import Page
from backend.page.services import FEATURED_PRODUCTS_SLUG, page_tag_products
from backend.product.models import Product

from .loader.checks import Check, display_path, read_yaml
from .loader.errors import DemoDataError

FEATURES_FILE = "article_features.yaml"


def _features_read(path: Path) -> list[tuple[str, list[str]]]:
    items = read_yaml(path, "articles")
    check = Check(display_path(path))
    features = []
    for number, item in enumerate(items, start=1):
        where = check.at(f"entry {number}")
        where.keys(item, required={"article", "products"})
        products = item["products"]
        if not isinstance(products, list) or not all(
            isinstance(slug, str) for slug in products
        ):
            where.fail('"products" must be a list of product slugs')
        features.append((str(item["article"]), products))
    return features


@transaction.atomic
def article_features_apply(*, path: Path) -> list[Page]:
    """Tag each untagged article the file names; return the pages tagged.

    Every slug is checked before anything is written, so an unknown article
    or product raises ``DemoDataError`` and leaves the database unchanged.
    """
    features = _features_read(path)
    label = display_path(path)
    pages = Page.objects.in_bulk(
        [article for article, _ in features], field_name="slug"
    )
    products = dict(
        Product.objects.filter(
            slug__in={slug for _, slugs in features for slug in slugs}
        ).values_list("slug", "pk")
    )
    for article, slugs in features:
        if article not in pages:
            raise DemoDataError(f'{label}: article "{article}" does not exist')
        for slug in slugs:
            if slug not in products:
                raise DemoDataError(
                    f'{label}: {article}: product "{slug}" does not exist'
                )
    tagged_ids = set(
        AssignedPageAttributeValue.objects.filter(
            page__in=pages.values(), value__attribute__slug=FEATURED_PRODUCTS_SLUG
        ).values_list("page_id", flat=True)
    )
    tagged = []
    for article, slugs in features:
        page = pages[article]
        if page.pk in tagged_ids:
            continue
        page_tag_products(page=page, product_ids=[products[slug] for slug in slugs])
        # So the admin can name a featured product deleted later.
        tagged.append(page)
    return tagged
