"""Reads of the forum app. They return querysets or objects and know nothing of HTTP: a view
fetches one object with get_object_or_404(selector(), ...)."""

import datetime
from functools import reduce
from operator import or_

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Subquery, When
from django.utils import timezone

from mekendeshter.core.cache import cached
from mekendeshter.core.countries import SMALL_COUNT_MINIMUM, countries, group_small_counts
from mekendeshter.core.emails import normalise_email
from mekendeshter.core.search import matching, without_documents

from .models import (
    Arrival,
    Edition,
    Item,
    KeyFigure,
    Organisation,
    OutcomeDocument,
    Page,
    Participation,
    Partnership,
    Photo,
    ProgressEvidence,
    ProgressUpdate,
    Proposal,
    ProposalSupport,
    Registration,
    Section,
    Session,
    Ticket,
    Venue,
)

# What the header, the footer and the home page show on every visit, from the shared cache
# (mekendeshter.core.cache) until one of these models changes.
SITE_DATA = "forum-site"
SITE_DATA_MODELS = (Edition, KeyFigure, OutcomeDocument, Partnership, Organisation, Venue)


def edition_current():
    """The next upcoming edition, else the latest one, with its venue. Which one it is depends on
    the date, so the date is part of the key."""

    def compute():
        edition = Edition.objects.current()
        return Edition.objects.select_related("venue").get(pk=edition.pk) if edition else None

    return cached(SITE_DATA, f"edition-current:{timezone.localdate().isoformat()}", compute)


def edition_latest_held():
    """The latest edition that has taken place (or begun): the one with results to show, with
    its venue and key figures (from the cache; the date is part of the key)."""
    today = timezone.localdate()

    def compute():
        editions = Edition.objects.filter(start_date__lte=today).order_by("-start_date")
        return editions.select_related("venue").prefetch_related("figures").first()

    return cached(SITE_DATA, f"edition-latest-held:{today.isoformat()}", compute)


def outcome_latest_year():
    """The latest adopted outcome document (drafts open for proposals are linked from their edition)."""

    def compute():
        documents = OutcomeDocument.objects.final().order_by("-edition__start_date")
        return documents.values_list("edition__year", flat=True).first()

    return cached(SITE_DATA, "outcome-latest-year", compute)


def edition_list():
    return Edition.objects.prefetch_related("figures")


def edition_queryset():
    """Editions for their own pages: with the venue and the key figures."""
    return Edition.objects.select_related("venue").prefetch_related("figures")


def edition_for_page(*, year):
    """The edition of `year` (None if there is none) for its own page: with its venue and key
    figures, without its search document, from the cache (its models are site data)."""

    def compute():
        editions = edition_queryset().defer("search_document", "search_vector")
        return editions.filter(year=year).first()

    return cached(SITE_DATA, f"edition-page:{year}", compute)


def edition_for_subpage(*, year):
    """The edition of `year` (None if there is none) for the pages under its own (programme,
    venue): with its venue, without its key figures (a second query) or its search document (the
    largest columns of the row). From the cache: the row and its sixty-odd columns cost more to
    compile, fetch and build than the rest of the page's data."""

    def compute():
        editions = Edition.objects.select_related("venue").defer("search_document", "search_vector")
        return editions.filter(year=year).first()

    return cached(SITE_DATA, f"edition-subpage:{year}", compute)


def edition_neighbours(*, edition):
    """The previous and the next edition, for links between edition pages."""
    previous = Edition.objects.filter(start_date__lt=edition.start_date).order_by("-start_date").first()
    following = Edition.objects.filter(start_date__gt=edition.start_date).order_by("start_date").first()
    return previous, following


def partnership_list(*, edition):
    """An edition's sponsors and partners, organizers first, then by tier as staff ordered them
    (a list, from the cache)."""

    def compute():
        tier_order = Case(*(When(tier=tier, then=position) for position, tier in enumerate(Partnership.Tier.values)))
        partnerships = Partnership.objects.filter(edition=edition).select_related("organisation")
        return list(partnerships.order_by(tier_order, "order", "pk"))

    return cached(SITE_DATA, f"partners:{edition.pk}", compute)


def outcome_exists(*, edition):
    return cached(
        SITE_DATA,
        f"outcome-exists:{edition.pk}",
        lambda: OutcomeDocument.objects.public().filter(edition=edition).exists(),
    )


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


