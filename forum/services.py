from django.db import transaction
from django.utils import timezone

from .models import ContactRequest
from .tasks import send_contact_request


@transaction.atomic
def contact_request_create(*, name, email, phone="", edition=None, message, language):
    contact_request = ContactRequest(
        name=name, email=email, phone=phone, edition=edition, message=message, language=language
    )
    contact_request.full_clean()
    contact_request.save()
    transaction.on_commit(lambda: send_contact_request.delay(contact_request.pk))
    return contact_request


def contact_request_mark_handled(*, queryset, handled=True):
    return queryset.update(handled_at=timezone.now() if handled else None)
