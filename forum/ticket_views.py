"""The signed-in person's e-ticket for an edition (`/<lang>/me/tickets/<year>/`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from mekendeshter.core.offline import keep_offline

from . import selectors, tickets


@login_required
def ticket(request, year):
    # Only the owner's valid ticket: anyone else, or a cancelled registration, gets a 404.
    ticket = get_object_or_404(selectors.ticket_list_for_user(user=request.user), registration__edition__year=year)
    edition = ticket.registration.edition
    context = {
        "ticket": ticket,
        "registration": ticket.registration,
        "edition": edition,
        "code": tickets.grouped(ticket.token),
        "qr": tickets.qr_svg(ticket.token, title=_("Ticket QR code")),
    }
    response = render(request, "forum/ticket.html", context)
    # Personal: never kept by a shared cache.
    patch_cache_control(response, private=True, no_store=True)
    # ...but the owner's own phone keeps it for the venue, in the worker's personal cache that
    # signing out empties.
    return keep_offline(request, response)
