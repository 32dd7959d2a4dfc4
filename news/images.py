"""Cover thumbnails: resized copies made when an article is saved, stored beside the cover
through the default storage (file system or object storage). JPEG, which every link preview reads."""

import posixpath

from mekendeshter.core.images import encode_image, open_image

COVER_WIDTHS = (480, 960, 1200)


def thumbnail_name(name, width):
    base, _ext = posixpath.splitext(name)
    return f"{base}.{width}w.jpg"


def make_thumbnails(field_file):
    """Write every width of the cover (never larger than the original); return their names."""
    storage = field_file.storage
    with field_file.open("rb") as source:
        image = open_image(source).convert("RGB")
    names = []
    for width in COVER_WIDTHS:
        name = thumbnail_name(field_file.name, width)
        if storage.exists(name):
            storage.delete(name)
        storage.save(name, encode_image(image, max_width=width, name=name, image_format="JPEG"))
        names.append(name)
    return names
