from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from forum import selectors as forum_selectors
from news import selectors as news_selectors

from .context_processors import current_edition


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
