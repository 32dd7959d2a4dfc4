from allauth.account.internal.flows.signup import complete_signup
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mekendeshter.core import fragments, pagecache, ratelimit
from mekendeshter.core.charts import bar_chart
from mekendeshter.core.countries import SMALL_COUNT_MINIMUM
from mekendeshter.core.offline import keep_offline
from news import selectors as news_selectors

from . import selectors, services
from .calendar import edition_calendar
from .forms import AccountForm, ContactForm, ProposalForm, RegistrationForm
from .models import Page
from .venue_plan import venue_plan


def edition_list(request):
    pagecache.content_version(request)  # before the rows are read (mekendeshter.core.fragments)
    # The editions, their summaries and figures are the same for every visitor: rendered once per
    # language and content version.
    editions = fragments.fragment(
        request, "edition-list", "forum/_edition_list.html", lambda: {"editions": selectors.edition_list()}
    )
    return render(request, "forum/edition_list.html", {"editions": editions})


EDITION_ARTICLES = 5
EDITION_PHOTOS = 4


def edition_detail(request, year):
    pagecache.content_version(request)  # before the rows are read (mekendeshter.core.fragments)
    edition = selectors.edition_for_page(year=year)
    if edition is None:
        raise Http404

    def neighbours():
        previous, following = selectors.edition_neighbours(edition=edition)
        return {"previous_edition": previous, "next_edition": following}

    def body():
        photos = list(selectors.photo_preview(edition=edition)[:EDITION_PHOTOS])
        return {
            "edition": edition,
            "partners": selectors.partnership_list(edition=edition),
            "has_outcome": selectors.outcome_exists(edition=edition),
            "has_photos": bool(photos),
            "photos": photos,
            "articles": news_selectors.article_list().filter(edition=edition)[:EDITION_ARTICLES],
        }

    context = {
        "edition": edition,
        # The summary, links, text, figures, photos, partners and news of the edition are the same
        # for every visitor: rendered once per language and content version.
        "body": fragments.fragment(request, f"edition-body:{edition.pk}", "forum/_edition_body.html", body),
        "neighbours": fragments.fragment(request, f"edition-nav:{edition.pk}", "forum/_edition_nav.html", neighbours),
    }
    return render(request, "forum/edition_detail.html", context)


def _current_kept_offline(request, edition, response):
    """The current edition's programme, venue and outcome document stay readable on a phone offline
    (mekendeshter.core.offline); those of past editions are not worth a visitor's storage."""
    current = selectors.edition_current()
    if current is not None and current.pk == edition.pk:
        keep_offline(request, response)
    return response


def _subpage_edition(year):
    edition = selectors.edition_for_subpage(year=year)
    if edition is None:
        raise Http404
    return edition


def programme(request, year):
    pagecache.content_version(request)  # before the rows are read (mekendeshter.core.fragments)
    edition = _subpage_edition(year)
    # The sessions and speakers are the same for every visitor: rendered once per language and
    # content version.
    sessions = fragments.fragment(
        request,
        f"programme-sessions:{edition.pk}",
        "forum/_programme_sessions.html",
        lambda: {"sessions": selectors.session_list(edition=edition)},
    )
    response = render(request, "forum/programme.html", {"edition": edition, "sessions": sessions})
    return _current_kept_offline(request, edition, response)


def photos(request, year):
    edition = get_object_or_404(selectors.edition_queryset(), year=year)
    return render(request, "forum/photos.html", {"edition": edition, "albums": selectors.album_list(edition=edition)})


def photo(request, year, pk):
    photo = get_object_or_404(selectors.photo_queryset(), pk=pk, album__edition__year=year)
    previous, following = selectors.photo_neighbours(photo=photo)
    context = {"edition": photo.album.edition, "photo": photo, "previous_photo": previous, "next_photo": following}
    return render(request, "forum/photo.html", context)


def venue(request, year):
    pagecache.content_version(request)  # before the rows are read (mekendeshter.core.fragments)
    edition = _subpage_edition(year)

    def body():
        hotels = list(selectors.hotel_list(venue=edition.venue))
        return {
            "venue": edition.venue,
            "hotels": hotels,
            "plan": venue_plan(edition.venue, hotels),
            # What the site's context processor gives a page; a fragment is rendered without it.
            "map_tile_url": settings.MAP_TILE_URL,
        }

    # The venue, its plan and the hotels are the same for every visitor: rendered once per
    # language and content version.
    context = {
        "edition": edition,
        "venue": edition.venue,
        "body": fragments.fragment(request, f"venue-body:{edition.pk}", "forum/_venue_body.html", body),
    }
    return _current_kept_offline(request, edition, render(request, "forum/venue.html", context))


