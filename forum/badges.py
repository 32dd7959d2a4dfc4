"""Badges as a PDF (WeasyPrint): one registrant per badge, in the order staff chose them.

The name as the registrant wrote it, with a Latin transliteration under it when it is written in
Cyrillic; country, role and the ticket's QR code. DejaVu Sans (Debian's fonts-dejavu-core) carries
the Kyrgyz letters ң, ө, ү, and WeasyPrint embeds the glyphs used.
"""

from django.template.loader import render_to_string
from django.utils import translation

from mekendeshter.core.translit import to_latin

from . import tickets
from .models import Ticket


def _latin(text):
    latin = " ".join(word.capitalize() for word in to_latin(text).split())
    return "" if latin.lower() == text.lower() else latin


def badges_pdf(registrations, *, layout="a6", language="ru"):
    """`registrations` in the order to print; A6 pages, or A4 sheets of four A6 badges to cut."""
    registrations = list(registrations)
    valid = {
        ticket.registration_id: ticket.token
        for ticket in Ticket.objects.valid().filter(registration__in=[r.pk for r in registrations])
    }
    badges = []
    with translation.override(language):
        for registration in registrations:
            name = f"{registration.first_name} {registration.last_name}"
            token = valid.get(registration.pk)
            badges.append(
                {
                    "name": name,
                    "latin": _latin(name),
                    "country": str(registration.country.name),
                    "role": registration.get_role_display(),
                    "qr": tickets.qr_svg(token) if token else "",
                }
            )
        html = render_to_string("forum/badges.html", {"badges": badges, "layout": layout})
    from weasyprint import HTML  # noqa: PLC0415 - loads Pango on import; only this action needs it

    return HTML(string=html).write_pdf()
