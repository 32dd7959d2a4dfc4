from django.shortcuts import render

from . import selectors


def edition_list(request):
    return render(request, "forum/edition_list.html", {"editions": selectors.edition_list()})


def edition_detail(request, year):
    edition = selectors.edition_get(year=year)
    previous, following = selectors.edition_neighbours(edition=edition)
    context = {
        "edition": edition,
        "partners": selectors.partnership_list(edition=edition),
        "has_outcome": selectors.outcome_exists(edition=edition),
        "previous_edition": previous,
        "next_edition": following,
    }
    return render(request, "forum/edition_detail.html", context)


def programme(request, year):
    edition = selectors.edition_get(year=year)
    sessions = selectors.session_list(edition=edition)
    return render(request, "forum/programme.html", {"edition": edition, "sessions": sessions})


def venue(request, year):
    edition = selectors.edition_get(year=year)
    return render(request, "forum/venue.html", {"edition": edition, "venue": edition.venue})


def outcome(request, year):
    document = selectors.outcome_get(year=year)
    return render(request, "forum/outcome_document.html", {"document": document, "edition": document.edition})