def outcome(request, year):
    pagecache.content_version(request)  # before the rows are read (mekendeshter.core.fragments)
    document = selectors.outcome_for_year(year=year)
    if document is None:
        raise Http404
    context = {"document": document, "edition": document.edition}
    # The sections are the same for every visitor: rendered once per language and content version.
    sections = fragments.fragment(
        request,
        f"outcome-sections:{document.pk}",
        "forum/_outcome_sections.html",
        lambda: context | {"sections": selectors.outcome_sections(document=document)},
    )
    response = render(request, "forum/outcome_document.html", context | {"sections": sections})
    return _current_kept_offline(request, document.edition, response)


def progress(request, year):
    """What has become of each numbered item of a final outcome document: counts by current
    status, a timeline of updates, and each item's history."""
    document = get_object_or_404(selectors.progress_document_queryset(), edition__year=year)
    overview = selectors.progress_overview(
        document=document, published_article_ids=news_selectors.article_published_ids
    )
    context = {"document": document, "edition": document.edition, **overview}
    return render(request, "forum/progress.html", context)


def contact(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.form_allowed(request, "contact", form):
            return ratelimit.limited(render(request, "forum/contact.html", {"form": form}), "contact")
        if form.is_valid():
            # Bots that fill in the hidden field see the same thanks, and nothing is stored.
            if not form.is_spam:
                services.contact_request_create(**form.submitted_data, language=get_language())
            return redirect("contact_thanks")
    return render(request, "forum/contact.html", {"form": form})


def privacy(request):
    page = get_object_or_404(selectors.page_queryset(), slug=Page.PRIVACY)
    return render(request, "forum/page.html", {"page": page})


def contact_thanks(request):
    return render(request, "forum/contact_thanks.html")


def calendar_ics(request, year):
    edition = get_object_or_404(selectors.edition_queryset(), year=year)
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


# --- Registration ---------------------------------------------------------------------------


def register(request, year):
    edition = get_object_or_404(selectors.registration_edition_queryset(), year=year)
    if not request.user.is_authenticated:
        return _register_with_account(request, edition)
    registration = selectors.registration_for_user(user=request.user, edition=edition)
    is_open = edition.registration_is_open()
    active = registration if registration and registration.is_active else None
    form, over_limit = None, False
    if is_open:
        form = RegistrationForm(request.POST or None, instance=active or registration)
        if request.method == "POST":
            over_limit = not ratelimit.form_allowed(request, "register", form)
            if not over_limit and form.is_valid():
                try:
                    if active:
                        services.registration_update(registration=active, language=get_language(), **form.details)
                        messages.success(request, _("Your registration has been updated."))
                    else:
                        services.registration_create(
                            user=request.user, edition=edition, language=get_language(), **form.details
                        )
                        messages.success(request, _("You are registered. We have sent you an email."))
                except services.RegistrationClosed:
                    messages.error(request, _("Registration for this forum is closed."))
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    return redirect("forum:register", year=edition.year)
    elif request.method == "POST":
        messages.error(request, _("Registration for this forum is closed."))
        return redirect("forum:register", year=edition.year)
    context = {"edition": edition, "registration": active, "form": form, "is_open": is_open}
    response = render(request, "forum/register.html", context, status=400 if form is not None and form.errors else 200)
    return ratelimit.limited(response, "register") if over_limit else response


def _register_with_account(request, edition):
    """A person without an account registers and opens the account on the same page. The
    registration waits for the email to be confirmed; confirming signs them in and brings them back
    here (allauth's sign-up flow, with this page as its destination)."""
    is_open = edition.registration_is_open()
    form = account_form = None
    over_limit = False
    if is_open:
        form = RegistrationForm(request.POST or None)
        account_form = AccountForm(request.POST or None)
        if request.method == "POST":
            over_limit = not ratelimit.form_allowed(request, "register", form)
            if not over_limit and all([form.is_valid(), account_form.is_valid()]):
                try:
                    with transaction.atomic():
                        # An address that already has an account: allauth writes to its owner and
                        # shows the same "check your email" page, so nobody learns who has one.
                        user, response = account_form.try_save(request)
                        if user is None:
                            return response
                        services.registration_create(
                            user=user, edition=edition, language=get_language(), email_unconfirmed=True, **form.details
                        )
                except services.RegistrationClosed:
                    messages.error(request, _("Registration for this forum is closed."))
                    return redirect("forum:register", year=edition.year)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    return complete_signup(request, user=user, redirect_url=edition_register_url(edition))
    elif request.method == "POST":
        messages.error(request, _("Registration for this forum is closed."))
        return redirect("forum:register", year=edition.year)
    context = {"edition": edition, "form": form, "account_form": account_form, "is_open": is_open}
    has_errors = form is not None and (form.errors or account_form.errors)
    response = render(request, "forum/register.html", context, status=400 if has_errors else 200)
    return ratelimit.limited(response, "register") if over_limit else response


def edition_register_url(edition):
    return reverse("forum:register", kwargs={"year": edition.year})


@login_required
@require_POST
def register_cancel(request, year):
    edition = get_object_or_404(selectors.registration_edition_queryset(), year=year)
    registration = selectors.registration_for_user(user=request.user, edition=edition)
    if registration is None:
        raise Http404("No registration.")
    if registration.is_active:
        services.registration_cancel(registration=registration)
        messages.success(request, _("Your registration has been cancelled."))
    return redirect("forum:register", year=edition.year)


def registration_stats(request, year):
    edition = get_object_or_404(selectors.edition_queryset(), year=year)
    # The counts change with every registration, which makes no kept page stale: never kept.
    pagecache.not_shared(request)
    rows, other = selectors.registration_stats(edition=edition)
    context = {"edition": edition, "rows": rows, "other": other, "minimum": SMALL_COUNT_MINIMUM}
    return render(request, "forum/registration_stats.html", context)


def _bar(cell, minimum):
    """A bar of the statistics page's charts: none, only the words, for a number not shown."""
    if cell["exact"]:
        return {"value": cell["count"], "text": number_format(cell["count"])}
    return {"value": 0, "text": _("fewer than %(minimum)s") % {"minimum": minimum}}


def statistics(request):
    """Editions compared: participants, countries and organisations, and participants by country,
    as charts with the same numbers in tables."""
    pagecache.shows(request, "registrations")  # participants: registrations and arrivals
    comparison = selectors.edition_comparison()
    editions, minimum = comparison["editions"], comparison["minimum"]
    years = [str(summary["edition"].year) for summary in editions]
    totals = [
        {"label": year, "values": [_bar({"count": summary["participants"], "exact": True}, minimum)]}
        for year, summary in zip(years, editions, strict=True)
    ]
    by_country = [
        {"label": str(row["country"]), "values": [_bar(cell, minimum) for cell in row["cells"]]}
        for row in comparison["rows"]
    ]
    if comparison["other"]:
        other = [_bar(cell, minimum) for cell in comparison["other"]]
        by_country.append({"label": _("Other countries"), "values": other})
    context = {
        **comparison,
        "totals_chart": bar_chart(totals),
        "countries_chart": bar_chart(by_country, series=years),
    }
    return render(request, "forum/statistics.html", context)


# --- Proposals to the outcome document ------------------------------------------------------


@login_required
def propose(request, year):
    document = get_object_or_404(selectors.outcome_open_queryset(), edition__year=year)
    initial = {"target": request.GET.get("target")} if request.GET.get("target") else None
    form = ProposalForm(request.POST or None, document=document, initial=initial)
    over_limit = request.method == "POST" and not ratelimit.form_allowed(request, "propose", form)
    if request.method == "POST" and not over_limit and form.is_valid():
        proposal = services.proposal_create(
            author=request.user,
            document=document,
            text=form.cleaned_data["text"],
            reason=form.cleaned_data["reason"],
            language=get_language(),
            **form.target_kwargs,
        )
        messages.success(request, _("Thank you. Your proposal has been sent to the organizing committee."))
        return redirect(proposal.get_absolute_url())
    context = {"document": document, "edition": document.edition, "form": form}
    response = render(request, "forum/propose.html", context, status=400 if form.errors else 200)
    return ratelimit.limited(response, "propose") if over_limit else response


def proposal_detail(request, year, pk):
    queryset = selectors.proposal_queryset().visible_to(request.user)
    proposal = get_object_or_404(queryset, pk=pk, document__edition__year=year)
    supported = selectors.proposal_supported_ids(user=request.user, proposals=[proposal])
    context = {"proposal": proposal, "edition": proposal.document.edition, "supported": supported}
    return render(request, "forum/proposal_detail.html", context)


@login_required
@require_POST
def proposal_support(request, year, pk):
    # Only a proposal with an official answer can be opened here (not even the author's under
    # review); of those, only accepted ones can be supported (the service says which).
    proposal = get_object_or_404(selectors.proposal_queryset().public(), pk=pk, document__edition__year=year)
    try:
        if services.proposal_support(proposal=proposal, user=request.user):
            messages.success(request, _("Thank you for your support."))
    except services.ProposalNotSupportable:
        messages.error(request, _("This proposal cannot be supported: the organizing committee has not accepted it."))
    return redirect(proposal.get_absolute_url())
