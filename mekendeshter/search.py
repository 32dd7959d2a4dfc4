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
from forum.models import Edition, Item, Organisation, Session
from news.models import Article

MIN_LENGTH, MAX_LENGTH = 2, 100
RESULTS_PER_KIND = 10

# Kyrgyz and Russian Cyrillic to Latin as places and names are usually written in Kyrgyzstan.
CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o", "ө": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ү": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
# Latin to Cyrillic, longest spellings first.
LATIN_TO_CYRILLIC = [
    ("shch", "щ"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("yu", "ю"),
    ("ya", "я"), ("yo", "ё"), ("ng", "ң"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"),
    ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"),
    ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "ы"), ("z", "з"),
]  # fmt: skip


def to_latin(text):
    return "".join(CYRILLIC_TO_LATIN.get(char, char) for char in text.lower())


def to_cyrillic(text):
    text, result = text.lower(), []
    while text:
        for latin, cyrillic in LATIN_TO_CYRILLIC:
            if text.startswith(latin):
                result.append(cyrillic)
                text = text[len(latin) :]
                break
        else:
            result.append(text[0])
            text = text[1:]
    return "".join(result)


def variants(query):
    """The query as typed, transliterated both ways, each in lower case and capitalised."""
    forms = {query, to_latin(query), to_cyrillic(query)}
    return {variant for form in forms for variant in (form, form.lower(), form.capitalize()) if variant}


def _matching(fields, terms):
    languages = [code for code, _name in settings.LANGUAGES]
    return reduce(
        or_, (Q(**{f"{field}_{lang}__icontains": term}) for field in fields for lang in languages for term in terms)
    )


def search(query):
    """Results by kind, each a short list of objects (the template knows how to show each kind)."""
    terms = variants(query.strip()[:MAX_LENGTH])
    found = {
        "editions": Edition.objects.filter(_matching(["title", "city", "theme", "about", "mission"], terms)),
        "articles": Article.objects.published().filter(_matching(["title", "lead", "body"], terms)),
        "items": Item.objects.filter(section__document__status__in=["open", "final"])
        .filter(_matching(["text"], terms))
        .select_related("section__document__edition"),
        "sessions": Session.objects.filter(_matching(["title", "description"], terms)).select_related("edition"),
        "associations": Association.objects.published().filter(_matching(["name", "city", "description"], terms)),
        "organisations": Organisation.objects.filter(_matching(["name", "description"], terms)),
        # People: listed entries only, found and shown by name, city and occupation (never contacts).
        "people": diaspora_selectors.entry_search(terms=terms).only(
            "slug", "display_name", "city", "occupation", "country"
        ),
    }
    return {kind: list(queryset[:RESULTS_PER_KIND]) for kind, queryset in found.items()}
