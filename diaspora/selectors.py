from django.db import connection
from django.db.models import Case, Count, Value, When
from django.utils import timezone
from django.utils.translation import get_language

from forum.models import Registration
from mekendeshter.core.cache import cached
from mekendeshter.core.countries import SMALL_COUNT_MINIMUM, collation_key, countries, group_small_counts
from mekendeshter.core.i18n import translated
from mekendeshter.core.search import Query, matching, without_documents

from .models import Association, DirectoryEntry

# The directory's countries and counts, from the shared cache until an entry or an association
# changes (mekendeshter.core.cache; diaspora.apps connects the models, the services the updates).
DIRECTORY_DATA = "diaspora-directory"
DIRECTORY_DATA_MODELS = (Association, DirectoryEntry)


def association_list(*, country="", country_order=()):
    """Published associations; with `country_order` (codes in the page language's alphabetical
    order, as `association_countries` gives them) grouped by country in that order."""
    associations = without_documents(Association.objects.published())
    if country:
        associations = associations.filter(country=country)
    if country_order:
        position = Case(*(When(country=code, then=index) for index, code in enumerate(country_order)))
        associations = associations.order_by(position, "name", "pk")
    return associations


class AssociationsByCountry:
    """Published associations grouped by country in the page's order of countries, for a
    paginator. Ordering by a CASE over the countries sorts every association on every page; a
    page is instead cut into its countries' runs (the counts are known), each run read through
    the (country, name, id) index, all in one UNION ALL query."""

    def __init__(self, countries_with_counts):
        # [(code, count)] in the page's order.
        self.runs = countries_with_counts

    def count(self):
        return sum(count for _code, count in self.runs)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        if not connection.features.supports_slicing_ordering_in_compound:
            # SQLite cannot slice the parts of a UNION: one ordered query (its lists are small).
            codes = [code for code, _count in self.runs]
            return list(association_list(country_order=codes).filter(country__in=codes)[start:stop])
        parts, offset = [], 0
        for code, count in self.runs:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                run = without_documents(Association.objects.published()).filter(country=code).order_by("name", "pk")
                parts.append(run.annotate(run=Value(len(parts))).values_list("run", "pk")[low:high])
            offset += count
            if offset >= stop:
                break
        if not parts:
            return []
        # The keys first (index-only scans), then their rows; each run comes ordered, and the runs
        # are put in order here, whatever order they arrive in.
        keys = parts[0].union(*parts[1:], all=True).order_by() if len(parts) > 1 else parts[0]
        keys = [key for _run, key in sorted(keys, key=lambda pair: pair[0])]
        rows = Association.objects.in_bulk(keys)
        return [rows[key] for key in keys if key in rows]


MAP_POINTS_MAX = 1000


def association_map_points(*, country=""):
    """Every association with coordinates (of one country, when filtered), for the map; capped so
    that bulk data cannot make the page heavy."""

    def compute():
        associations = association_list(country=country).exclude(latitude=None).exclude(longitude=None)
        return [
            {"lat": float(item.latitude), "lng": float(item.longitude), "name": str(translated(item, "name"))}
            for item in associations[:MAP_POINTS_MAX]
        ]

    return cached(DIRECTORY_DATA, f"map-points:{get_language()}:{country}", compute)


def association_countries():
    """Countries with published associations and how many, in the page language's alphabetical order."""

    def compute():
        counts = Association.objects.published().order_by().values("country").annotate(count=Count("pk"))
        return [(row["country"], row["count"]) for row in counts]

    rows = [
        {"code": code, "name": countries.name(code), "count": count}
        for code, count in cached(DIRECTORY_DATA, "association-countries", compute)
    ]
    language = get_language()
    return sorted(rows, key=lambda row: collation_key(row["name"], language))


def association_pages(*, association_countries, country=""):
    """Published associations (of one country, when filtered) grouped by country, as
    `association_countries` orders and counts them, for a paginator."""
    runs = [(row["code"], row["count"]) for row in association_countries if not country or row["code"] == country]
    return AssociationsByCountry(runs)


def entry_list(*, country="", query=""):
    """Listed entries, optionally of one country and matching a text in either alphabet."""
    entries = without_documents(DirectoryEntry.objects.listed())
    if country:
        entries = entries.filter(country=country)
    query = Query(query)
    if query:
        # Name, city, occupation, organisation and expertise (the entry's two documents).
        entries = matching(entries, query, fields=DirectoryEntry.SEARCH_FIELDS, ranked=False)
    return entries.order_by("display_name", "pk")


