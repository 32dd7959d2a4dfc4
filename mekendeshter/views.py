from allauth.account.decorators import reauthentication_required
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from diaspora.models import Profile
from forum import selectors as forum_selectors
from news import selectors as news_selectors

from . import search as site_search
from . import selectors, services
from .context_processors import current_edition
from .core import ratelimit


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language of emails"), choices=settings.LANGUAGES)


def home(request):
    # The next edition leads the page; the last one held shows its results, as the seed does.
    edition = forum_selectors.edition_latest_held() or current_edition(request)
    context = {"edition": edition, "latest_articles": news_selectors.article_latest()}
    if edition:
        context |= {
            "partners": forum_selectors.partnership_list(edition=edition),
            "has_outcome": forum_selectors.outcome_exists(edition=edition),
        }
    return render(request, "home.html", context)


SEARCH_LIMIT, SEARCH_PERIOD = 120, 600


@require_GET
def search(request):
    # PostgreSQL refuses a NUL byte in a query: it is a word break here, never a 500.
    query = " ".join(request.GET.get("q", "").replace("\x00", " ").split())
    context = {"query": query, "too_short": 0 < len(query) < site_search.MIN_LENGTH}
    if len(query) >= site_search.MIN_LENGTH:
        if not ratelimit.allow(request, "search", limit=SEARCH_LIMIT, period=SEARCH_PERIOD):
            response = render(request, "search.html", {**context, "rate_limited": True}, status=429)
            response["Retry-After"] = str(SEARCH_PERIOD)
            return response
        # Searching lists people, so it counts as a directory page: search is no way around the
        # directory's own limit.
        people = ratelimit.allow(
            request, "directory", limit=settings.DIRECTORY_RATE_LIMIT, period=settings.DIRECTORY_RATE_PERIOD
        )
        context["results"] = site_search.search(query, people=people)
        context["found"] = any(context["results"].values())
        context["people_held_back"] = not people
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


@require_GET
def healthz(request):
    """For the load balancer: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


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
        return redirect("home")
    return render(request, "account/me_delete.html")
