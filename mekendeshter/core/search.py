"""Search documents and the queries over them, for the site search and the directory.

Each searchable model keeps a *search document*: its text in every language, normalised (lower
case, "ё" as "е", punctuation as spaces) and followed by its transliteration into the other
alphabet, written whenever the row is saved. A query is then one lookup over one column:

- PostgreSQL: full-text search with the 'simple' configuration (there is no Kyrgyz stemmer) over
  `search_vector`, the document's `to_tsvector('simple', ...)` stored beside it (written with the
  document, so that no query parses a document again: not to match, recheck or rank), with a GIN
  index that a migration creates (`postgres_search_index`), ranked with `ts_rank`;
- SQLite (development and tests): `LIKE` over the same documents, with the same matching rule.

The matching rule: every word of the query must match (in either alphabet). A word of one or two
letters (in either alphabet: "Osh" is "Ош") matches whole words only ("Ош" finds "Ош", never
"Оштогу", "ошондой" or "кошкон"); a
longer word matches the beginning of a word ("Бишк" finds "Бишкек" and "Бишкекте", "шкек" finds
nothing). The middle of a word never matches. Kyrgyz adds its endings to the word, which prefixes
cover; Russian changes them ("Россия", "в России"), so a Cyrillic word of five letters or more
ending in vowels also matches from its stem without them (at least four letters: "росс").
"""

import html
import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import connection, connections, models
from django.db.models import F, Q, Value
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from .translit import MAX_QUERY_LENGTH, to_cyrillic, to_latin

# Words of this length or shorter match whole words only.
WHOLE_WORD_MAX = 2
# More words than this are dropped: a pasted paragraph stays one cheap query.
MAX_WORDS = 8
CONFIG = "simple"

_NOT_WORD = re.compile(r"[\W_]+")
_CYRILLIC = re.compile(r"[а-яёңөү]")
_LATIN = re.compile(r"[a-z]")
_CYRILLIC_WORD = re.compile(r"^[а-яңөү]+$")
_ENDING = re.compile(r"[аеиоуыэюяйьөү]{1,2}$")
STEM_FROM, STEM_MIN = 5, 4


def normalise(text):
    """Lower-case words separated by single spaces; "ё" is "е" (Russian writes either)."""
    text = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    return " ".join(_NOT_WORD.sub(" ", text).split())


def _stem(word):
    """A Cyrillic word without its final vowels (Russian endings change), or None."""
    if len(word) < STEM_FROM or not _CYRILLIC_WORD.match(word):
        return None
    stem = _ENDING.sub("", word)
    if stem == word:
        return None
    return stem if len(stem) >= STEM_MIN else word[: max(STEM_MIN, len(stem))]


def _transliterated(word):
    if _CYRILLIC.search(word):
        return normalise(to_latin(word))
    if _LATIN.search(word):
        return normalise(to_cyrillic(word))
    return word


def document(*texts, html_texts=()):
    """A search document: the texts (`html_texts` are stripped of their markup first), then the
    words that read differently in the other alphabet, transliterated. Surrounded by spaces, so
    that a word's start is always a space followed by it (the SQLite path relies on that)."""
    plain = [*texts, *(html.unescape(strip_tags(text)) for text in html_texts)]
    words = normalise(" ".join(text for text in plain if text)).split()
    other = [translit for word in words if (translit := _transliterated(word)) != word]
    return f" {' '.join(words + other)} " if words else ""


