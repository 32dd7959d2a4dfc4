from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Edition, Item, OutcomeDocument, Participation, Partnership, Photo, Section


def edition_current():
    return Edition.objects.current()


def edition_latest_held():
    """The latest edition that has taken place (or begun): the one with results to show."""
    editions = Edition.objects.filter(start_date__lte=timezone.localdate()).order_by("-start_date")
    return editions.select_related("venue").prefetch_related("figures").first()


def outcome_latest_year():
    return (
        OutcomeDocument.objects.exclude(status=OutcomeDocument.Status.DRAFT)
        .order_by("-edition__start_date")
        .values_list("edition__year", flat=True)
        .first()
    )


def edition_list():
    return Edition.objects.prefetch_related("figures")


def edition_get(*, year):
    return get_object_or_404(Edition.objects.select_related("venue").prefetch_related("figures"), year=year)


def edition_neighbours(*, edition):
    """The previous and the next edition, for links between edition pages."""
    previous = Edition.objects.filter(start_date__lt=edition.start_date).order_by("-start_date").first()
    following = Edition.objects.filter(start_date__gt=edition.start_date).order_by("start_date").first()
    return previous, following


def partnership_list(*, edition):
    return Partnership.objects.filter(edition=edition).select_related("organisation")


def outcome_get(*, year):
    """A published (non-draft) outcome document with its sections and numbered items."""
    items = Item.objects.order_by("number")
    sections = Section.objects.order_by("order", "pk").prefetch_related(Prefetch("items", queryset=items))
    queryset = OutcomeDocument.objects.exclude(status=OutcomeDocument.Status.DRAFT)
    queryset = queryset.select_related("edition").prefetch_related(Prefetch("sections", queryset=sections))
    return get_object_or_404(queryset, edition__year=year)


def outcome_exists(*, edition):
    return OutcomeDocument.objects.filter(edition=edition).exclude(status=OutcomeDocument.Status.DRAFT).exists()


def hotel_list(*, venue):
    return venue.hotels.all() if venue else []


def session_list(*, edition):
    participations = Participation.objects.select_related("person").order_by("order", "pk")
    return edition.sessions.prefetch_related(Prefetch("participations", queryset=participations))


def album_list(*, edition):
    return edition.albums.prefetch_related(Prefetch("photos", queryset=Photo.objects.order_by("order", "pk")))


def album_exists(*, edition):
    return Photo.objects.filter(album__edition=edition).exists()


def photo_get(*, year, pk):
    return get_object_or_404(Photo.objects.select_related("album__edition"), pk=pk, album__edition__year=year)


def photo_neighbours(*, photo):
    """The previous and next photo in the same album, for the viewer's links."""
    siblings = Photo.objects.filter(album=photo.album).select_related("album__edition")
    before = siblings.filter(Q(order__lt=photo.order) | Q(order=photo.order, pk__lt=photo.pk))
    after = siblings.filter(Q(order__gt=photo.order) | Q(order=photo.order, pk__gt=photo.pk))
    return before.order_by("-order", "-pk").first(), after.order_by("order", "pk").first()
