from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mekendeshter.core import ratelimit

from . import selectors, services
from .forms import DIRECTORY_ENTRY_CONSENT, MEMBERS_EXPLAINED, EntryFilterForm, EntryForm

ASSOCIATIONS_PER_PAGE = 30
ENTRIES_PER_PAGE = 20


def rate_limited(view):
    """Directory pages count per client; past the limit they answer a translated 429 page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        limit, period = settings.DIRECTORY_RATE_LIMIT, settings.DIRECTORY_RATE_PERIOD
        if not ratelimit.allow(request, "directory", limit=limit, period=period):
            response = render(request, "diaspora/too_many_requests.html", status=429)
            response["Retry-After"] = str(period)
            return response
        return view(request, *args, **kwargs)

    return wrapper


def _filtered_entries(request, selector, page_param="page"):
    form = EntryFilterForm(request.GET or None, country_choices=selectors.entry_countries())
    filters = form.cleaned_data if form.is_valid() else {}
    country, query = filters.get("country", ""), filters.get("q", "")
    entries = selector(country=country, query=query)
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get(page_param))
    querystring = urlencode({key: value for key, value in (("q", query), ("country", country)) if value})
    return {"filter_form": form, "entries_page": page, "entries": page.object_list, "entries_query": querystring}


@require_GET
@rate_limited
def directory(request):
    associations = Paginator(selectors.association_list(), ASSOCIATIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": associations, "associations": associations.object_list}
    context |= _filtered_entries(request, selectors.entry_list, page_param="people")
    other = {key: request.GET[key] for key in ("q", "country") if request.GET.get(key)}
    context["associations_query"] = urlencode(other)
    context["map_points"] = [
        {"lat": float(item.latitude), "lng": float(item.longitude), "name": str(item.name)}
        for item in associations.object_list
        if item.latitude is not None and item.longitude is not None
    ]
    return render(request, "diaspora/directory.html", context)


@require_GET
@rate_limited
def experts(request):
    context = _filtered_entries(request, selectors.expert_list)
    return render(request, "diaspora/experts.html", context)


@require_GET
@rate_limited
def entry(request, slug):
    entry = selectors.entry_get(slug=slug)
    is_member = selectors.is_member(user=request.user)
    context = {
        "entry": entry,
        "contacts": entry.contacts_for(request.user, viewer_is_member=is_member),
        "is_member": is_member,
        "members_explained": MEMBERS_EXPLAINED,
    }
    response = render(request, "diaspora/entry_detail.html", context)
    if request.user.is_authenticated:
        # Members-only contacts: never kept by a shared cache and served to someone else.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def stats(request):
    return render(request, "diaspora/stats.html", selectors.entry_stats())


@login_required
def me(request):
    entry = selectors.entry_for_user(user=request.user)
    registration, initial = (None, {}) if entry else selectors.registration_prefill(user=request.user)
    action = request.POST.get("action", "save") if request.method == "POST" else None
    if entry and action in ("hide", "show"):
        services.entry_set_hidden(entry=entry, hidden=action == "hide")
        messages.success(request, _("Your entry is hidden.") if action == "hide" else _("Your entry is listed again."))
        return redirect("diaspora:me")
    if entry and action == "delete":
        services.entry_delete(user=request.user)
        messages.success(request, _("Your directory entry has been deleted."))
        return redirect("diaspora:me")
    form = EntryForm(request.POST if action == "save" else None, instance=entry, initial=initial)
    if action == "save" and form.is_valid():
        entry = services.entry_save(user=request.user, consent_text=str(DIRECTORY_ENTRY_CONSENT), **form.details)
        messages.success(request, _("Your directory entry has been saved."))
        return redirect("diaspora:me")
    context = {"form": form, "entry": entry, "registration": registration, "members_explained": MEMBERS_EXPLAINED}
    return render(request, "diaspora/entry_form.html", context)