class Query:
    """A search query: its words, each with its spellings in both alphabets and whether it may
    match the beginning of a longer word."""

    def __init__(self, text):
        self.text = " ".join(str(text).split())[:MAX_QUERY_LENGTH]
        words = list(dict.fromkeys(normalise(self.text).split()))[:MAX_WORDS]
        self.words = [self._forms(word) for word in words]

    @staticmethod
    def _forms(word):
        """(spellings, prefix): the word in both alphabets (and stems), and whether it may begin a
        longer word: not when it has one or two letters in either alphabet ("Osh" is "Ош")."""
        spellings = {word, normalise(to_latin(word)), normalise(to_cyrillic(word))} - {""}
        prefix = min(len(spelling) for spelling in spellings) > WHOLE_WORD_MAX
        stems = {stem for spelling in spellings if (stem := _stem(spelling))}
        forms = spellings | stems | {normalise(to_latin(stem)) for stem in stems}
        # A form that another form begins with adds nothing to a prefix search.
        if prefix:
            forms = {form for form in forms if not any(o != form and form.startswith(o) for o in forms)}
        return forms, prefix

    def __bool__(self):
        return bool(self.words)

    def tsquery(self, weights=""):
        """The query for PostgreSQL's `to_tsquery`: words joined with `&`, their spellings with `|`,
        a prefix marked `:*`. Only letters and digits reach it (`normalise`), so no operator a
        visitor types can change its meaning."""

        def term(form, prefix):
            label = ("*" if prefix else "") + weights
            return f"{form}:{label}" if label else form

        return " & ".join(
            "(" + " | ".join(term(form, prefix) for form in sorted(forms)) + ")" for forms, prefix in self.words
        )

    def condition(self, fields):
        """The SQLite path: a Q over the documents in `fields` with the same rule as the tsquery."""
        condition = Q()
        for forms, prefix in self.words:
            condition &= Q.create(
                [
                    Q(**{f"{field}__contains": f" {form}" if prefix else f" {form} "})
                    for form in sorted(forms)
                    for field in fields
                ],
                connector=Q.OR,
            )
        return condition

    def pattern(self):
        """A regular expression that finds the query's words in displayed text, for highlighting."""
        alternatives = []
        for forms, prefix in self.words:
            for form in sorted(forms, key=len, reverse=True):
                # Displayed text keeps "ё" and its capitals: match them as the document did.
                spelled = "".join("[её]" if char == "е" else re.escape(char) for char in form)
                # A prefix marks the whole word it begins.
                alternatives.append(rf"(?<!\w){spelled}" + (r"\w*" if prefix else r"(?!\w)"))
        return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def uses_full_text():
    return connection.vendor == "postgresql"


def search_vector(*fields):
    """The indexed full-text vector of a model's documents; with several fields, the first is
    weighted A, the next B, ... so that a query may be limited to the first (`weights="A"`)."""
    if len(fields) == 1:
        return SearchVector(fields[0], config=CONFIG)
    vectors = [SearchVector(field, config=CONFIG, weight="ABCD"[index]) for index, field in enumerate(fields)]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


def matching(queryset, query, *, fields=("search_document",), weights="", ranked=True):
    """`queryset` narrowed to rows whose documents match `query`, annotated with `search_rank`
    (on PostgreSQL; 0 on SQLite) when `ranked`. `fields` are the documents (SQLite reads them;
    PostgreSQL reads their stored vector); `weights="A"` limits the search to the first."""
    if not query:
        return queryset.none()
    # Pages never show the documents (an article's holds its text three times over, and more).
    queryset = queryset.defer(*fields, "search_vector")
    if not uses_full_text():
        queryset = queryset.filter(query.condition(fields[: len(weights)] if weights else fields))
        return queryset.annotate(search_rank=Value(0.0, output_field=models.FloatField())) if ranked else queryset
    tsquery = SearchQuery(query.tsquery(weights), search_type="raw", config=CONFIG)
    queryset = queryset.filter(search_vector=tsquery)
    return queryset.annotate(search_rank=SearchRank(F("search_vector"), tsquery)) if ranked else queryset


def postgres_search_index(table, name):
    """(create, drop) SQL of the GIN index over a table's stored vector, for `postgres_only`."""
    return (f"CREATE INDEX {name} ON {table} USING gin (search_vector)", f"DROP INDEX IF EXISTS {name}")


def write_vectors(queryset, fields):
    """Store the vectors of `fields` (the documents) of the rows of `queryset`, in one UPDATE
    (PostgreSQL only: SQLite searches the documents themselves)."""
    if connections[queryset.db].vendor == "postgresql":
        rows = queryset.prefetch_related(None).values("pk")
        queryset.model._base_manager.filter(pk__in=rows).update(search_vector=search_vector(*fields))


