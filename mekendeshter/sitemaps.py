from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from forum import selectors as forum_selectors
from forum.models import Edition, OutcomeDocument
from news.models import Article


class I18nSitemap(Sitemap):
    # One <url> per language with hreflang alternates (the URLs carry the language).
    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(I18nSitemap):
    def items(self):
        # People's own pages are left out (and marked noindex): the directory is not for harvesting.
        return [
            "home",
            "forum:list",
            "forum:statistics",
            "news:list",
            "diaspora:directory",
            "diaspora:experts",
            "contact",
        ]

    def location(self, item):
        return reverse(item)


class EditionSitemap(I18nSitemap):
    def items(self):
        return Edition.objects.order_by("start_date")


class OutcomeSitemap(I18nSitemap):
    def items(self):
        return OutcomeDocument.objects.public().select_related("edition").order_by("pk")


class ProgressSitemap(I18nSitemap):
    """The progress page of each final document that has published updates."""

    def items(self):
        return list(forum_selectors.progress_document_years())

    def location(self, year):
        return reverse("forum:progress", kwargs={"year": year})


class ArticleSitemap(I18nSitemap):
    def items(self):
        return Article.objects.published().order_by("pk")

    def lastmod(self, article):
        return article.published_at


SITEMAPS = {
    "pages": StaticSitemap,
    "editions": EditionSitemap,
    "outcomes": OutcomeSitemap,
    "progress": ProgressSitemap,
    "news": ArticleSitemap,
}
