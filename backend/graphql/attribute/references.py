"""Loaders of the objects reference attributes point at, as a reader sees them."""

from backend.product.models import Product, ProductVariant

from ..core.channel import is_staff_reader
from ..core.dataloaders import DataLoader


def _visible_products(info, channel_slug):
    return Product.objects.visible_to_user(
        channel_slug=channel_slug, can_manage=is_staff_reader(info)
    )


class VisibleProductByIdLoader(DataLoader):
    """Key: product id; None when the reader may not see the product."""

    context_key = "reference_product"

    def setup(self, channel_slug):
        self.channel_slug = channel_slug

    def batch_load(self, keys):
        found = _visible_products(self.info, self.channel_slug).in_bulk(keys)
        return [found.get(key) for key in keys]


class VisibleVariantByIdLoader(DataLoader):
    """Key: variant id; None when the reader may not see its product."""

    context_key = "reference_variant"

    def setup(self, channel_slug):
        self.channel_slug = channel_slug

    def batch_load(self, keys):
        products = _visible_products(self.info, self.channel_slug)
        found = ProductVariant.objects.filter(product__in=products).in_bulk(keys)
        return [found.get(key) for key in keys]
