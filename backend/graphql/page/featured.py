"""Product.featuredInPages: the reverse of an article's Featured products."""

from ..core.channel import ChannelContext, channel_of, node_of
from ..core.dataloaders import resolve_for_siblings
from .dataloaders import PagesFeaturingProductLoader


def featured_in_pages(info, product_root) -> list:
    """Return the published articles featuring the product, in its channel.

    One query for every product of the list together.
    """
    loader = PagesFeaturingProductLoader(info)

    def pages_of(root):
        pages = loader.load_for(root, lambda r: node_of(r).pk)
        return [ChannelContext(page, channel_of(root)) for page in pages]

    return resolve_for_siblings(info, product_root, "featured_in_pages", pages_of)
