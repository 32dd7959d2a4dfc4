import datetime
import uuid
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mekendeshter.core.emails import normalise_email
from mekendeshter.core.images import encode_image, open_image, save_thumbnails
from mekendeshter.core.validators import compact_phone

from . import signals, tickets
from .models import (
    Arrival,
    ContactRequest,
    Edition,
    Item,
    OutcomeDocument,
    Photo,
    ProgressUpdate,
    Proposal,
    ProposalSupport,
    Registration,
    Ticket,
)
from .tasks import send_contact_request, send_registration_email


@transaction.atomic
def contact_request_create(*, name, email, phone="", edition=None, message, language):
    contact_request = ContactRequest(
        name=name,
        email=normalise_email(email),
        phone=compact_phone(phone),
        edition=edition,
        message=message,
        language=language,
    )
    contact_request.full_clean()
    contact_request.save()
    transaction.on_commit(lambda: send_contact_request.delay(contact_request.pk))
    return contact_request


def contact_request_mark_handled(*, queryset, handled=True):
    return queryset.update(handled_at=timezone.now() if handled else None)


def photo_create(*, album, upload, caption=None):
    """Store an uploaded photo re-encoded as WebP with its thumbnails; `upload` is validated here."""
    image = open_image(upload)
    photo = Photo(album=album, order=album.photos.count())
    for lang, text in (caption or {}).items():
        setattr(photo, f"caption_{lang}", text)
    stem = uuid.uuid4().hex
    photo.image.save(f"{stem}.webp", encode_image(image, max_width=2560, name=f"{stem}.webp"), save=False)
    try:
        widths = [width for width in Photo.THUMBNAIL_WIDTHS if image.width > width]
        for width, name in save_thumbnails(photo.image.storage, photo.image.name, image, widths).items():
            setattr(photo, f"thumb_{width}", name)
        photo.full_clean()
        with transaction.atomic():
            photo.save()
    except Exception:
        _delete_files(photo)
        raise
    return photo


@transaction.atomic
def photo_delete(*, photo):
    """Delete a photo; its original and thumbnails leave storage once that is committed."""
    photo.delete()


@transaction.atomic
def album_delete(*, album):
    """Delete an album with its photos; their files leave storage once that is committed."""
    album.delete()


def _delete_files(photo):
    for name in photo.file_names():
        photo.image.storage.delete(name)


@transaction.atomic
def section_items_save(*, section, items, deleted=()):
    """Save a section's edited items and number them 1, 2, 3… in the order staff arranged them."""
    for item in deleted:
        item.delete()
    # Unique numbers per section: new items first take numbers above the existing ones.
    top = section.items.aggregate(top=Max("number"))["top"] or 0
    for offset, item in enumerate((item for item in items if item.pk is None), start=1):
        item.number = top + offset
    for item in items:
        item.section = section
        item.save()
    section_renumber(section=section)


@transaction.atomic
def section_renumber(*, section):
    items = list(section.items.order_by("order", "number", "pk"))
    # Move every number out of the way first, so that no two items ever share one.
    shift = max([len(items), *(item.number for item in items)]) + 1
    Item.objects.filter(section=section).update(number=F("number") + shift)
    for position, item in enumerate(items, start=1):
        item.number = item.order = position
    Item.objects.bulk_update(items, ["number", "order"])


# --- Registrations --------------------------------------------------------------------------


class RegistrationClosed(Exception):
    pass


def _lock_edition(edition):
    """Serialise the seat decisions of one edition: concurrent registrations wait on this row lock."""
    return Edition.objects.select_for_update().get(pk=edition.pk)


def _status_for_new(edition):
    if edition.capacity is None:
        return Registration.Status.PENDING
    confirmed = Registration.objects.filter(edition=edition).confirmed().count()
    return Registration.Status.CONFIRMED if confirmed < edition.capacity else Registration.Status.WAITLISTED


def _sync_ticket(registration):
    """A confirmed registration holds exactly one valid ticket; any other status holds none.

    Called by every service that changes a status (no signal, so the flow stays visible); a
    confirmation after a cancellation or the waiting list issues a new ticket with a new code."""
    valid = Ticket.objects.filter(registration=registration).valid()
    # An imported person has no account to show a ticket to (and the edition is past).
    if registration.status == Registration.Status.CONFIRMED and registration.user_id is not None:
        if not valid.exists():
            Ticket.objects.create(registration=registration, token=tickets.new_token())
    else:
        valid.update(invalidated_at=timezone.now())


