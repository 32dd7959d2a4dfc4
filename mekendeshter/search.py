"""Site search: one query per kind of content over every language's column, in both alphabets.

"Бишкек" finds "Bishkek" and the reverse: the query is also tried transliterated. Databases fold
case for ASCII only (SQLite, PostgreSQL under the C locale), so capitalised and lower-case forms
of each variant are tried too.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q

from diaspora import selectors as diaspora_selectors
from diaspora.models import Association
from forum.models import Edition, Item, Organisation, OutcomeDocument, Session
from mekendeshter.core.translit import MAX_QUERY_LENGTH, variants
from news.models import Article

MIN_LENGTH, MAX_LENGTH = 2, MAX_QUERY_LENGTH
RESULTS_PER_KIND = 10


def _matching(fields, terms):
    languages = [code for code, _name in settings.LANGUAGES]
    return reduce(
        or_, (Q(**{f"{field}_{lang}__icontains": term}) for field in fields for lang in languages for term in terms)
    )


def search(query, *, people=True):
    """Results by kind, each a short list of objects (the template knows how to show each kind).
    Without `people`, no one from the directory is listed (the client has used up the directory's
    own rate limit)."""
    terms = variants(query.strip()[:MAX_LENGTH])
    found = {
        "editions": Edition.objects.filter(_matching(["title", "city", "theme", "about", "mission"], terms)),
        "articles": Article.objects.published().filter(_matching(["title", "lead", "body"], terms)),
        "items": Item.objects.filter(section__document__in=OutcomeDocument.objects.public())
        .filter(_matching(["text"], terms))
        .select_related("section__document__edition"),
        "sessions": Session.objects.filter(_matching(["title", "description"], terms)).select_related("edition"),
        "associations": Association.objects.published().filter(_matching(["name", "city", "description"], terms)),
        "organisations": Organisation.objects.filter(_matching(["name", "description"], terms)),
    }
    if people:
        # Listed entries only, found and shown by name, city and occupation (never contacts).
        found["people"] = diaspora_selectors.entry_search(terms=terms).only(
            "slug", "display_name", "city", "occupation", "country"
        )
    return {kind: list(queryset[:RESULTS_PER_KIND]) for kind, queryset in found.items()}
