"""Site search: one indexed query per kind of content over the search documents
(mekendeshter.core.search), in both alphabets, best matches first, with a count per kind and a
highlighted snippet per hit.
"""

from django.db.models import Count, Window
from django.utils.translation import gettext_lazy as _

from diaspora import selectors as diaspora_selectors
from forum import selectors as forum_selectors
from mekendeshter.core.i18n import translated
from mekendeshter.core.search import Query, highlight
from news import selectors as news_selectors

MIN_LENGTH = 2
RESULTS_PER_KIND = 10
# How many matches of a kind are counted and ranked at most. A frequent word (a city: "Москва"
# matches a fifth of 100,000 people) would otherwise rank and count every match on every search
# (130 ms at bulk size); past this the page says "1000+" and shows the best of the first 1,000
# matches found, which for such a word are as good as any (they match it the same way).
MATCHES_COUNTED = 1000

# Kinds in the order of the page, their headings, and the translated fields a snippet is taken from
# (the first that mentions the query, else the first that has text).
KINDS = {
    "editions": (_("Forum editions"), ("theme", "about", "mission")),
    "outcome": (_("Outcome documents"), ()),
    "sessions": (_("Programme"), ("description",)),
    "articles": (_("News and events"), ("lead", "body")),
    "associations": (_("Diaspora associations"), ("description",)),
    "people": (_("Compatriots in the directory"), ()),
    "organisations": (_("Sponsors and partners"), ("description",)),
}
OUTCOME_SNIPPETS = {"section": ("body", "closing"), "item": ("text",)}


def _page(queryset, limit=RESULTS_PER_KIND):
    """The first hits and the number of all of them up to MATCHES_COUNTED + 1 (more: the first
    that many found), in one query (a window count over a limited subquery of the matches)."""
    found = queryset.order_by().values("pk")[: MATCHES_COUNTED + 1]
    hits = queryset.filter(pk__in=found).annotate(search_total=Window(Count("pk")))
    hits = list(hits[: min(limit, MATCHES_COUNTED)])
    return hits, hits[0].search_total if hits else 0


def _snippet(obj, fields, query):
    pattern = query.pattern()
    texts = [translated(obj, field) for field in fields]
    texts = [text for text in texts if text]
    if not texts:
        return None
    text = next((text for text in texts if pattern.search(text)), texts[0])
    # The snippet keeps the language of the text it comes from (a fallback is marked as such).
    return {"html": highlight(text, query), "lang": text.lang, "is_fallback": text.is_fallback}


def search(text, *, people=True):
    """{kind: {"heading", "hits", "count"}} for every kind that found something, in page order.
    Without `people`, no one from the directory is listed (the client has used up the
    directory's own rate limit). Each hit carries `search_snippet`."""
    query = Query(text)
    if not query:
        return {}
    found = {
        "editions": _page(forum_selectors.edition_search(query=query)),
        "outcome": _outcome(query),
        "sessions": _page(forum_selectors.session_search(query=query)),
        "articles": _page(news_selectors.article_search(query=query)),
        "associations": _page(diaspora_selectors.association_search(query=query)),
        "organisations": _page(forum_selectors.organisation_search(query=query)),
    }
    if people:
        # Listed entries only, found and shown by name, city and occupation (never contacts).
        found["people"] = _page(
            diaspora_selectors.entry_search(query=query).only("slug", "display_name", "city", "occupation", "country")
        )
    results = {}
    for kind, (heading, fields) in KINDS.items():
        hits, count = found.get(kind, ([], 0))
        if not hits:
            continue
        for hit in hits:
            snippet_fields = OUTCOME_SNIPPETS[hit.search_kind] if kind == "outcome" else fields
            hit.search_snippet = _snippet(hit, snippet_fields, query) if snippet_fields else None
        shown_count = f"{MATCHES_COUNTED}+" if count > MATCHES_COUNTED else count
        results[kind] = {"heading": heading, "hits": hits, "count": count, "shown_count": shown_count}
    return results


def _outcome(query):
    """Sections and numbered items of outcome documents, together, best first."""
    sections, section_count = _page(forum_selectors.outcome_section_search(query=query))
    items, item_count = _page(forum_selectors.outcome_item_search(query=query))
    for section in sections:
        section.search_kind = "section"
    for item in items:
        item.search_kind = "item"
    hits = sorted([*sections, *items], key=lambda hit: -hit.search_rank)[:RESULTS_PER_KIND]
    # Past the limit in either part the total is "more" (the sum would otherwise claim exactness).
    if max(section_count, item_count) > MATCHES_COUNTED:
        return hits, MATCHES_COUNTED + 1
    return hits, section_count + item_count
