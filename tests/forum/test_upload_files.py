"""Uploads leave storage with their rows, or when replaced, once that is committed (issue 9,
item 21): photos (alone, with their album, with their edition), speaker photos, sponsor logos.
Real files in a temporary MEDIA_ROOT (tests/forum/conftest.py)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from forum import services
from forum.models import Album, Edition, Organisation, Person
from mekendeshter.core import images
from news import images as cover_images
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db


def png(size=(900, 300), colour=(200, 16, 46)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return SimpleUploadedFile("upload.png", buffer.getvalue(), content_type="image/png")


def stored(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_photos_and_covers_share_one_thumbnail_scheme(tmp_path):
    album = Album.objects.create(edition=EditionFactory(), title_ky="Сүрөттөр")
    photo = services.photo_create(album=album, upload=png((1200, 600)))
    stem = photo.image.name.removesuffix(".webp")
    assert photo.thumb_480.name == images.thumbnail_name(photo.image.name, 480) == f"{stem}.480w.webp"
    assert photo.thumb_960.name == f"{stem}.960w.webp" and not photo.thumb_1600  # never wider than the original
    assert Image.open(tmp_path / photo.thumb_960.name).size == (960, 480)
    assert cover_images.thumbnail_name("news/covers/ab.webp", 480) == images.thumbnail_name(
        "news/covers/ab.webp", 480, "JPEG"
    )
    assert stored(tmp_path) == sorted([photo.image.name, photo.thumb_480.name, photo.thumb_960.name])


def test_deleting_an_edition_removes_the_files_of_its_photos(tmp_path, django_capture_on_commit_callbacks):
    edition = EditionFactory()
    album = Album.objects.create(edition=edition, title_ky="Сүрөттөр")
    kept = Album.objects.create(edition=EditionFactory(), title_ky="Башка")
    services.photo_create(album=album, upload=png((2000, 1000)))
    other = services.photo_create(album=kept, upload=png((600, 400)))
    assert len(stored(tmp_path)) == 6  # an original with three thumbnails, one with one
    with django_capture_on_commit_callbacks(execute=True):
        Edition.objects.filter(pk=edition.pk).delete()  # cascades to the album and its photos
    assert stored(tmp_path) == sorted([other.image.name, other.thumb_480.name])


def person_form(**extra):
    return {"name_ky": "Айгүл Асанова", "name_ru": "Айгуль Асанова", "name_en": "Aigul Asanova", **extra}


def test_replacing_or_removing_a_speakers_photo_removes_the_old_file(
    admin_client, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/forum/person/add/", person_form(photo=png()))
    assert response.status_code == 302
    person = Person.objects.get()
    first = person.photo.name
    assert stored(tmp_path) == [first]

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/forum/person/{person.pk}/change/", person_form(photo=png(colour=(0, 0, 0))))
    person.refresh_from_db()
    assert person.photo.name != first and stored(tmp_path) == [person.photo.name]

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/forum/person/{person.pk}/change/", person_form(**{"photo-clear": "on"}))
    person.refresh_from_db()
    assert not person.photo and stored(tmp_path) == []


def test_deleting_a_sponsor_removes_its_logo_and_a_rollback_keeps_it(
    admin_client, tmp_path, django_capture_on_commit_callbacks
):
    data = {"name_ky": "Уюм", "name_ru": "Организация", "name_en": "Organization", "slug": "org"}
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/forum/organisation/add/", {**data, "logo": png()})
    organisation = Organisation.objects.get()
    logo = organisation.logo.name
    assert stored(tmp_path) == [logo]

    # A replacement that is rolled back keeps the old logo: the row still points at it.
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        organisation.logo = "logos/elsewhere.webp"
        organisation.save()
        raise RuntimeError
    assert stored(tmp_path) == [logo]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/forum/organisation/{organisation.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Organisation.objects.exists() and stored(tmp_path) == []


def test_saving_without_touching_the_upload_keeps_its_files(tmp_path, django_capture_on_commit_callbacks):
    album = Album.objects.create(edition=EditionFactory(), title_ky="Сүрөттөр")
    photo = services.photo_create(album=album, upload=png((1200, 800)))
    before = stored(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        photo.caption_en = "Opening"
        photo.save()
    assert stored(tmp_path) == before