def write_missing(queryset, *, documents, fields=("search_document",)):
    """For a data migration: the documents of rows that have none yet (all of them on a first
    deploy; `rebuild_search_documents` rewrites every one), then every row's vector."""
    rebuild(queryset.filter(**{fields[0]: ""}), documents=documents)
    write_vectors(queryset, fields)


def postgres_only(*statements):
    """A migration operation that runs `statements` (pairs of forward and backward SQL) on
    PostgreSQL only: SQLite, the development database, searches its documents without indexes."""
    from django.db import migrations  # noqa: PLC0415 - migrations import this module; models must not import migrations

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            # Rows updated earlier in the migration's transaction leave deferred trigger events,
            # which CREATE INDEX refuses to run beside.
            schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for forward, _backward in statements:
                schema_editor.execute(forward)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for _forward, backward in reversed(statements):
                schema_editor.execute(backward)

    return migrations.RunPython(forwards, backwards, elidable=False)


def highlight(text, query, *, words=30):
    """A safe snippet of `text` (plain or HTML) around the first match of `query`, at most about
    `words` words, with every match in <mark>. Everything else is escaped: the text, and what the
    visitor typed, never reach the page as markup."""
    text = " ".join(html.unescape(strip_tags(str(text))).split())
    pattern = query.pattern() if query else None
    found = pattern.search(text) if pattern else None
    start = 0
    if found and len(text[: found.start()].split()) > words // 3:
        # Begin a few words before the first match, at a word's start.
        before = text[: found.start()].rstrip()
        start = len(before) - len(" ".join(before.split()[-(words // 3) :]))
    tokens = text[start:].split(" ")
    snippet = " ".join(tokens[:words])
    pieces, last = [], 0
    for match in pattern.finditer(snippet) if pattern else ():
        pieces += [escape(snippet[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    pieces.append(escape(snippet[last:]))
    prefix = "… " if start else ""
    suffix = " …" if len(tokens) > words else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped above


def translations(obj, *fields):
    """Every language's text of translated `fields` (modeltranslation's columns)."""
    return [getattr(obj, f"{field}_{code}", "") or "" for field in fields for code, _name in settings.LANGUAGES]


def rebuild(queryset, *, documents=None, batch_size=1000):
    """Write the documents of every row of `queryset` again, in batches (after `bulk_create`, which
    skips `save()`, or after the document's fields changed). `documents` is the model's
    `search_documents`, given explicitly in a data migration (historical models have no methods).
    Returns the number of rows."""
    model = queryset.model
    documents = documents or model.search_documents
    batch, count, fields = [], 0, None
    queryset = queryset.order_by("pk")
    for obj in queryset.iterator(chunk_size=batch_size):
        values = documents(obj)
        fields = fields or list(values)
        for field, value in values.items():
            setattr(obj, field, value)
        batch.append(obj)
        if len(batch) == batch_size:
            model.objects.bulk_update(batch, fields)
            count, batch = count + len(batch), []
    if batch:
        model.objects.bulk_update(batch, fields)
    if fields:
        write_vectors(queryset, fields)
    return count + len(batch)


def without_documents(queryset):
    """`queryset` without its rows' search documents and vectors: kilobytes a row that only the
    search reads (an article's are several times its text), fetched for nothing by a page that
    lists or shows the rows."""
    names = [field.name for field in queryset.model._meta.concrete_fields if field.name.startswith("search_")]
    return queryset.defer(*names)


class Searchable(models.Model):
    """A model with a search document, written on every save from `search_documents()`."""

    search_document = models.TextField(default="", editable=False)
    # PostgreSQL's vector of the documents (NULL on SQLite), written after each save.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        values = self.search_documents()
        for field, value in values.items():
            setattr(self, field, value)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *values}
        super().save(*args, **kwargs)
        write_vectors(type(self)._base_manager.filter(pk=self.pk), list(values))

    def search_documents(self):
        """{field: document} for this row, built with `document()` and `translations()` from its own
        fields and relations only (a data migration calls it on a historical model's rows)."""
        raise NotImplementedError
