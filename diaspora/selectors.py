from functools import reduce
from operator import or_

from django.db.models import Count, Q
from django.utils import timezone

from forum.models import Registration
from mekendeshter.core.countries import SMALL_COUNT_MINIMUM, countries, group_small_counts
from mekendeshter.core.translit import MAX_QUERY_LENGTH, variants

from .models import Association, DirectoryEntry


def association_list():
    return Association.objects.published()


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


def entry_for_user(*, user):
    return DirectoryEntry.objects.filter(user=user).first()


def entry_countries():
    """Countries that have listed entries, for the filter, named in the page's language."""
    codes = DirectoryEntry.objects.listed().order_by().values_list("country", flat=True).distinct()
    return sorted(((code, countries.name(code)) for code in codes), key=lambda pair: pair[1])


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
