"""Check-in at the venue (`/<lang>/forum/<year>/checkin/`): staff with `forum.add_arrival` only.

The page works without JavaScript (a typed code, or a name and a button per person); with it,
`static/js/checkin.js` reads QR codes with the camera (`BarcodeDetector`) and sends scans to
`scan/` as JSON, queuing them on the phone while the network is down. Both paths call the same
service, with an idempotency key per scan.

The person is shown without a photo. The issue asks for one "if any", and there is none to show:
a registration carries no picture, a directory entry has no photo field, and the speakers' photos
(`Person.photo`) belong to programme entries with no link to an account or a registration, so
matching them by name could put a stranger's face on an identity check. A photo for check-in is a
feature of its own: an upload the person consents to, kept out of the public media (it is personal
data, unlike the programme's pictures), deleted with the account, and read here through the site
level (mekendeshter.receivers-style glue), since forum may not import diaspora.
"""

import json
import uuid
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import CheckinCodeForm, CheckinSearchForm

PERMISSION = "forum.add_arrival"


def staff_with_permission(view):
    """Anonymous visitors are sent to sign in; signed-in people without the permission get a 403."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_staff and request.user.has_perm(PERMISSION)):
            raise PermissionDenied
        response = view(request, *args, **kwargs)
        # Names and needs of participants: never kept by a cache.
        add_never_cache_headers(response)
        return response

    return wrapper


def _result_context(result):
    return {"result": result, "registration": result.registration, "arrival": result.arrival}


def _record(request, edition, form):
    return services.arrival_record(
        edition=edition,
        code=form.cleaned_data["code"],
        key=form.cleaned_data["key"],
        by=request.user,
        at=form.cleaned_data["at"],
    )


def _with_keys(registrations):
    """Each "check in" button of the name search gets its own idempotency key."""
    registrations = list(registrations)
    for registration in registrations:
        registration.key = uuid.uuid4()
    return registrations


@staff_with_permission
def checkin(request, year):
    edition = get_object_or_404(selectors.edition_queryset(), year=year)
    result = None
    code_form = CheckinCodeForm(request.POST or None, initial={"key": uuid.uuid4()})
    if request.method == "POST" and code_form.is_valid():
        result = _record(request, edition, code_form)
        # A fresh key for the next scan; the one just used stays recorded with its arrival.
        code_form = CheckinCodeForm(initial={"key": uuid.uuid4()})
    search_form = CheckinSearchForm(request.GET)
    query = search_form.cleaned_data["q"].strip() if search_form.is_valid() else ""
    context = {
        "edition": edition,
        "code_form": code_form,
        "search_form": search_form,
        "query": query,
        "found": _with_keys(selectors.checkin_search(edition=edition, query=query)) if query else None,
        **(_result_context(result) if result else {}),
    }
    return render(request, "forum/checkin.html", context, status=400 if code_form.errors else 200)


@require_POST
@staff_with_permission
def scan(request, year):
    """One scan as JSON (from the camera, or from the queue of scans made offline)."""
    edition = get_object_or_404(selectors.edition_queryset(), year=year)
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        data = None
    form = CheckinCodeForm(data if isinstance(data, dict) else None)
    if not form.is_valid():
        return JsonResponse({"outcome": "bad_request", "message": _("This scan could not be read.")}, status=400)
    result = _record(request, edition, form)
    html = render_to_string("forum/_checkin_result.html", _result_context(result), request=request)
    return JsonResponse({"outcome": result.outcome.value, "recorded": result.recorded, "html": html})