def _notify(registration, kind):
    if registration.user_id is None:
        return  # imported from an organizers' list: never mailed by the site
    transaction.on_commit(lambda: send_registration_email.delay(registration.pk, kind))


def _clean_details(details):
    if "phone" in details:
        details["phone"] = compact_phone(details["phone"])
    if not details.get("needs_transfer"):
        details.update(arrival_date=None, arrival_time=None, flight="")
    if not details.get("needs_accommodation"):
        details.update(check_in=None, check_out=None)
    return details


@transaction.atomic
def registration_create(*, user, edition, language, directory_consent_text="", email_unconfirmed=False, **details):
    """Register `user` for `edition`: confirmed while places are left, else waitlisted; the emails
    about it are written in `language`.

    With `email_unconfirmed` (the account was opened with this registration) the registration waits,
    holding no place and sending nothing, until `registration_email_confirmed`.
    Submitting twice returns the existing registration; a cancelled one is renewed.
    """
    edition = _lock_edition(edition)
    if not edition.registration_is_open():
        raise RegistrationClosed
    registration = Registration.objects.filter(user=user, edition=edition).first()
    if registration and registration.is_active:
        return registration
    now = timezone.now()
    registration = registration or Registration(user=user, edition=edition)
    for field, value in _clean_details(
        {key: details[key] for key in Registration.DETAIL_FIELDS if key in details}
    ).items():
        setattr(registration, field, value)
    registration.language = language
    registration.privacy_consent_at = now
    registration.directory_consent_at = now if directory_consent_text else None
    registration.directory_consent_text = directory_consent_text
    registration.status = Registration.Status.UNCONFIRMED if email_unconfirmed else _status_for_new(edition)
    registration.confirmed_at = now if registration.status == Registration.Status.CONFIRMED else None
    registration.cancelled_at = None
    registration.full_clean()
    registration.save()
    _sync_ticket(registration)
    if not email_unconfirmed:
        _notify(registration, registration.status)
    return registration


@transaction.atomic
def registration_email_confirmed(*, user):
    """The person confirmed the email of the account they opened while registering: each waiting
    registration takes a place (or joins the waiting list) in the order people confirm, and its
    email goes out. Registration may have closed since: they asked in time, so it still counts."""
    activated = []
    for registration in Registration.objects.filter(user=user, status=Registration.Status.UNCONFIRMED):
        _lock_edition(registration.edition)
        registration.status = _status_for_new(registration.edition)
        registration.confirmed_at = timezone.now() if registration.status == Registration.Status.CONFIRMED else None
        registration.save(update_fields=["status", "confirmed_at", "updated_at"])
        _notify(registration, registration.status)
        activated.append(registration)
    return activated


@transaction.atomic
def registration_update(*, registration, language=None, directory_consent_text=None, **details):
    """The registrant edits their details while registration is open (and, with `language`, the
    language of their emails)."""
    if not registration.edition.registration_is_open() or not registration.is_active:
        raise RegistrationClosed
    if language is not None:
        registration.language = language
    for field, value in _clean_details(
        {key: details[key] for key in Registration.DETAIL_FIELDS if key in details}
    ).items():
        setattr(registration, field, value)
    if directory_consent_text is not None:
        if directory_consent_text and not registration.directory_consent_at:
            registration.directory_consent_at = timezone.now()
            registration.directory_consent_text = directory_consent_text
        elif not directory_consent_text:
            registration.directory_consent_at = None
            registration.directory_consent_text = ""
    registration.full_clean()
    registration.save()
    return registration


def _promote_waitlisted(edition, *, passing_over=None):
    """Fill free places from the waiting list, first come first served (edition row locked).
    `passing_over` is someone staff have just put on the waiting list: the place they free is not
    theirs again."""
    if edition.capacity is None:
        return []
    free = edition.capacity - Registration.objects.filter(edition=edition).confirmed().count()
    promoted = []
    if free > 0:
        waiting = Registration.objects.filter(edition=edition).waitlisted()
        if passing_over is not None:
            waiting = waiting.exclude(pk=passing_over.pk)
        for registration in waiting.order_by("created_at", "pk")[:free]:
            registration.status = Registration.Status.CONFIRMED
            registration.confirmed_at = timezone.now()
            registration.save(update_fields=["status", "confirmed_at", "updated_at"])
            _sync_ticket(registration)
            _notify(registration, "promoted")
            promoted.append(registration)
    return promoted


