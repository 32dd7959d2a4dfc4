import hashlib
import logging

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q

from forum.models import Edition
from mekendeshter.core.search import matching, without_documents

from .models import Article, Comment, Delivery, Newsletter

logger = logging.getLogger(__name__)


def article_list(*, category=None, edition_year=None):
    articles = without_documents(Article.objects.published().select_related("edition"))
    if category:
        articles = articles.filter(category=category)
    if edition_year:
        articles = articles.filter(edition__year=edition_year)
    return articles


def article_latest(*, limit=3, category=Article.Category.NEWS):
    """The home page's news block (the seed's NEWS&COMMENT): news, not announcements."""
    articles = without_documents(Article.objects.published())
    if category:
        articles = articles.filter(category=category)
    return articles[:limit]


def article_published_ids(*, ids):
    """Which of these articles are published: what another page may link to."""
    return set(Article.objects.published().filter(pk__in=ids).values_list("pk", flat=True))


def article_queryset():
    """Published articles, for their own page."""
    # The edition's search document and vector too (14 KB a row at the demo's size).
    articles = without_documents(Article.objects.published().select_related("edition"))
    return articles.defer("edition__search_document", "edition__search_vector")


# A kept article page row lives as long as a kept fragment (mekendeshter.core.fragments.TIMEOUT):
# a new content version makes it stale at once; this bounds nothing but memory.
ARTICLE_PAGE_TIMEOUT = 60


def article_for_page(*, slug, version):
    """The published article `slug` (None if there is none) for its own page, kept in the shared
    cache under the content version (mekendeshter.core.pagecache), which every save of an article
    or its edition, and every admin change, bumps: the page's one query (and its compilation, the
    dearer part) becomes a cache read. Only a found article is kept: a request for a slug that
    does not exist (or not yet) must neither fill the cache nor hide a publication. Without a
    version (no cache) it is read as before."""
    articles = article_queryset().filter(slug=slug)
    if version is None:
        return articles.first()
    key = f"news:article-page:{hashlib.sha256(slug.encode()).hexdigest()[:32]}:{version}"
    try:
        article = cache.get(key)
    except Exception:  # the cache is down: the page is read, as without a cache, not refused
        logger.exception("cache: could not read %s", key)
        return articles.first()
    if article is None:
        article = articles.first()
        if article is not None:
            try:
                cache.set(key, article, ARTICLE_PAGE_TIMEOUT)
            except Exception:
                logger.exception("cache: could not keep %s", key)
    return article


def article_related(*, article, limit=3):
    """Published articles of the same category or edition, the same edition's first, then newest.
    Announcements of the site's features are related only to each other: a condolence note of the
    2016 forum must not end with "the venue is on the map".

    One query of two parts, each the newest `limit` of its kind read from an index (the same
    edition's; the others'), merged here: ordering every article of the category by "same edition
    first" would read and sort all of them (thousands) on every article page."""
    same = Q(category=article.category)
    if article.edition_id:
        same |= Q(edition_id=article.edition_id) & ~Q(category=Article.Category.ANNOUNCEMENT)
    related = without_documents(Article.objects.published()).filter(same).exclude(pk=article.pk)
    related = related.order_by("-published_at", "-pk")
    if not article.edition_id:
        return list(related[:limit])
    own = related.filter(edition_id=article.edition_id)[:limit]
    others = related.exclude(edition_id=article.edition_id)[:limit]
    if connection.features.supports_slicing_ordering_in_compound:
        rows = list(own.union(others, all=True))
    else:  # SQLite cannot slice the parts of a UNION: two queries (its lists are small)
        rows = [*own, *others]
    rows.sort(key=lambda row: (row.edition_id != article.edition_id, -row.published_at.timestamp(), -row.pk))
    return rows[:limit]


def edition_filter_choices():
    """Editions that have published articles, for the list's filter: one indexed probe per
    edition (a join with every article and a DISTINCT over the editions' columns cost more than
    the list itself)."""
    published = Article.objects.published().filter(edition=OuterRef("pk"))
    return Edition.objects.filter(Exists(published)).order_by("-start_date")


def comment_list(*, article, user=None):
    """Published comments, plus the reader's own ones still waiting for moderation."""
    visible = Q(status=Comment.Status.PUBLISHED)
    if user is not None and user.is_authenticated:
        visible |= Q(author=user, status=Comment.Status.PENDING)
    return article.comments.filter(visible).select_related("author")


def comment_queryset():
    return Comment.objects.select_related("article", "author")


def newsletter_with_progress(*, pk):
    return Newsletter.objects.with_progress().get(pk=pk)


def newsletter_counts(*, newsletter):
    return newsletter.deliveries.aggregate(
        sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
        failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
        waiting=Count("pk", filter=Q(status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING])),
    )


def article_search(*, query):
    """Published articles matching a site search `query`, best first, then the newest."""
    return matching(Article.objects.published(), query).order_by("-search_rank", "-published_at", "-pk")