def _with_current_progress(items):
    """Items with the status and date of their latest published update (None without one)."""
    latest = ProgressUpdate.objects.published().filter(item=OuterRef("pk")).latest_first()
    return items.annotate(
        progress_status=Subquery(latest.values("status")[:1]),
        progress_date=Subquery(latest.values("date")[:1]),
        progress_is_demo=Subquery(latest.values("is_demo")[:1]),
    )


def outcome_public_queryset():
    """Outcome documents anyone may read, for their own page (the sections: `outcome_sections`)."""
    return OutcomeDocument.objects.public().select_related("edition")


def outcome_for_year(*, year):
    """The public outcome document of `year` with its edition (None if there is none), for its
    page, from the cache (both models are site data: a save of either makes it stale)."""

    def compute():
        documents = outcome_public_queryset().defer("edition__search_document", "edition__search_vector")
        return documents.filter(edition__year=year).first()

    return cached(SITE_DATA, f"outcome-page:{year}", compute)


def outcome_sections(*, document):
    """The document's sections in order, with each item's and section's public (answered)
    proposals and each item's current progress status; a queryset, read only when the page's
    kept fragment is rendered (forum.views.outcome)."""
    proposals = _public_proposals()
    items = _with_current_progress(without_documents(Item.objects.order_by("number"))).prefetch_related(
        Prefetch("proposals", queryset=proposals)
    )
    section_proposals = proposals.filter(item__isnull=True)
    return (
        without_documents(Section.objects.filter(document=document))
        .order_by("order", "pk")
        .prefetch_related(
            Prefetch("items", queryset=items), Prefetch("proposals", queryset=section_proposals, to_attr="new_items")
        )
    )


def progress_document_queryset():
    """Final outcome documents, whose items' progress is tracked."""
    return OutcomeDocument.objects.final().select_related("edition")


def _published_updates():
    """Published updates oldest first (an item's history reads in order), with their evidence;
    the evidence's articles are checked by the caller (news decides what is published)."""
    evidence = ProgressEvidence.objects.order_by("order", "pk").select_related("article")
    return (
        ProgressUpdate.objects.published()
        .order_by("date", "pk")
        .prefetch_related(Prefetch("evidence", queryset=evidence))
    )


def progress_item_list(*, document):
    """Every numbered item of `document` in reading order, with its section and its published
    updates (`item.updates`, oldest first): the progress page in four queries, whatever the numbers."""
    return list(
        Item.objects.filter(section__document=document)
        .select_related("section")
        .order_by("section__order", "section__pk", "number")
        .prefetch_related(Prefetch("progress_updates", queryset=_published_updates(), to_attr="updates"))
    )


def progress_overview(*, document, published_article_ids):
    """The progress page of `document`: its tracked items, each with `current` (its latest
    published update, or None) and its updates' evidence as `update.links`; the counts by current
    status; every update, latest first.

    `published_article_ids(ids=...)` answers which of the evidence's articles are published (news
    decides; forum reads nothing of news, so the caller passes news' selector): an article shows
    only while news publishes it, and news is asked once for all of them."""
    items = progress_item_list(document=document)
    # Only the sections whose progress is reported: a document's background or its list of past
    # results carries nothing to follow, and would only add "no update yet" to the counts.
    tracked = {item.section_id for item in items if item.updates}
    items = [item for item in items if item.section_id in tracked]
    updates = [update for item in items for update in item.updates]
    article_ids = {
        evidence.article_id for update in updates for evidence in update.evidence.all() if evidence.article_id
    }
    published = published_article_ids(ids=article_ids) if article_ids else set()
    for update in updates:
        update.links = [
            evidence
            for evidence in update.evidence.all()
            if not evidence.article_id or evidence.article_id in published
        ]
    counts = dict.fromkeys([*ProgressUpdate.Status.values, None], 0)
    for item in items:
        item.current = item.updates[-1] if item.updates else None
        counts[item.current.status if item.current else None] += 1
    return {
        "items": items,
        "summary": [(status, label, counts[status]) for status, label in ProgressUpdate.Status.choices],
        "no_update_count": counts[None],
        "timeline": sorted(updates, key=lambda update: (update.date, update.pk), reverse=True),
        "has_demo": any(update.is_demo for update in updates),
    }


