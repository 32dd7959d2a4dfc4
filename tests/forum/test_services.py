"""forum.services: registrations, photos, outcome documents and proposals."""

import pytest
from django.core import mail
from django.db import connection
from PIL import Image

from forum import services
from forum.models import Album, Edition, Item, Proposal, Registration
from tests.factories import (
    EditionFactory,
    ItemFactory,
    OpenEditionFactory,
    ProposalFactory,
    RegistrationFactory,
    SectionFactory,
    UserFactory,
)
from tests.forum.test_photos import jpeg_with_gps_and_orientation
from tests.forum.test_registration import details
from tests.utils import run_at_once

pytestmark = pytest.mark.django_db


def test_waiting_list_and_promotion(django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=2)
    users = UserFactory.create_batch(4)
    with django_capture_on_commit_callbacks(execute=True):
        registrations = [services.registration_create(user=u, edition=edition, **details()) for u in users]
    statuses = [r.status for r in registrations]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registrations[0])
    for registration in registrations:
        registration.refresh_from_db()
    assert [r.status for r in registrations] == ["cancelled", "confirmed", "confirmed", "waitlisted"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([users[0].email, users[2].email])
    # Cancelling again changes nothing and sends nothing.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registrations[0])
    assert mail.outbox == []


def test_without_capacity_registrations_wait_for_review(django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=None)
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(user=UserFactory(), edition=edition, **details())
    assert registration.status == Registration.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_set_status(registration=registration, status=Registration.Status.CONFIRMED)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED and registration.confirmed_at
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_capacity_race_confirms_exactly_the_free_places():
    """Many people register at once for the last places: exactly that many are confirmed."""
    if connection.vendor != "postgresql":
        pytest.skip("Needs real concurrent transactions: PostgreSQL (CI runs the suite on it).")
    places, people = 3, 12
    edition = OpenEditionFactory(capacity=places + 2)
    RegistrationFactory.create_batch(2, edition=edition)  # already confirmed
    users = UserFactory.create_batch(people)

    def register(user):
        services.registration_create(user=user, edition=edition, **details())

    errors = run_at_once(register, users)
    assert errors == []
    new = Registration.objects.filter(user__in=users)
    assert new.count() == people
    assert new.confirmed().count() == places
    assert new.waitlisted().count() == people - places
    assert Registration.objects.filter(edition=edition).confirmed().count() == edition.capacity


def test_raising_the_capacity_fills_places_from_the_waiting_list(django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=1)
    RegistrationFactory(edition=edition)
    first, second = RegistrationFactory.create_batch(2, edition=edition, status=Registration.Status.WAITLISTED)
    edition.capacity = 2
    edition.save()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_fill_places(edition=edition)
    assert promoted == [first]
    second.refresh_from_db()
    assert second.status == Registration.Status.WAITLISTED
    assert [m.to for m in mail.outbox] == [[first.user.email]]


def test_photo_is_reencoded_without_metadata_and_keeps_orientation():
    album = Album.objects.create(edition=EditionFactory(), title_ky="Альбом")
    photo = services.photo_create(album=album, upload=jpeg_with_gps_and_orientation())
    assert photo.image.name.startswith("photos/") and photo.image.name.endswith(".webp")
    assert "holiday" not in photo.image.name
    assert (photo.width, photo.height) == (1000, 2000)  # rotated as the camera meant it
    stored = Image.open(photo.image.path)
    assert stored.format == "WEBP"
    assert dict(stored.getexif()) == {}
    assert [(width, Image.open(getattr(photo, f"thumb_{width}").path).width) for width in (480, 960)] == [
        (480, 480),
        (960, 960),
    ]
    assert not photo.thumb_1600  # never larger than the original
    assert photo.srcset.endswith(f"{photo.image.url} 1000w")


def test_items_are_renumbered_in_the_order_staff_arranged():
    section = SectionFactory()
    first, second, third = (ItemFactory(section=section, number=n, order=n * 10) for n in (1, 2, 3))
    third.order = 5
    new = Item(text_en="A new recommendation", order=25)
    services.section_items_save(section=section, items=[third, new])
    numbered = list(section.items.order_by("number").values_list("pk", "number"))
    assert numbered == [(third.pk, 1), (first.pk, 2), (second.pk, 3), (new.pk, 4)]


def test_deleting_an_item_closes_the_gap():
    section = SectionFactory()
    items = [ItemFactory(section=section, number=n, order=n) for n in (1, 2, 3)]
    services.section_items_save(section=section, items=[], deleted=[items[1]])
    assert list(section.items.values_list("number", flat=True)) == [1, 2]


def test_merge_with_an_official_answer(item):
    target = ProposalFactory(item=item, section=item.section, document=item.section.document)
    other = ProposalFactory(item=item, section=item.section, document=item.section.document)
    services.proposal_answer(proposal=other, status=Proposal.Status.MERGED, merged_into=target, answer="Бириктирилди.")
    other.refresh_from_db()
    assert other.merged_into == target and other.answered_at is not None


def test_saving_an_edition_with_more_places_promotes_the_waiting_list(django_capture_on_commit_callbacks):
    edition = OpenEditionFactory(capacity=1)
    RegistrationFactory(edition=edition)
    first, second, third = RegistrationFactory.create_batch(3, edition=edition, status=Registration.Status.WAITLISTED)
    edition.city_en = "Osh"
    assert services.edition_save(edition=edition) == []  # the same capacity: nobody moves
    edition.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.edition_save(edition=edition)
    assert promoted == [first, second]
    assert Edition.objects.get(pk=edition.pk).city_en == "Osh"
    statuses = dict(Registration.objects.filter(edition=edition).values_list("pk", "status"))
    assert (statuses[first.pk], statuses[second.pk], statuses[third.pk]) == ("confirmed", "confirmed", "waitlisted")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.user.email, second.user.email])
    edition.capacity = 1  # fewer places: nobody loses theirs, nobody moves
    assert services.edition_save(edition=edition) == []
    assert Registration.objects.filter(edition=edition).confirmed().count() == 3
