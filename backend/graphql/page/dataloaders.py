"""Per-request loaders of pages, page types and what hangs off them."""

from collections import defaultdict

from backend.attribute.models import AttributePage
from backend.core.permissions import PermissionEnum
from backend.page import models
from backend.page.selectors import article_shop_blocks, pages_featuring_products
from backend.page.services.article_page_type import ARTICLE_PAGE_TYPE_SLUG
from backend.product.models import Product

from ..core.channel import ChannelContext, is_staff_reader
from ..core.dataloaders import DataLoader, register_siblings


class PageTranslationLoader(DataLoader):
    """Key: page id; extra argument: the stored language code."""

    context_key = "page_translation"

    def setup(self, language_code):
        self.language_code = language_code

    def batch_load(self, keys):
        found = {
            translation.page_id: translation
            for translation in models.PageTranslation.objects.filter(
                page_id__in=keys, language_code=self.language_code
            )
        }
        return [found.get(key) for key in keys]


class PageTypeByIdLoader(DataLoader):
    context_key = "page_type_by_id"

    def batch_load(self, keys):
        found = models.PageType.objects.in_bulk(keys)
        return [found.get(key) for key in keys]


class AttributesByPageTypeIdLoader(DataLoader):
    """Key: page type id; value: its attributes in their order."""

    context_key = "attributes_by_page_type"

    def batch_load(self, keys):
        found = defaultdict(list)
        links = (
            AttributePage.objects.filter(page_type_id__in=keys)
            .select_related("attribute")
            .order_by("sort_order", "pk")
        )
        for link in links:
            found[link.page_type_id].append(link.attribute)
        register_siblings(self.info, [a for group in found.values() for a in group])
        return [found[key] for key in keys]


class PageTypeHasPagesLoader(DataLoader):
    context_key = "page_type_has_pages"

    def batch_load(self, keys):
        used = set(
            models.Page.objects.filter(page_type_id__in=keys)
            .values_list("page_type_id", flat=True)
            .distinct()
        )
        return [key in used for key in keys]


class ShopBlocksByPageLoader(DataLoader):
    """Key: a Page; extra argument: the channel slug.

    Value: (ArticleShopBlocks or None for a page that is not an article,
    {product id: ChannelContext(Product)}); eight queries for every page of
    the batch together (seven for the blocks, one for the products).
    """

    context_key = "page_shop_blocks"

    def setup(self, channel_slug):
        self.channel_slug = channel_slug

    def batch_load(self, keys):
        # Only articles carry shop blocks; page types are usually loaded
        # already for the same list.
        page_types = PageTypeByIdLoader(self.info).load_many(
            [page.page_type_id for page in keys]
        )
        articles = [
            page
            for page, page_type in zip(keys, page_types, strict=True)
            if page_type is not None and page_type.slug == ARTICLE_PAGE_TYPE_SLUG
        ]
        blocks = (
            article_shop_blocks(pages=articles, channel_slug=self.channel_slug)
            if articles
            else {}
        )
        product_ids = {
            item.product.id
            for page_blocks in blocks.values()
            for block in (*page_blocks.inline.values(), page_blocks.end)
            for item in block.items
        }
        products = Product.objects.in_bulk(product_ids) if product_ids else {}
        # One wrapper per product, listed together, so the products' own
        # fields (pricing, thumbnail) batch across every block of the page.
        in_channel = {
            pk: ChannelContext(product, self.channel_slug)
            for pk, product in products.items()
        }
        register_siblings(self.info, in_channel.values())
        return [(blocks.get(key.pk), in_channel) for key in keys]


class PagesFeaturingProductLoader(DataLoader):
    """Key: product id; value: the published articles featuring it."""

    context_key = "pages_featuring_product"

    def batch_load(self, keys):
        found = pages_featuring_products(product_ids=list(keys))
        return [found[key] for key in keys]


class PageByIdLoader(DataLoader):
    context_key = "page_by_id"

    def batch_load(self, keys):
        found = models.Page.objects.in_bulk(keys)
        return [found.get(key) for key in keys]


class VisiblePageByIdLoader(DataLoader):
    """Key: page id; None when unpublished and the reader does not manage pages."""

    context_key = "visible_page_by_id"

    def batch_load(self, keys):
        pages = models.Page.objects.all()
        if not is_staff_reader(self.info, (PermissionEnum.MANAGE_PAGES,)):
            pages = pages.published()
        found = pages.in_bulk(keys)
        return [found.get(key) for key in keys]
