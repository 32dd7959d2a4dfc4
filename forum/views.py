from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mekendeshter import ratelimit
from news import selectors as news_selectors

from . import selectors, services
from .calendar import edition_calendar
from .forms import ContactForm


def edition_list(request):
    return render(request, "forum/edition_list.html", {"editions": selectors.edition_list()})


EDITION_ARTICLES = 5


def edition_detail(request, year):
    edition = selectors.edition_get(year=year)
    previous, following = selectors.edition_neighbours(edition=edition)
    context = {
        "edition": edition,
        "partners": selectors.partnership_list(edition=edition),
        "has_outcome": selectors.outcome_exists(edition=edition),
        "has_photos": selectors.album_exists(edition=edition),
        "articles": news_selectors.article_list().filter(edition=edition)[:EDITION_ARTICLES],
        "previous_edition": previous,
        "next_edition": following,
    }
    return render(request, "forum/edition_detail.html", context)


def programme(request, year):
    edition = selectors.edition_get(year=year)
    sessions = selectors.session_list(edition=edition)
    return render(request, "forum/programme.html", {"edition": edition, "sessions": sessions})


def photos(request, year):
    edition = selectors.edition_get(year=year)
    return render(request, "forum/photos.html", {"edition": edition, "albums": selectors.album_list(edition=edition)})


def photo(request, year, pk):
    photo = selectors.photo_get(year=year, pk=pk)
    previous, following = selectors.photo_neighbours(photo=photo)
    context = {"edition": photo.album.edition, "photo": photo, "previous_photo": previous, "next_photo": following}
    return render(request, "forum/photo.html", context)


def venue(request, year):
    edition = selectors.edition_get(year=year)
    context = {"edition": edition, "venue": edition.venue, "hotels": selectors.hotel_list(venue=edition.venue)}
    return render(request, "forum/venue.html", context)


def outcome(request, year):
    document = selectors.outcome_get(year=year)
    return render(request, "forum/outcome_document.html", {"document": document, "edition": document.edition})


CONTACT_LIMIT, CONTACT_PERIOD = 5, 3600


def contact(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.allow(request, "contact", limit=CONTACT_LIMIT, period=CONTACT_PERIOD):
            form.add_error(None, _("Too many messages from your connection. Please try again in an hour."))
            return render(request, "forum/contact.html", {"form": form}, status=429)
        if form.is_valid():
            # Bots that fill in the hidden field see the same thanks, and nothing is stored.
            if not form.is_spam:
                data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
                services.contact_request_create(**data, language=get_language())
            return redirect("contact_thanks")
    return render(request, "forum/contact.html", {"form": form})


def contact_thanks(request):
    return render(request, "forum/contact_thanks.html")


def calendar_ics(request, year):
    edition = selectors.edition_get(year=year)
    if edition.date_precision == edition.DatePrecision.MONTH:
        raise Http404("The exact days of this edition are not known.")
    body = edition_calendar(
        edition,
        selectors.session_list(edition=edition),
        url=request.build_absolute_uri(edition.get_absolute_url()),
        host=request.get_host().split(":")[0],
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mekendeshter-{edition.year}.ics"'
    return response
