"""Reads of the forum app. They return querysets or objects and know nothing of HTTP: a view
fetches one object with get_object_or_404(selector(), ...)."""

import datetime

from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Subquery, When
from django.utils import timezone

from mekendeshter.core.countries import SMALL_COUNT_MINIMUM, countries, group_small_counts

from .models import (
    Arrival,
    Edition,
    Item,
    OutcomeDocument,
    Page,
    Participation,
    Partnership,
    Photo,
    Proposal,
    ProposalSupport,
    Registration,
    Section,
    Ticket,
)


def edition_current():
    return Edition.objects.current()


def edition_latest_held():
    """The latest edition that has taken place (or begun): the one with results to show."""
    editions = Edition.objects.filter(start_date__lte=timezone.localdate()).order_by("-start_date")
    return editions.select_related("venue").prefetch_related("figures").first()


def outcome_latest_year():
    """The latest adopted outcome document (drafts open for proposals are linked from their edition)."""
    return (
        OutcomeDocument.objects.final().order_by("-edition__start_date").values_list("edition__year", flat=True).first()
    )


def edition_list():
    return Edition.objects.prefetch_related("figures")


def edition_queryset():
    """Editions for their own pages: with the venue and the key figures."""
    return Edition.objects.select_related("venue").prefetch_related("figures")


def edition_neighbours(*, edition):
    """The previous and the next edition, for links between edition pages."""
    previous = Edition.objects.filter(start_date__lt=edition.start_date).order_by("-start_date").first()
    following = Edition.objects.filter(start_date__gt=edition.start_date).order_by("start_date").first()
    return previous, following


def partnership_list(*, edition):
    """An edition's sponsors and partners, organizers first, then by tier as staff ordered them."""
    tier_order = Case(*(When(tier=tier, then=position) for position, tier in enumerate(Partnership.Tier.values)))
    return (
        Partnership.objects.filter(edition=edition).select_related("organisation").order_by(tier_order, "order", "pk")
    )


def outcome_exists(*, edition):
    return OutcomeDocument.objects.public().filter(edition=edition).exists()


def hotel_list(*, venue):
    return venue.hotels.all() if venue else []


def session_list(*, edition):
    participations = Participation.objects.select_related("person").order_by("order", "pk")
    return edition.sessions.prefetch_related(Prefetch("participations", queryset=participations))


def album_list(*, edition):
    return edition.albums.prefetch_related(Prefetch("photos", queryset=Photo.objects.order_by("order", "pk")))


def photo_preview(*, edition):
    """The edition's first photos, in album order, for its page (slice it)."""
    return (
        Photo.objects.filter(album__edition=edition)
        .select_related("album__edition")
        .order_by("album__order", "album__pk", "order", "pk")
    )


def photo_queryset():
    return Photo.objects.select_related("album__edition")


def photo_neighbours(*, photo):
    """The previous and next photo in the same album, for the viewer's links."""
    siblings = Photo.objects.filter(album=photo.album).select_related("album__edition")
    before = siblings.filter(Q(order__lt=photo.order) | Q(order=photo.order, pk__lt=photo.pk))
    after = siblings.filter(Q(order__gt=photo.order) | Q(order=photo.order, pk__gt=photo.pk))
    return before.order_by("-order", "-pk").first(), after.order_by("order", "pk").first()


def registration_edition_queryset():
    return Edition.objects.select_related("venue")


def page_queryset():
    return Page.objects.all()


def registration_places_left(*, edition):
    """Free places at an edition with a capacity (None without one): what the home page shows."""
    if edition.capacity is None:
        return None
    return max(edition.capacity - Registration.objects.filter(edition=edition).confirmed().count(), 0)


def registration_for_user(*, user, edition):
    return Registration.objects.filter(user=user, edition=edition).first()


def registration_list_for_user(*, user):
    # `has_ticket` in the same query: "my account" links to each valid ticket without one more per row.
    return (
        Registration.objects.filter(user=user)
        .select_related("edition")
        .annotate(has_ticket=Exists(Ticket.objects.valid().filter(registration=OuterRef("pk"))))
        .order_by("-edition__start_date")
    )


def ticket_list_for_user(*, user):
    """`user`'s valid tickets of confirmed registrations, with what the printed ticket shows."""
    return (
        Ticket.objects.valid()
        .select_related("registration__edition__venue")
        .filter(registration__user=user, registration__status=Registration.Status.CONFIRMED)
    )


def registration_stats(*, edition, minimum=SMALL_COUNT_MINIMUM):
    """Active registrants by country, largest first. Countries with fewer than `minimum` people are
    summed into "other" (and the page shows a small "other" only as "fewer than `minimum`"), so that
    no person can be singled out. Returns (rows, other)."""
    counts = (
        Registration.objects.filter(edition=edition)
        .active()
        .values("country")
        .annotate(count=Count("pk"))
        .order_by("-count", "country")
    )
    rows, other, _total = group_small_counts(counts, minimum=minimum)
    return rows, other