def progress_update_list(*, document):
    """The published updates of `document`, latest publication first (the feed)."""
    return (
        ProgressUpdate.objects.published()
        .filter(item__section__document=document)
        .select_related("item__section__document__edition")
        .order_by("-published_at", "-pk")
    )


def progress_update_list_for_items(*, items):
    """Published updates of the given items (objects or pks), latest first, with what a list of
    them shows: e.g. "updates to recommendations they proposed" on a person's page."""
    return (
        ProgressUpdate.objects.published()
        .filter(item__in=items)
        .select_related("item__section__document__edition")
        .latest_first()
    )


def progress_document_years():
    """Years of final documents with at least one published update (the sitemap)."""
    published = ProgressUpdate.objects.published().filter(item__section__document=OuterRef("pk"))
    return (
        OutcomeDocument.objects.final()
        .filter(Exists(published))
        .order_by("edition__start_date")
        .values_list("edition__year", flat=True)
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


# Site search (`query` is a mekendeshter.core.search.Query): best matches first.


def edition_search(*, query):
    return matching(Edition.objects.all(), query).order_by("-search_rank", "-start_date")


def outcome_section_search(*, query):
    """Sections (their text before and after the items) of documents anyone may read."""
    sections = Section.objects.filter(document__in=OutcomeDocument.objects.public())
    return matching(sections, query).select_related("document__edition").order_by("-search_rank", "pk")


def outcome_item_search(*, query):
    items = Item.objects.filter(section__document__in=OutcomeDocument.objects.public())
    return matching(items, query).select_related("section__document__edition").order_by("-search_rank", "number", "pk")


def session_search(*, query):
    return matching(Session.objects.all(), query).select_related("edition").order_by("-search_rank", "-day", "pk")


def organisation_search(*, query):
    return matching(Organisation.objects.all(), query).order_by("-search_rank", "name")


# --- Editions compared (the statistics page) --------------------------------------------------


def _organisation_key(name):
    """One spelling per organisation as participants type it: "Ата-Журт " and "ата-журт" are one."""
    return " ".join(name.split()).casefold()


def edition_comparison(*, minimum=SMALL_COUNT_MINIMUM, today=None):
    """Participants of every (real) edition held so far, by country, for the statistics page (four
    queries however many editions and registrations there are).

    An edition's participants are the people checked in at the venue (`Arrival`) when arrivals
    were recorded for it, else its confirmed registrations. A country has its own row when it had
    at least `minimum` participants at some edition; a count below `minimum` is shown as "fewer
    than" (`exact` false) and the countries that never reach it are summed into "other", so that
    no one can be singled out. Organisations are the distinct ones participants named."""
    # A demonstration edition is no real event, so it has no place in the history.
    held = Edition.objects.filter(start_date__lte=today or timezone.localdate(), is_demo=False)
    editions = list(held.order_by("start_date"))
    confirmed = Registration.objects.filter(edition__in=editions).confirmed().order_by()
    counts = {}
    for edition_id, country, count in confirmed.values_list("edition_id", "country").annotate(n=Count("pk")):
        counts.setdefault(edition_id, {"confirmed": {}, "arrived": {}})["confirmed"][country] = count
    arrivals = (
        Arrival.objects.filter(registration__edition__in=editions)
        .order_by()
        .values_list("registration__edition_id", "registration__country")
        .annotate(n=Count("registration", distinct=True))
    )
    for edition_id, country, count in arrivals:
        counts.setdefault(edition_id, {"confirmed": {}, "arrived": {}})["arrived"][country] = count
    organisations = {}
    named = confirmed.exclude(organisation="").values_list("edition_id", "organisation").distinct()
    for edition_id, name in named:
        organisations.setdefault(edition_id, set()).add(_organisation_key(name))

    summaries, by_country = [], []
    for edition in editions:
        edition_counts = counts.get(edition.pk, {"confirmed": {}, "arrived": {}})
        by_source = edition_counts["arrived"] or edition_counts["confirmed"]
        by_country.append(by_source)
        participants = sum(by_source.values())
        previous = summaries[-1]["participants"] if summaries else None
        summaries.append(
            {
                "edition": edition,
                "participants": participants,
                "change": None if previous is None else participants - previous,
                "confirmed": sum(edition_counts["confirmed"].values()),
                "arrived": sum(edition_counts["arrived"].values()) if edition_counts["arrived"] else None,
                "countries": len(by_source),
                "organisations": len(organisations.get(edition.pk, ())),
            }
        )

    def cell(count):
        return {"count": count, "exact": count == 0 or count >= minimum, "change": None}

    def with_changes(cells):
        # The change since the edition before, where both numbers may be shown.
        for earlier, later in zip(cells, cells[1:], strict=False):
            later["change"] = later["count"] - earlier["count"] if earlier["exact"] and later["exact"] else None
        return cells

    shown = {code for counted in by_country for code, count in counted.items() if count >= minimum}
    rows = []
    for code in shown:
        cells = with_changes([cell(counted.get(code, 0)) for counted in by_country])
        rows.append({"code": code, "country": countries.name(code), "cells": cells})
    # Largest at the latest edition first, then at the ones before it.
    rows.sort(key=lambda row: ([-item["count"] for item in reversed(row["cells"])], row["country"]))
    other = with_changes([cell(sum(n for code, n in counted.items() if code not in shown)) for counted in by_country])
    if not any(item["count"] for item in other):
        other = None
    return {"editions": summaries, "rows": rows, "other": other, "minimum": minimum}


# --- A person's history across editions ------------------------------------------------------


def person_emails(*, user=None, email="", verified_only=False):
    """The spellings (`normalise_email`) of a person's mailboxes: an account's address and its
    verified addresses (only the verified ones with `verified_only`), and `email`, the address an
    imported registration carries instead of an account. Older rows are compared without regard
    to case."""
    emails = {email}
    if user is not None:
        if not verified_only:
            emails.add(user.email)
        emails |= set(EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True))
    spellings = set()
    for address in filter(None, emails):
        try:
            spellings.add(normalise_email(address))
        except ValidationError:
            spellings.add(address.strip().lower())
    return sorted(spellings)


