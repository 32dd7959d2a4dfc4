import uuid

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from mekendeshter.images import encode_webp, open_image

from .models import ContactRequest, Item, Photo
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


def photo_create(*, album, upload, caption=None):
    """Store an uploaded photo re-encoded as WebP with its thumbnails; `upload` is validated here."""
    image = open_image(upload)
    photo = Photo(album=album, order=album.photos.count())
    for lang, text in (caption or {}).items():
        setattr(photo, f"caption_{lang}", text)
    stem = uuid.uuid4().hex
    photo.image.save(f"{stem}.webp", encode_webp(image, max_width=2560, name=f"{stem}.webp"), save=False)
    try:
        for width in Photo.THUMBNAIL_WIDTHS:
            if image.width > width:
                name = f"{stem}-{width}.webp"
                getattr(photo, f"thumb_{width}").save(name, encode_webp(image, max_width=width, name=name), save=False)
        photo.full_clean()
        with transaction.atomic():
            photo.save()
    except Exception:
        _delete_files(photo)
        raise
    return photo


def _delete_files(photo):
    for field in ("image", *(f"thumb_{width}" for width in Photo.THUMBNAIL_WIDTHS)):
        file = getattr(photo, field)
        if file:
            file.delete(save=False)


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
