from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mekendeshter.core import fragments, pagecache
from mekendeshter.core.countries import collation_key
from mekendeshter.core.lists import list_page
from mekendeshter.core.ratelimit import rate_limited

from . import selectors, services
from .forms import DIRECTORY_ENTRY_CONSENT, MEMBERS_EXPLAINED, EntryFilterForm, EntryForm

ASSOCIATIONS_PER_PAGE = 30
ENTRIES_PER_PAGE = 20


def _filtered_entries(request, selector, count, page_param="page", country_choices=None):
    if country_choices is None:
        country_choices = selectors.entry_countries()
    form = EntryFilterForm(request.GET or None, country_choices=country_choices)
    entries = list_page(
        request,
        lambda filters: selector(country=filters.get("country", ""), query=filters.get("q", "")),
        per_page=ENTRIES_PER_PAGE,
        form=form,
        page_param=page_param,
        count=lambda filters: count(country=filters.get("country", ""), query=filters.get("q", "")),
    )
    page = entries.page
    country = form.cleaned_data.get("country", "") if form.is_valid() else ""
    return {
        "filter_form": form,
        "entries_page": page,
        "entries": page.object_list,
        "entries_query": entries.query,
        "country": country,
    }


@require_GET
@rate_limited("directory")
def directory(request):
    # The lists are the same for everyone who asks with the same query string: kept as one
    # fragment per language and content version (every change to an entry or an association
    # bumps it), they cost one cache read instead of their queries, counts and templates. The
    # rate limit is counted above all the same: a kept list lifts no limit.
    lists = fragments.fragment(
        request,
        f"directory:{fragments.query_key(request)}",
        "diaspora/_directory_lists.html",
        lambda: _directory_lists(request),
    )
    return render(request, "diaspora/directory.html", {"lists": lists})


def _directory_lists(request):
    # Associations first (what visitors come for), filtered by the same country as the people.
    association_countries = selectors.association_countries()
    # One country filter for the page: the countries of associations and of people.
    choices = {row["code"]: row["name"] for row in association_countries} | dict(selectors.entry_countries())
    language = get_language()
    choices = sorted(choices.items(), key=lambda pair: collation_key(pair[1], language))
    context = _filtered_entries(
        request, selectors.entry_list, selectors.entry_list_count, page_param="people", country_choices=choices
    )
    country = context["country"]
    associations = list_page(
        request,
        lambda _filters: selectors.association_pages(association_countries=association_countries, country=country),
        per_page=ASSOCIATIONS_PER_PAGE,
    )
    return context | {
        "page": associations.page,
        "associations": associations.page.object_list,
        "association_countries": association_countries,
        # Pages of associations keep the people filter (the country filters both).
        "associations_query": context["entries_query"],
        "map_points": selectors.association_map_points(country=country),
        # What the site's context processor gives a page; a fragment is rendered without it.
        "map_tile_url": settings.MAP_TILE_URL,
    }


@require_GET
@rate_limited("directory")
def experts(request):
    # Kept as the directory's lists are (see directory above): the same roster for everyone who
    # asks with the same query string, one cache read instead of its queries and templates.
    expert_list = fragments.fragment(
        request,
        f"experts:{fragments.query_key(request)}",
        "diaspora/_expert_list.html",
        lambda: _filtered_entries(request, selectors.expert_list, selectors.expert_list_count),
    )
    return render(request, "diaspora/experts.html", {"expert_list": expert_list})


@require_GET
@rate_limited("directory")
def entry(request, slug):
    entry = get_object_or_404(selectors.entry_queryset(), slug=slug)
    pagecache.shows(request, "registrations")  # the forums the person took part in
    is_member = selectors.is_member(user=request.user)
    context = {
        "entry": entry,
        "contacts": entry.contacts_for(request.user, viewer_is_member=is_member),
        "is_member": is_member,
        "members_explained": MEMBERS_EXPLAINED,
        "forum_years": selectors.entry_forum_years(entry=entry),
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
def my_entry(request):
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
