"""Cover thumbnails: resized copies made when an article is saved, stored beside the cover under
the site's one thumbnail scheme (mekendeshter.core.images). JPEG, which every link preview reads."""

from mekendeshter.core import images

COVER_WIDTHS = (480, 960, 1200)
COVER_FORMAT = "JPEG"


def thumbnail_name(name, width):
    return images.thumbnail_name(name, width, COVER_FORMAT)


def cover_file_names(name):
    """The cover stored as `name` and its thumbnails: what goes when the cover does."""
    return [name, *images.thumbnail_names(name, COVER_WIDTHS, COVER_FORMAT)] if name else []


def make_thumbnails(field_file):
    """Write every width of the cover (never larger than the original); return their names."""
    with field_file.open("rb") as source:
        image = images.open_image(source).convert("RGB")
    stored = images.save_thumbnails(field_file.storage, field_file.name, image, COVER_WIDTHS, COVER_FORMAT)
    return list(stored.values())
