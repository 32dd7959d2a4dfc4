import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from mekendeshter.core import pagecache
from mekendeshter.core.cache import invalidate
from mekendeshter.core.emails import normalise_email
from mekendeshter.core.translit import to_latin

from .models import DirectoryEntry, Profile
from .selectors import DIRECTORY_DATA

# Paths under /directory/ that a person's address must not take.
RESERVED_SLUGS = {"me", "experts", "stats"}


@transaction.atomic
def profile_update(*, user, language):
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.language = language
    profile.full_clean()
    profile.save()
    return profile


def _unique_slug(name):
    base = slugify(to_latin(name))[:60].strip("-") or "member"
    slug = base if base not in RESERVED_SLUGS else f"{base}-{secrets.token_hex(3)}"
    while DirectoryEntry.objects.filter(slug=slug).exists():
        slug = f"{base}-{secrets.token_hex(3)}"
    return slug


@transaction.atomic
def entry_save(*, user, consent_text, **details):
    """Create or update the person's own entry. `consent_text` is the exact text of the consent
    they ticked; it is recorded with the time when it is new or its wording changed."""
    if not consent_text:
        raise ValueError("A directory entry needs the person's consent.")
    entry = DirectoryEntry.objects.select_for_update().filter(user=user).first() or DirectoryEntry(user=user)
    for name in DirectoryEntry.DETAIL_FIELDS:
        if name in details:
            setattr(entry, name, details[name])
    if entry.email:
        entry.email = normalise_email(entry.email)
    if not entry.slug:
        entry.slug = _unique_slug(entry.display_name)
    if entry.consent_at is None or entry.consent_text != consent_text:
        entry.consent_at = timezone.now()
        entry.consent_text = consent_text
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def entry_set_hidden(*, entry, hidden):
    entry.is_hidden = hidden
    entry.save(update_fields=["is_hidden", "updated_at"])
    return entry


@transaction.atomic
def entry_hide_by_staff(*, entries):
    """Staff hide entries (e.g. reported ones); the person cannot show them again."""
    hidden = DirectoryEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(hidden_by_staff=True)
    invalidate(DIRECTORY_DATA)  # an update() sends no signal
    pagecache.bump_version()  # kept directory and search pages list the entries
    return hidden


@transaction.atomic
def entry_show_by_staff(*, entries):
    shown = DirectoryEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(hidden_by_staff=False)
    invalidate(DIRECTORY_DATA)  # an update() sends no signal
    pagecache.bump_version()  # kept directory and search pages list the entries
    return shown


@transaction.atomic
def entry_approve_member(*, entries, approved=True):
    """Staff approve people as members (they then see members-only contacts), or withdraw it."""
    return DirectoryEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(
        member_approved_at=timezone.now() if approved else None
    )


@transaction.atomic
def entry_delete(*, user):
    return DirectoryEntry.objects.filter(user=user).delete()
