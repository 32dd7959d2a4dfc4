"""Uploaded images: checked, re-encoded without metadata, stored under generated names.

Only PNG, JPEG and WebP are accepted. The pixels are decoded by Pillow and encoded again as
WebP, so nothing but the picture survives (no EXIF, no GPS, no trailing payload); the EXIF
orientation is applied to the pixels first, so the photo keeps its orientation.
"""

import io
import posixpath
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
# A decompression bomb guard well below Pillow's own: 40 megapixels is a large camera photo.
MAX_PIXELS = 40_000_000
MAX_UPLOAD_BYTES = 25 * 1024 * 1024
QUALITY = 82


def open_image(upload):
    """Decode an uploaded file, or raise a ValidationError that says why not."""
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is larger than 25 MB."), code="too_big")
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(_("Upload a PNG, JPEG or WebP image."), code="format")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The image has more than 40 megapixels."), code="too_many_pixels")
            image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("This file is not a valid image."), code="invalid") from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(_("This file is not a valid image."), code="invalid") from None
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    return image.convert("RGBA" if has_alpha else "RGB")


def encode_image(image, *, max_width=None, name, image_format="WEBP"):
    """The image encoded as WebP (or JPEG, for link previews), no wider than `max_width`."""
    if max_width and image.width > max_width:
        image = image.copy()
        image.thumbnail((max_width, max_width * 10), Image.Resampling.LANCZOS)
    options = {"method": 4} if image_format == "WEBP" else {"optimize": True, "progressive": True}
    buffer = io.BytesIO()
    image.save(buffer, image_format, quality=QUALITY, **options)
    return ContentFile(buffer.getvalue(), name=name)


def generated_name(suffix=""):
    return f"{uuid.uuid4().hex}{suffix}.webp"


class SafeImageField(forms.FileField):
    """A form field that accepts an image and returns it re-encoded as WebP under a new name."""

    def __init__(self, *args, max_width=2560, **kwargs):
        self.max_width = max_width
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not isinstance(upload, UploadedFile):  # unchanged, cleared or empty
            return upload
        image = open_image(upload)
        return encode_image(image, max_width=self.max_width, name=generated_name())


# --- Thumbnails: one scheme for every upload that has them (photos, article covers) ----------


def thumbnail_name(name, width, image_format="WEBP"):
    """Where the `width`-pixel copy of the stored file `name` lives: beside it, named after it
    ("photos/ab12.webp" → "photos/ab12.480w.webp"), so that its files are found from its name."""
    base, _ext = posixpath.splitext(name)
    return f"{base}.{width}w.{'jpg' if image_format == 'JPEG' else 'webp'}"


def save_thumbnails(storage, name, image, widths, image_format="WEBP"):
    """Store the `widths` copies of `image` (the decoded upload stored as `name`), each no wider
    than the original; return {width: stored name}."""
    stored = {}
    for width in widths:
        target = thumbnail_name(name, width, image_format)
        if storage.exists(target):
            storage.delete(target)
        stored[width] = storage.save(
            target, encode_image(image, max_width=width, name=posixpath.basename(target), image_format=image_format)
        )
    return stored


def thumbnail_names(name, widths, image_format="WEBP"):
    return [thumbnail_name(name, width, image_format) for width in widths] if name else []


# --- Removing files whose rows are gone or point elsewhere -------------------------------------


def delete_files_on_commit(storage, names):
    """Remove stored files once the transaction that dropped them has committed: a rollback
    leaves the rows pointing at files that still exist, a commit leaves no orphan files."""
    names = [name for name in names if name]

    def delete():
        for name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(delete)


def remove_files_with_rows(model, *, field, names):
    """Remove the stored files of `model`'s rows (`names(instance)`: the upload in `field` and its
    thumbnails) when a row is deleted, by any path (the admin, a service, a cascade from its
    edition), or saved with another upload or none, once that is committed."""
    storage = model._meta.get_field(field).storage
    uid = f"{model._meta.label}.{field}"

    def stored_names(instance):
        return set(filter(None, names(instance)))

    def before_save(sender, instance, raw=False, **kwargs):
        previous = None
        if instance.pk is not None and not raw:
            previous = sender._base_manager.filter(pk=instance.pk).first()
        instance._files_before_save = stored_names(previous) if previous is not None else set()

    def after_save(sender, instance, raw=False, **kwargs):
        before = getattr(instance, "_files_before_save", set())
        delete_files_on_commit(storage, sorted(before - stored_names(instance)))

    def after_delete(sender, instance, **kwargs):
        delete_files_on_commit(storage, sorted(stored_names(instance)))

    pre_save.connect(before_save, sender=model, weak=False, dispatch_uid=f"{uid}.before_save")
    post_save.connect(after_save, sender=model, weak=False, dispatch_uid=f"{uid}.after_save")
    post_delete.connect(after_delete, sender=model, weak=False, dispatch_uid=f"{uid}.after_delete")
