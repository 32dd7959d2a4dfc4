from urllib.parse import urlsplit

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mekendeshter.core import letters
from mekendeshter.core.letters import absolute_url

from . import tickets
from .calendar import edition_calendar
from .models import ContactRequest, Registration, Ticket


# These tasks compose a letter (retried if the database is briefly out of reach); the mail task
# sends it (mekendeshter.core.letters), so a mail failure never fails the action that asked for it.
@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_contact_request(contact_request_id):
    """Forward a contact request to the organizing committee, who answer the sender directly."""
    contact_request = ContactRequest.objects.select_related("edition").get(pk=contact_request_id)
    # The committee reads Kyrgyz and Russian; the message itself stays in the sender's words.
    with translation.override("ru"):
        subject = render_to_string("forum/email/contact_request_subject.txt", {"request": contact_request})
        body = render_to_string("forum/email/contact_request.txt", {"request": contact_request})
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[settings.ORGANIZERS_EMAIL],
        reply_to=[contact_request.email],
    )
    letters.letter_send(message=message)


REGISTRATION_EMAILS = ("pending", "confirmed", "waitlisted", "promoted", "cancelled")


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_registration_email(registration_id, kind):
    """Tell a registrant what happened to their registration, in their language, with the .ics."""
    registration = Registration.objects.select_related("edition__venue", "user").get(pk=registration_id)
    if kind not in REGISTRATION_EMAILS or registration.user is None or not registration.user.email:
        return
    edition = registration.edition
    path_kwargs = {"year": edition.year}
    # The ticket valid now (read when the letter is written: a cancellation since leaves none).
    ticket = (
        Ticket.objects.filter(registration=registration).valid().first() if kind in ("confirmed", "promoted") else None
    )
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "edition": edition,
            "kind": kind,
            "url": absolute_url(reverse("forum:register", kwargs=path_kwargs)),
            "edition_url": absolute_url(edition.get_absolute_url()),
            "organizers_email": settings.ORGANIZERS_EMAIL,
            "ticket_url": absolute_url(reverse("ticket", kwargs=path_kwargs)) if ticket else "",
            "ticket_code": tickets.grouped(ticket.token) if ticket else "",
        }
        subject = render_to_string("forum/email/registration_subject.txt", context)
        body = render_to_string("forum/email/registration.txt", context)
        message = EmailMessage(subject=" ".join(subject.split()), body=body, to=[registration.user.email])
        if kind != "cancelled" and edition.date_precision == edition.DatePrecision.DAY:
            calendar = edition_calendar(
                edition,
                edition.sessions.all(),
                url=context["edition_url"],
                host=urlsplit(settings.SITE_URL).hostname,
            )
            message.attach(f"mekendeshter-{edition.year}.ics", calendar, "text/calendar")
        if ticket:
            message.attach(f"mekendeshter-{edition.year}-ticket.png", tickets.qr_png(ticket.token), "image/png")
    letters.letter_send(message=message)
