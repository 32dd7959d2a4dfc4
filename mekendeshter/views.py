import hashlib
import logging

from allauth.account.decorators import reauthentication_required
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from diaspora.models import Profile
from forum import selectors as forum_selectors
from news import selectors as news_selectors

from . import pwa, selectors, services
from . import search as site_search
from .celery import app as celery_app
from .context_processors import current_edition
from .core import fragments, pagecache, ratelimit
from .core.search import Query

logger = logging.getLogger(__name__)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language of emails"), choices=settings.LANGUAGES)


def home(request):
    # One story: the next edition and its registration first, then the last one held with its
    # results (as the seed page shows them), the newest news of any kind, subscription, venue.
    pagecache.content_version(request)  # before the rows are read (mekendeshter.core.fragments)
    edition = forum_selectors.edition_latest_held()
    upcoming = current_edition(request)
    context = {"edition": edition}
    if upcoming and upcoming.pk != getattr(edition, "pk", None):
        context["places_left"] = forum_selectors.registration_places_left(edition=upcoming)
        pagecache.shows(request, "registrations")  # a registration changes the places left at once
    # The venue of the next forum once it is known, else the last one's, with its map.
    venue_edition = upcoming if upcoming and upcoming.venue_id else edition
    if venue_edition and venue_edition.venue_id:
        context |= {"venue": venue_edition.venue, "venue_edition": venue_edition}

    def bands():
        # Rendered without the request: what the site's context processors give, passed here.
        band_context = {
            "edition": edition,
            "venue": context.get("venue"),
            "venue_edition": context.get("venue_edition"),
            "current_edition": upcoming,
            "map_tile_url": settings.MAP_TILE_URL,
            "latest_articles": news_selectors.article_latest(category=None),
        }
        if edition:
            band_context |= {
                "partners": forum_selectors.partnership_list(edition=edition),
                "has_outcome": forum_selectors.outcome_exists(edition=edition),
            }
        return band_context

    # The bands below the next forum are the same for every visitor: kept per language and content
    # version, and per the editions of today (the next forum and the last one held change by date).
    name = f"home-bands:{getattr(edition, 'pk', None)}:{getattr(upcoming, 'pk', None)}"
    context["bands"] = fragments.fragment(request, name, "_home_bands.html", bands)
    return render(request, "home.html", context)


class SearchForm(forms.Form):
    # CharField refuses NUL bytes (PostgreSQL cannot compare text with them) with a message.
    q = forms.CharField(required=False)

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())


@require_GET
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context = {"form": form, "query": query, "too_short": 0 < len(query) < site_search.MIN_LENGTH}
    if len(query) >= site_search.MIN_LENGTH:
        # Only a search counts (the empty page costs nothing); past the limit the page shows the
        # form again with the message.
        if not ratelimit.form_allowed(request, "search", form):
            return ratelimit.limited(render(request, "search.html", context), "search")
        # Searching lists people, so it counts as a directory page: search is no way around the
        # directory's own limit.
        people = ratelimit.allow(request, "directory")
        context["searched"] = True
        # The same for everyone who searches the same words (with or without people): kept per
        # language and content version, which every change to what search finds bumps.
        context["found_html"] = fragments.fragment(
            request,
            f"search:{int(people)}:{hashlib.sha256(query.encode()).hexdigest()[:32]}",
            "includes/_search_results.html",
            lambda: {
                "query": query,
                "results": site_search.search(query, people=people),
                "search_query": Query(query),
                "people_held_back": not people,
            },
        )
    return render(request, "search.html", context)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/accounts/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _health_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _health_cache():
    # A write and a read: a cache that accepts connections but cannot store is down too.
    cache.set("healthz", "ok", timeout=10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not keep a value")


def _health_broker():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return  # no broker: tasks run in the web process
    with celery_app.connection_for_write() as broker:
        # One quick attempt: the load balancer asks often and must get an answer in time.
        broker.ensure_connection(max_retries=1, timeout=2)


@require_GET
@never_cache
def healthz(request):
    """For the load balancer and monitoring: the database, the cache and the broker answer.

    503 when one of them does not, naming it, so that the balancer takes the server out and the
    operator sees which part failed.
    """
    checks = {"database": _health_database, "cache": _health_cache, "broker": _health_broker}
    report = {}
    for name, check in checks.items():
        try:
            check()
        except Exception:  # any failure of that part is its report, not a 500
            # The answer only names the part; the log says why, for the operator.
            logger.warning("healthz: the %s is down", name, exc_info=True)
            report[name] = "error"
        else:
            report[name] = "ok"
    healthy = all(state == "ok" for state in report.values())
    return JsonResponse({"status": "ok" if healthy else "error", **report}, status=200 if healthy else 503)


@login_required
def me(request):
    profile = Profile.objects.filter(user=request.user).first()
    form = LanguageForm(request.POST or None, initial={"language": profile.language if profile else get_language()})
    if request.method == "POST" and form.is_valid():
        services.preferred_language_update(user=request.user, language=form.cleaned_data["language"])
        messages.success(request, _("Your preferred language has been saved."))
        return redirect("me")
    context = {**selectors.account_overview(user=request.user), "language_form": form}
    return render(request, "account/me.html", context)


@login_required
def me_export(request):
    data = selectors.account_export(user=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mekendeshter-my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@reauthentication_required(allow_get=True)
def me_delete(request):
    if request.method == "POST":
        services.account_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        response = redirect("home")
        response["Clear-Site-Data"] = pwa.CLEAR_SITE_DATA
        return response
    return render(request, "account/me_delete.html")
