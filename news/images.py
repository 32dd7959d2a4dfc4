"""Cover thumbnails: resized copies made with Pillow when an article is saved, stored beside the
original through the default storage (file system or object storage)."""

import io
import posixpath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

COVER_WIDTHS = (480, 960, 1200)


def thumbnail_name(name, width):
    base, _ext = posixpath.splitext(name)
    return f"{base}.{width}w.jpg"


def make_thumbnails(field_file):
    """Write every width of the cover (never larger than the original); return their names."""
    storage = field_file.storage
    names = []
    with field_file.open("rb") as source:
        image = Image.open(source)
        image = ImageOps.exif_transpose(image).convert("RGB")
    for width in COVER_WIDTHS:
        copy = image.copy()
        if copy.width > width:
            copy.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        copy.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
        name = thumbnail_name(field_file.name, width)
        if storage.exists(name):
            storage.delete(name)
        storage.save(name, ContentFile(buffer.getvalue()))
        names.append(name)
    return names
