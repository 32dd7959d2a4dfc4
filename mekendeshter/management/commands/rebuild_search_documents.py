from django.core.management.base import BaseCommand
from django.db import transaction

from diaspora.models import Association, DirectoryEntry
from forum.models import Edition, Item, Organisation, Section, Session
from mekendeshter.core.search import rebuild
from news.models import Article


def searchable_querysets():
    """Every row that has search documents (mekendeshter.core.search.Searchable)."""
    return [
        Edition.objects.all(),
        Organisation.objects.all(),
        Section.objects.all(),
        Item.objects.all(),
        # A session's document holds its people's names.
        Session.objects.prefetch_related("participations__person"),
        Article.objects.all(),
        Association.objects.all(),
        DirectoryEntry.objects.all(),
    ]


class Command(BaseCommand):
    help = (
        "Write the search documents of every searchable row again: after rows were added without save() "
        "(bulk_create, update()) or after what a document holds changed in the code."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        for queryset in searchable_querysets():
            count = rebuild(queryset)
            if options["verbosity"] > 1:
                self.stdout.write(f"{queryset.model._meta.label}: {count}")
        self.stdout.write(self.style.SUCCESS("Search documents rebuilt."))