def _public_proposals():
    return Proposal.objects.public().with_support_count().order_by("created_at", "pk")


def outcome_with_proposals_queryset():
    """Outcome documents anyone may read, with each item's and section's public (answered) proposals."""
    proposals = _public_proposals()
    items = Item.objects.order_by("number").prefetch_related(Prefetch("proposals", queryset=proposals))
    section_proposals = proposals.filter(item__isnull=True)
    sections = Section.objects.order_by("order", "pk").prefetch_related(
        Prefetch("items", queryset=items), Prefetch("proposals", queryset=section_proposals, to_attr="new_items")
    )
    return (
        OutcomeDocument.objects.public()
        .select_related("edition")
        .prefetch_related(Prefetch("sections", queryset=sections))
    )


def outcome_open_queryset():
    """Outcome documents open for proposals, with their sections and numbered items."""
    sections = Section.objects.order_by("order", "pk").prefetch_related(
        Prefetch("items", queryset=Item.objects.order_by("number"))
    )
    return (
        OutcomeDocument.objects.open_for_proposals()
        .select_related("edition")
        .prefetch_related(Prefetch("sections", queryset=sections))
    )


def proposal_queryset():
    """Proposals for their own page (callers narrow it with `visible_to`)."""
    return Proposal.objects.with_support_count().select_related("document__edition", "section", "item", "merged_into")


def proposal_list_for_user(*, user):
    return (
        Proposal.objects.filter(author=user)
        .with_support_count()
        .select_related("document__edition", "section", "item")
        .order_by("-created_at")
    )


def proposal_supported_ids(*, user, proposals):
    if not user.is_authenticated:
        return set()
    return set(ProposalSupport.objects.filter(user=user, proposal__in=proposals).values_list("proposal_id", flat=True))


CHECKIN_SEARCH_LIMIT = 20


def checkin_search(*, edition, query):
    """Confirmed registrants of `edition` with a valid ticket whose name holds every word of `query`
    (for the desk, when a phone is flat or the code will not scan), with today's arrival if any."""
    # Matched in Python with casefold(): SQLite's LIKE folds ASCII only, and names are Cyrillic
    # ("айгүл" must find "Айгүл"). One edition has hundreds of registrants, two columns each.
    words = [word.casefold() for word in query.split()]
    registrations = Registration.objects.filter(edition=edition).confirmed()
    matching = [
        pk
        for pk, first_name, last_name in registrations.values_list("pk", "first_name", "last_name")
        if all(word in f"{first_name} {last_name}".casefold() for word in words)
    ]
    valid = Ticket.objects.valid().filter(registration=OuterRef("pk"))
    today = Arrival.objects.filter(registration=OuterRef("pk"), day=timezone.localdate())
    return (
        registrations.filter(pk__in=matching)
        .annotate(
            ticket_token=Subquery(valid.values("token")[:1]),
            arrived_today_at=Subquery(today.values("arrived_at")[:1]),
        )
        .filter(ticket_token__isnull=False)
        .order_by("last_name", "first_name", "pk")[:CHECKIN_SEARCH_LIMIT]
    )


def attendance_figures(*, edition):
    """Arrivals per day and per country against confirmed registrations, for staff (three queries
    whatever the numbers). Days are the edition's own, plus any other day someone was checked in."""
    confirmed = dict(
        Registration.objects.filter(edition=edition).confirmed().values_list("country").annotate(n=Count("pk"))
    )
    arrivals = Arrival.objects.filter(registration__edition=edition)
    per_day_country = {
        (day, country): n
        for day, country, n in arrivals.values_list("day", "registration__country").annotate(n=Count("pk"))
    }
    arrived = dict(arrivals.values_list("registration__country").annotate(n=Count("registration", distinct=True)))
    days = {day for day, _country in per_day_country}
    if edition.date_precision == edition.DatePrecision.DAY and edition.end_date:
        days.update(
            edition.start_date + datetime.timedelta(days=offset)
            for offset in range((edition.end_date - edition.start_date).days + 1)
        )
    days = sorted(days)
    codes = sorted(set(confirmed) | set(arrived), key=lambda code: str(countries.name(code) or code))
    rows = [
        {
            "country": countries.name(code) or code,
            "confirmed": confirmed.get(code, 0),
            "per_day": [per_day_country.get((day, code), 0) for day in days],
            "arrived": arrived.get(code, 0),
        }
        for code in codes
    ]
    totals = {
        "confirmed": sum(confirmed.values()),
        "per_day": [sum(n for (d, _c), n in per_day_country.items() if d == day) for day in days],
        "arrived": sum(arrived.values()),
    }
    return {"days": days, "rows": rows, "totals": totals}


def attendance_export_rows(*, edition):
    return (
        Arrival.objects.filter(registration__edition=edition)
        .select_related("registration", "checked_in_by")
        .order_by("day", "arrived_at", "pk")
    )
