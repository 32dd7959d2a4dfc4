import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from forum import services
from forum.models import Album, Organisation, Photo
from mekendeshter.core.images import open_image
from tests.factories import EditionFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def jpeg_with_gps_and_orientation(size=(2000, 1000)):
    image = Image.new("RGB", size, "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "CameraMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (40.0, 31.0, 20.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("holiday.jpg", buffer.getvalue(), content_type="image/jpeg")


def png_claiming(width, height):
    """A tiny PNG whose header claims a huge picture: a decompression bomb."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile("bomb.png", body, content_type="image/png")


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("photo.jpg", b"<?php echo 1; ?>", content_type="image/jpeg"), "invalid"),
        (png_claiming(100_000, 100_000), "invalid"),
        (png_claiming(8_000, 6_000), "too_many_pixels"),
    ],
)
def test_bad_uploads_are_refused(upload, code):
    with pytest.raises(ValidationError) as error:
        open_image(upload)
    assert error.value.code == code


def test_gif_is_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    with pytest.raises(ValidationError) as error:
        open_image(SimpleUploadedFile("a.gif", buffer.getvalue()))
    assert error.value.code == "format"


def album_form_data(edition, **extra):
    return {
        "edition": edition.pk,
        "title_ky": "Пленардык жыйналыш",
        "title_ru": "Пленарное заседание",
        "title_en": "Plenary session",
        "order": 0,
        "photos-TOTAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
        "photos-MIN_NUM_FORMS": 0,
        "photos-MAX_NUM_FORMS": 1000,
        **extra,
    }


def test_staff_upload_many_photos_at_once(admin_client):
    edition = EditionFactory()
    uploads = [jpeg_with_gps_and_orientation((800, 600)), jpeg_with_gps_and_orientation((1200, 900))]
    response = admin_client.post("/admin/forum/album/add/", album_form_data(edition, upload=uploads))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Photo.objects.filter(album__edition=edition).count() == 2


def test_a_bad_file_among_uploads_is_named_and_nothing_is_saved(admin_client):
    edition = EditionFactory()
    bad = SimpleUploadedFile("notes.jpg", b"not an image", content_type="image/jpeg")
    response = admin_client.post(
        "/admin/forum/album/add/", album_form_data(edition, upload=[jpeg_with_gps_and_orientation((800, 600)), bad])
    )
    assert response.status_code == 200
    assert "notes.jpg" in response.content.decode()
    assert not Album.objects.exists()
    assert not Photo.objects.exists()


def test_logo_upload_is_checked_and_reencoded(admin_client):
    bad = SimpleUploadedFile("logo.png", b"GIF89a...", content_type="image/png")
    data = {"name_ky": "Уюм", "name_ru": "Организация", "name_en": "Organisation", "slug": "org"}
    response = admin_client.post("/admin/forum/organisation/add/", {**data, "logo": bad})
    assert response.status_code == 200
    assert not Organisation.objects.exists()
    buffer = io.BytesIO()
    Image.new("RGBA", (1200, 400), (0, 0, 0, 0)).save(buffer, "PNG")
    good = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    response = admin_client.post("/admin/forum/organisation/add/", {**data, "logo": good})
    assert response.status_code == 302
    logo = Organisation.objects.get().logo
    assert logo.name.endswith(".webp") and "logo" in logo.name.split("/")[0]
    assert Image.open(logo.path).size == (600, 200)


@pytest.fixture
def gallery():
    edition = EditionFactory()
    album = Album.objects.create(edition=edition, title_ky="Ачылыш", title_ru="Открытие", title_en="Opening")
    photos = [
        services.photo_create(album=album, upload=jpeg_with_gps_and_orientation((600, 400)), caption={"en": f"P{n}"})
        for n in range(3)
    ]
    return edition, album, photos


def test_gallery_page(client, gallery):
    edition, album, photos = gallery
    html = client.get(f"/en/forum/{edition.year}/photos/").content.decode()
    assert "Opening" in html
    assert html.count('loading="lazy"') == 3
    assert f'srcset="{photos[0].image.url} 400w"' in html  # rotated to 400×600: no smaller thumbnail needed
    assert 'alt="P1"' in html
    assert f'href="{photos[2].get_absolute_url()}"' in html


def test_gallery_queries_do_not_grow(client, gallery):
    edition, album, photos = gallery
    url = f"/en/forum/{edition.year}/photos/"
    few = count_queries(client, url)
    for _ in range(3):
        services.photo_create(album=album, upload=jpeg_with_gps_and_orientation((500, 400)))
    Album.objects.create(edition=edition, title_en="Second")
    assert count_queries(client, url) == few <= 8


def test_photo_page_links_to_neighbours(client, gallery):
    edition, album, photos = gallery
    html = client.get(photos[1].get_absolute_url().replace("/ky/", "/en/")).content.decode()
    assert f'rel="prev" href="{photos[0].get_absolute_url()}"'.replace("/ky/", "/en/") in html
    assert f'rel="next" href="{photos[2].get_absolute_url()}"'.replace("/ky/", "/en/") in html
    assert count_queries(client, photos[1].get_absolute_url()) <= 8


def test_photo_of_another_edition_is_not_found(client, gallery):
    edition, album, photos = gallery
    other = EditionFactory()
    assert client.get(f"/en/forum/{other.year}/photos/{photos[0].pk}/").status_code == 404


def stored_files(root):
    return sorted(path.name for path in root.rglob("*") if path.is_file())


def test_deleting_a_photo_or_an_album_removes_their_files(
    admin_client, settings, tmp_path, django_capture_on_commit_callbacks
):
    edition = EditionFactory()
    album = Album.objects.create(edition=edition, title_ky="Сүрөттөр")
    with django_capture_on_commit_callbacks(execute=True):
        first = services.photo_create(album=album, upload=jpeg_with_gps_and_orientation((2000, 1000)))
        second = services.photo_create(album=album, upload=jpeg_with_gps_and_orientation((800, 600)))

    def files_of(photo):
        fields = ("image", "thumb_480", "thumb_960", "thumb_1600")
        return {getattr(photo, f).name.rsplit("/", 1)[-1] for f in fields if getattr(photo, f)}

    first_files, second_files = files_of(first), files_of(second)
    assert len(first_files) == 3 and len(second_files) == 2  # originals and the thumbnails narrower than them
    assert set(stored_files(tmp_path)) == first_files | second_files

    # Removed in the album's form ("delete" ticked in the photo inline).
    data = album_form_data(edition) | {
        "photos-TOTAL_FORMS": 2,
        "photos-INITIAL_FORMS": 2,
        **{f"photos-{n}-id": photo.pk for n, photo in enumerate(album.photos.all())},
        **{f"photos-{n}-order": n for n in range(2)},
        "photos-0-DELETE": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/forum/album/{album.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not Photo.objects.filter(pk=first.pk).exists()
    assert set(stored_files(tmp_path)) == second_files

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/forum/album/{album.pk}/delete/", {"post": "yes"})
    assert not Album.objects.exists()
    assert stored_files(tmp_path) == []


def test_files_stay_when_the_deletion_is_rolled_back(tmp_path, django_capture_on_commit_callbacks):
    album = Album.objects.create(edition=EditionFactory(), title_ky="Сүрөттөр")
    photo = services.photo_create(album=album, upload=jpeg_with_gps_and_orientation((800, 600)))
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        services.photo_delete(photo=photo)
        raise RuntimeError
    assert len(stored_files(tmp_path)) == 2


@pytest.mark.parametrize(
    ("lang", "link"), [("ky", "Бул форумдун сүрөт альбому"), ("en", "The photo album of this forum")]
)
def test_edition_page_shows_its_first_photos_and_links_its_album(client, gallery, lang, link):
    edition, album, photos = gallery
    html = client.get(f"/{lang}/forum/{edition.year}/").content.decode()
    for photo in photos:
        assert f'<a href="/{lang}/forum/{edition.year}/photos/{photo.pk}/">' in html
    assert f'<a href="/{lang}/forum/{edition.year}/photos/">{link}</a>' in html


def test_edition_page_shows_four_photos_at_most_in_bounded_queries(client, gallery):
    edition, album, photos = gallery
    url = f"/en/forum/{edition.year}/"
    few = count_queries(client, url)
    for _ in range(3):
        services.photo_create(album=album, upload=jpeg_with_gps_and_orientation((500, 400)))
    assert count_queries(client, url) == few
    html = client.get(url).content.decode()
    assert html.count(f'href="/en/forum/{edition.year}/photos/') == 4 + 2  # four photos, the album twice
    other = EditionFactory()
    assert "The photo album of this forum" not in client.get(f"/en/forum/{other.year}/").content.decode()
