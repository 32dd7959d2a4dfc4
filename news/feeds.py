from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mekendeshter.core.i18n import translated

from . import selectors

FEED_LENGTH = 20


class ArticleFeed(Feed):
    """The latest articles in the page's language (the URL's prefix), with fallbacks."""

    title = _("Mekendeshter Forum: news and events")
    description = _("News and announcements of the forum of Kyrgyzstani compatriots living abroad.")

    def link(self):
        return reverse("news:list")

    def items(self):
        return selectors.article_list()[:FEED_LENGTH]

    def item_title(self, item):
        return str(translated(item, "title"))

    def item_description(self, item):
        return str(translated(item, "lead"))

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [str(item.get_category_display())]

    def item_guid(self, item):
        return f"article-{item.pk}-{get_language()}"

    item_guid_is_permalink = False


class ArticleAtomFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description