def expert_list(*, country="", query=""):
    return entry_list(country=country, query=query).filter(is_expert=True)


def entry_search(*, query):
    """Site search: listed people by name, city and occupation only (what it shows of them), best
    matches first. The first document, weighted A in the directory's index, holds those."""
    entries = matching(DirectoryEntry.objects.listed(), query, fields=DirectoryEntry.SEARCH_FIELDS, weights="A")
    return entries.order_by("-search_rank", "display_name", "pk")


def association_search(*, query):
    associations = matching(Association.objects.published(), query)
    return associations.order_by("-search_rank", "name", "pk")


def entry_queryset():
    """Entries anyone may open: listed ones."""
    return DirectoryEntry.objects.listed()


def is_member(*, user):
    """Who sees the contacts people share with "members": not anyone who signs up (a scraper
    would, in a minute), but staff, people who took part in a forum (a confirmed registration for
    an edition that has begun) and people the organizing committee approved as members (their
    directory entry's `member_approved_at`). The entry form says so where visibility is chosen."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    took_part = (
        Registration.objects.filter(user=user, edition__start_date__lte=timezone.localdate()).confirmed().exists()
    )
    return took_part or DirectoryEntry.objects.filter(user=user, member_approved_at__isnull=False).exists()


def entry_forum_years(*, entry):
    """The years of the forums the entry's person took part in, oldest first, when they chose to
    show them on their entry (`show_forum_history`); else none."""
    if not entry.show_forum_history:
        return []
    registrations = Registration.objects.filter(user_id=entry.user_id).took_part()
    return sorted(set(registrations.values_list("edition__year", flat=True)))


def entry_for_user(*, user):
    return DirectoryEntry.objects.filter(user=user).first()


def entry_counts():
    """Listed entries per country ({code: count}), from the cache."""

    def compute():
        counts = DirectoryEntry.objects.listed().order_by().values("country").annotate(count=Count("pk"))
        return {row["country"]: row["count"] for row in counts}

    return cached(DIRECTORY_DATA, "entry-counts", compute)


def entry_list_count(*, country="", query=""):
    """How many entries `entry_list` selects, when the cache knows it (no text query), else None."""
    if " ".join(query.split()):
        return None
    counts = entry_counts()
    return counts.get(country, 0) if country else sum(counts.values())


def expert_list_count(*, country="", query=""):
    if " ".join(query.split()):
        return None

    def compute():
        counts = DirectoryEntry.objects.experts().order_by().values("country").annotate(count=Count("pk"))
        return {row["country"]: row["count"] for row in counts}

    counts = cached(DIRECTORY_DATA, "expert-counts", compute)
    return counts.get(country, 0) if country else sum(counts.values())


def entry_countries():
    """Countries that have listed entries, for the filter, named in the page's language."""
    codes = entry_counts().keys()
    language = get_language()
    return sorted(((code, countries.name(code)) for code in codes), key=lambda pair: collation_key(pair[1], language))


def entry_stats(*, minimum=SMALL_COUNT_MINIMUM):
    """Listed entries by country, largest first; countries with fewer than `minimum` people are
    summed into "other" so that no one can be singled out. Returns (rows, other, total)."""
    by_country = sorted(entry_counts().items(), key=lambda pair: (-pair[1], pair[0]))
    counts = [{"country": code, "count": count} for code, count in by_country]
    rows, other, total = group_small_counts(counts, minimum=minimum)
    experts = expert_list_count()
    return {"rows": rows, "other": other, "total": total, "experts": experts, "minimum": minimum}


def registration_prefill(*, user):
    """The latest registration in which the person agreed to be listed, and the entry details it
    pre-fills (the entry is created only when they save it); (None, {}) when there is none."""
    registration = (
        Registration.objects.filter(user=user, directory_consent_at__isnull=False)
        .order_by("-directory_consent_at", "-pk")
        .first()
    )
    if registration is None:
        return None, {}
    initial = {
        "display_name": f"{registration.first_name} {registration.last_name}".strip(),
        "country": registration.country,
        "city": registration.city,
        "organisation": registration.organisation,
        "occupation": registration.occupation,
    }
    return registration, initial