def _same_email(emails):
    return reduce(or_, (Q(email__iexact=email) for email in emails))


def person_user_ids(*, emails, user=None):
    """The accounts of one person, merged by `emails` (`person_emails`): the accounts with one of
    those addresses, or with one of them verified, and `user`'s own. For staff."""
    ids = {user.pk} if user is not None else set()
    if emails:
        verified = EmailAddress.objects.filter(_same_email(emails), verified=True).values("user_id")
        ids |= set(
            get_user_model().objects.filter(_same_email(emails) | Q(pk__in=verified)).values_list("pk", flat=True)
        )
    return sorted(ids)


def participation_history(*, user_ids, emails=(), today=None):
    """A person's forum editions (under the accounts `user_ids`, and the registrations imported
    from the organizers' lists under one of `emails`), oldest first: per edition, their
    registrations (with the days they were checked in), whether they took part
    (`RegistrationQuerySet.took_part`) and their proposals to its outcome document. Three queries
    however long the history."""
    person = Q(user_id__in=user_ids)
    if emails:
        # An imported registration has no account, only the address the organizers' list gave.
        person |= Q(user=None) & _same_email(emails)
    registrations = (
        Registration.objects.filter(person)
        .select_related("edition", "user")
        .annotate(days_attended=Count("arrivals", distinct=True))
        .order_by("edition__start_date", "created_at", "pk")
    )
    took_part = set(Registration.objects.filter(person).took_part(today).values_list("pk", flat=True))
    proposals = (
        Proposal.objects.filter(author_id__in=user_ids)
        .select_related("document__edition", "section", "item")
        .order_by("created_at", "pk")
    )
    editions = {}

    def entry(edition):
        return editions.setdefault(
            edition.pk, {"edition": edition, "registrations": [], "proposals": [], "took_part": False}
        )

    for registration in registrations:
        registration.took_part = registration.pk in took_part
        row = entry(registration.edition)
        row["registrations"].append(registration)
        row["took_part"] = row["took_part"] or registration.took_part
    for proposal in proposals:
        entry(proposal.document.edition)["proposals"].append(proposal)
    history = sorted(editions.values(), key=lambda row: row["edition"].start_date)
    return {"editions": history, "years": [row["edition"].year for row in history if row["took_part"]]}
