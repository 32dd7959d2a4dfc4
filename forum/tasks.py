from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .models import ContactRequest


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_contact_request(contact_request_id):
    """Forward a contact request to the organizing committee, who answer the sender directly."""
    contact_request = ContactRequest.objects.select_related("edition").get(pk=contact_request_id)
    # The committee reads Kyrgyz and Russian; the message itself stays in the sender's words.
    with translation.override("ru"):
        subject = render_to_string("forum/email/contact_request_subject.txt", {"request": contact_request})
        body = render_to_string("forum/email/contact_request.txt", {"request": contact_request})
    EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[settings.ORGANIZERS_EMAIL],
        reply_to=[contact_request.email],
    ).send()
