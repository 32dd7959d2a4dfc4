from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mekendeshter.core.i18n import translated

from . import selectors

FEED_LENGTH = 30


def item_label(item):
    """ "Recommendations of the Mekendeshter Forum, item 12": the section's title and the number."""
    return _("%(section)s, item %(number)s") % {"section": translated(item.section, "title"), "number": item.number}


class ProgressFeed(Feed):
    """The latest published progress updates of one final outcome document, in the page's
    language (the URL's prefix), with fallbacks."""

    def get_object(self, request, year):
        return get_object_or_404(selectors.progress_document_queryset(), edition__year=year)

    def title(self, document):
        return _("Progress on the recommendations: %(document)s") % {"document": translated(document, "title")}

    def description(self, document):
        return _("Dated updates on what has become of each item of the outcome document.")

    subtitle = description

    def link(self, document):
        return reverse("forum:progress", kwargs={"year": document.edition.year})

    def items(self, document):
        return selectors.progress_update_list(document=document)[:FEED_LENGTH]

    def item_title(self, update):
        return f"{item_label(update.item)}: {update.get_status_display()}"

    def item_description(self, update):
        return str(translated(update, "text"))

    def item_link(self, update):
        return update.get_absolute_url()

    def item_pubdate(self, update):
        return update.published_at

    def item_updateddate(self, update):
        return max(update.updated_at, update.published_at)

    def item_categories(self, update):
        return [str(update.get_status_display())]

    def item_guid(self, update):
        return f"progress-update-{update.pk}-{get_language()}"

    item_guid_is_permalink = False


class ProgressAtomFeed(ProgressFeed):
    feed_type = Atom1Feed
