from functools import reduce
from operator import or_

from django.db.models import Case, Count, Q, When
from django.utils import timezone
from django.utils.translation import get_language

from forum.models import Registration
from mekendeshter.core.countries import SMALL_COUNT_MINIMUM, collation_key, countries, group_small_counts
from mekendeshter.core.i18n import translated
from mekendeshter.core.translit import MAX_QUERY_LENGTH, variants

from .models import Association, DirectoryEntry


def association_list(*, country="", country_order=()):
    """Published associations; with `country_order` (codes in the page language's alphabetical
    order, as `association_countries` gives them) grouped by country in that order."""
    associations = Association.objects.published()
    if country:
        associations = associations.filter(country=country)
    if country_order:
        position = Case(*(When(country=code, then=index) for index, code in enumerate(country_order)))
        associations = associations.order_by(position, "name", "pk")
    return associations


MAP_POINTS_MAX = 1000


def association_map_points(*, country=""):
    """Every association with coordinates (of one country, when filtered), for the map; capped so
    that bulk data cannot make the page heavy."""
    associations = association_list(country=country).exclude(latitude=None).exclude(longitude=None)
    return [
        {"lat": float(item.latitude), "lng": float(item.longitude), "name": str(translated(item, "name"))}
        for item in associations[:MAP_POINTS_MAX]
    ]


def association_countries():
    """Countries with published associations and how many, in the page language's alphabetical order."""
    counts = Association.objects.published().order_by().values("country").annotate(count=Count("pk"))
    rows = [{"code": row["country"], "name": countries.name(row["country"]), "count": row["count"]} for row in counts]
    language = get_language()
    return sorted(rows, key=lambda row: collation_key(row["name"], language))


def _text_filter(terms, fields):
    return reduce(or_, (Q(**{f"{field}__icontains": term}) for field in fields for term in terms))


def entry_list(*, country="", query=""):
    """Listed entries, optionally of one country and matching a text in either alphabet."""
    entries = DirectoryEntry.objects.listed()
    if country:
        entries = entries.filter(country=country)
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if query:
        fields = ["display_name", "city", "occupation", "organisation", "expertise"]
        entries = entries.filter(_text_filter(variants(query), fields))
    return entries.order_by("display_name", "pk")


def expert_list(*, country="", query=""):
    return entry_list(country=country, query=query).filter(is_expert=True)


def entry_search(*, terms):
    """Site search: listed people by name, city and occupation only."""
    return DirectoryEntry.objects.listed().filter(_text_filter(terms, ["display_name", "city", "occupation"]))


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


def entry_countries():
    """Countries that have listed entries, for the filter, named in the page's language."""
    codes = DirectoryEntry.objects.listed().order_by().values_list("country", flat=True).distinct()
    language = get_language()
    return sorted(((code, countries.name(code)) for code in codes), key=lambda pair: collation_key(pair[1], language))


def entry_stats(*, minimum=SMALL_COUNT_MINIMUM):
    """Listed entries by country, largest first; countries with fewer than `minimum` people are
    summed into "other" so that no one can be singled out. Returns (rows, other, total)."""
    counts = DirectoryEntry.objects.listed().values("country").annotate(count=Count("pk")).order_by("-count", "country")
    rows, other, total = group_small_counts(counts, minimum=minimum)
    experts = DirectoryEntry.objects.experts().count()
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