@transaction.atomic
def registration_fill_places(*, edition):
    """After staff raise the capacity: promote from the waiting list into the new places."""
    return _promote_waitlisted(_lock_edition(edition))


@transaction.atomic
def edition_save(*, edition):
    """Save staff's edits to an edition. When its capacity changed, places it now has free go to
    the waiting list at once, first come first served; returns the registrations promoted."""
    created = edition.pk is None
    # The row lock also holds back registrations until the new capacity is saved.
    previous = None if created else _lock_edition(edition).capacity
    edition.full_clean()
    edition.save()
    if created or edition.capacity == previous:
        return []
    return _promote_waitlisted(edition)


def registration_language_update(*, user, language):
    """The person chose another language for their emails: the registrations still running follow."""
    return Registration.objects.filter(user=user).active().update(language=language)


@transaction.atomic
def registration_cancel(*, registration, notify=True):
    """Cancel a registration; a freed place goes to the first person on the waiting list."""
    edition = _lock_edition(registration.edition)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not registration.is_active:
        return registration
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    _sync_ticket(registration)
    if notify:
        _notify(registration, "cancelled")
    _promote_waitlisted(edition)
    return registration


@transaction.atomic
def registration_set_status(*, registration, status):
    """Staff change a registration's status (admin actions); the registrant is told."""
    edition = _lock_edition(registration.edition)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == status:
        return registration
    was_confirmed = registration.status == Registration.Status.CONFIRMED
    registration.status = status
    now = timezone.now()
    if status == Registration.Status.CONFIRMED:
        registration.confirmed_at = now
    if status == Registration.Status.CANCELLED:
        registration.cancelled_at = now
    registration.full_clean()
    registration.save()
    _sync_ticket(registration)
    _notify(registration, status)
    if was_confirmed:
        _promote_waitlisted(edition, passing_over=registration)
    return registration


# --- Proposals to the outcome document ------------------------------------------------------


class ProposalsClosed(Exception):
    pass


@transaction.atomic
def proposal_create(*, author, document, item=None, section=None, text, reason, language):
    # The document's row, read again and locked: staff may have closed it since the page was shown.
    if not OutcomeDocument.objects.open_for_proposals().select_for_update().filter(pk=document.pk).exists():
        raise ProposalsClosed
    proposal = Proposal(
        document=document,
        section=item.section if item else section,
        item=item,
        kind=Proposal.Kind.AMENDMENT if item else Proposal.Kind.NEW_ITEM,
        author=author,
        text=text,
        reason=reason,
        language=language,
    )
    proposal.full_clean()
    if proposal.section.document_id != document.pk:
        raise ValueError("The section is not in this document.")
    proposal.save()
    return proposal


class ProposalNotSupportable(Exception):
    pass


@transaction.atomic
def proposal_support(*, proposal, user):
    """Support a proposal once; supporting again changes nothing. Returns whether it was new."""
    if not proposal.is_supportable:
        raise ProposalNotSupportable
    if proposal.author_id == user.pk:
        return False
    _support, created = ProposalSupport.objects.get_or_create(proposal=proposal, user=user)
    return created


@transaction.atomic
def proposal_answer(*, proposal, status, answer=None, merged_into=None, **translated_answers):
    """Staff moderation: accept, reject or merge, with an official answer shown publicly."""
    proposal.status = status
    proposal.merged_into = merged_into if status == Proposal.Status.MERGED else None
    if answer is not None:
        proposal.answer = answer
    for field, value in translated_answers.items():
        setattr(proposal, field, value)
    proposal.answered_at = timezone.now()
    proposal.full_clean()
    proposal.save()
    return proposal


# --- Check-in at the venue ------------------------------------------------------------------


class CheckinOutcome(StrEnum):
    RECORDED = "recorded"
    ALREADY = "already"
    FORGED = "forged"
    UNKNOWN = "unknown"
    INVALID = "invalid"
    OTHER_EDITION = "other_edition"


