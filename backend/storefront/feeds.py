"""RSS and Atom feeds of the published articles."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from backend.page.selectors import articles_published

from .seo import absolute_url

FEED_ITEM_COUNT = 20


class ArticlesFeed(Feed):
    """The newest articles; links use the public address, as canonical URLs do."""

    title = "Lumbar articles"
    description = "New physiotherapy guides to sciatica and low back pain from Lumbar."

    def link(self):
        return absolute_url(reverse("storefront:article_index"))

    def items(self):
        return articles_published()[:FEED_ITEM_COUNT]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.article.summary

    def item_link(self, item):
        return absolute_url(reverse("storefront:article", args=[item.slug]))

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        reviewed = datetime.datetime.combine(
            item.article.reviewed_on, datetime.time(), tzinfo=datetime.UTC
        )
        return max(self.item_pubdate(item), reviewed)

    def item_author_name(self, item):
        return item.article.author_name


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description