@dataclass
class CheckinResult:
    outcome: CheckinOutcome
    registration: Registration | None = None
    arrival: Arrival | None = None
    ticket_edition: Edition | None = None

    @property
    def recorded(self):
        return self.outcome == CheckinOutcome.RECORDED


# A scan queued on a phone without network is sent later with the time it was made; a time further
# back than this (or in the future) is not believed, and the time of sending is used instead.
OFFLINE_SCAN_MAX_AGE = datetime.timedelta(hours=36)


def _scan_time(at):
    now = timezone.now()
    if at is None or at > now + datetime.timedelta(minutes=5) or at < now - OFFLINE_SCAN_MAX_AGE:
        return now
    return min(at, now)


def arrival_record(*, edition, code, key, by, at=None):
    """Check a person in at `edition` from a scanned or typed ticket code, once per day.

    `key` (a UUID made by the page for each scan) makes the call idempotent: sent again, it
    answers as the first time and records nothing more. Anything but a valid ticket of this
    edition records nothing and says why."""
    earlier = Arrival.objects.select_related("registration").filter(key=key).first()
    if earlier:
        return CheckinResult(CheckinOutcome.RECORDED, registration=earlier.registration, arrival=earlier)
    try:
        token = tickets.token_from_code(code)
    except tickets.ForgedCode:
        return CheckinResult(CheckinOutcome.FORGED)
    ticket = Ticket.objects.select_related("registration__edition").filter(token=token).first()
    if ticket is None:
        return CheckinResult(CheckinOutcome.UNKNOWN)
    registration = ticket.registration
    if registration.edition_id != edition.pk:
        return CheckinResult(CheckinOutcome.OTHER_EDITION, registration=None, ticket_edition=registration.edition)
    if not ticket.is_valid or registration.status != Registration.Status.CONFIRMED:
        return CheckinResult(CheckinOutcome.INVALID, registration=registration)
    arrived_at = _scan_time(at)
    day = timezone.localdate(arrived_at)
    existing = Arrival.objects.filter(registration=registration, day=day).first()
    if existing:
        return CheckinResult(CheckinOutcome.ALREADY, registration=registration, arrival=existing)
    arrival = Arrival(
        registration=registration, ticket=ticket, day=day, arrived_at=arrived_at, checked_in_by=by, key=key
    )
    try:
        # Its own savepoint: a concurrent scan of the same ticket (or a resent key) loses the race
        # on the unique constraints and gets the other scan's answer instead of an error.
        with transaction.atomic():
            arrival.full_clean(validate_unique=False, validate_constraints=False)
            arrival.save()
    except IntegrityError:
        earlier = Arrival.objects.select_related("registration").filter(key=key).first()
        if earlier:
            return CheckinResult(CheckinOutcome.RECORDED, registration=earlier.registration, arrival=earlier)
        existing = Arrival.objects.get(registration=registration, day=day)
        return CheckinResult(CheckinOutcome.ALREADY, registration=registration, arrival=existing)
    return CheckinResult(CheckinOutcome.RECORDED, registration=registration, arrival=arrival)


# --- Progress on the recommendations ------------------------------------------------------------


@transaction.atomic
def progress_update_save(*, update):
    """Save a progress update (staff, in the admin). Only items of a final document are tracked.
    The first publication stamps `published_at` and, once committed, sends
    `progress_update_published` (the subscribers' letter); publishing again after unpublishing
    does not mail twice, and two people saving at once send one letter (the row is locked)."""
    stored = None
    if update.pk:
        stored = ProgressUpdate.objects.select_for_update().filter(pk=update.pk).values("item", "published_at").first()
    if stored:
        update.published_at = stored["published_at"]
    # A new update, or one moved to another item, needs a final document; one whose document was
    # reopened since stays editable (to unpublish it, for one).
    moved = stored is None or stored["item"] != update.item_id
    if moved and not Item.objects.tracked().filter(pk=update.item_id).exists():
        raise ValidationError({"item": _("Progress is tracked for the items of a final outcome document only.")})
    first_publication = update.is_published and update.published_at is None
    if first_publication:
        update.published_at = timezone.now()
    update.full_clean()
    update.save()
    if first_publication:
        # Robust: the update is saved whatever becomes of its letter (a failure is logged).
        transaction.on_commit(
            lambda: signals.progress_update_published.send(sender=ProgressUpdate, update_id=update.pk), robust=True
        )
    return update
