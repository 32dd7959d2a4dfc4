"""A person's history across editions: on "my account", for staff in the admin (accounts merged by
normalised email), and the directory mark (tests/diaspora/test_forum_history.py)."""

import datetime
import uuid

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from forum import selectors
from forum.models import Arrival, Registration
from tests.factories import EditionFactory, ProposalFactory, RegistrationFactory, UserFactory
from tests.utils import count_queries, text_in_language

pytestmark = pytest.mark.django_db


def arrive(registration, day):
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return Arrival.objects.create(registration=registration, day=day, arrived_at=at, key=uuid.uuid4())


@pytest.fixture
def editions():
    return {
        2012: EditionFactory(year=2012, number=1, start_date=datetime.date(2012, 8, 1), end_date=None),
        2014: EditionFactory(year=2014, number=2, start_date=datetime.date(2014, 7, 1), end_date=None),
        2016: EditionFactory(year=2016, number=3, start_date=datetime.date(2016, 8, 1), end_date=None),
        2018: EditionFactory(year=2018, number=4, start_date=datetime.date(2018, 8, 1), end_date=None),
        "ahead": EditionFactory(year=timezone.localdate().year + 1, number=5),
    }


@pytest.fixture
def person(editions):
    """Took part in 2012 (confirmed, no check-in at that edition), 2014 (checked in on two days) and
    2016 (confirmed, and nobody was checked in there); cancelled 2018; registered for the next one."""
    user = UserFactory(email="aigul@example.org")
    RegistrationFactory(user=user, edition=editions[2012])
    at_2014 = RegistrationFactory(user=user, edition=editions[2014])
    arrive(at_2014, datetime.date(2014, 7, 1))
    arrive(at_2014, datetime.date(2014, 7, 2))
    RegistrationFactory(user=user, edition=editions[2016])
    RegistrationFactory(user=user, edition=editions[2018], status=Registration.Status.CANCELLED)
    RegistrationFactory(user=user, edition=editions["ahead"], status=Registration.Status.PENDING)
    ProposalFactory(author=user, text="Жаштар кеңешин түзүү.", document__edition=editions[2016])
    return user


def test_took_part_counts_arrivals_where_recorded(editions):
    came = RegistrationFactory(edition=editions[2018])
    arrive(came, datetime.date(2018, 8, 1))
    stayed_home = RegistrationFactory(edition=editions[2018])  # confirmed, never checked in
    confirmed = RegistrationFactory(edition=editions[2016])  # no arrivals at 2016: confirmed counts
    pending = RegistrationFactory(edition=editions[2016], status=Registration.Status.PENDING)
    ahead = RegistrationFactory(edition=editions["ahead"])
    demonstration = RegistrationFactory(edition=EditionFactory(year=2015, number=15, is_demo=True))
    took_part = set(Registration.objects.took_part())
    assert came in took_part and confirmed in took_part
    assert not {stayed_home, pending, ahead, demonstration} & took_part


def test_my_account_tells_me_my_forums(client, person, editions):
    client.force_login(person)
    cases = {
        "ky": ["Сиз катышкан форумдар: 2012, 2014 жана 2016.", "келгениңиз 2 күн белгиленген", "1 сунуш"],
        "ru": ["Вы участвовали в форумах 2012, 2014 и 2016 годов.", "приход отмечен 2 дня", "1 предложение"],
        "en": ["You took part in the forums of 2012, 2014 and 2016.", "checked in on 2 days", "1 proposal"],
    }
    for language, texts in cases.items():
        html = client.get(f"/{language}/me/").content.decode()
        section = html[html.index('id="my-history"') : html.index('id="my-proposals"')]
        text = text_in_language(section, language)
        for expected in texts:
            assert expected in text, (language, expected, text)
        # Every edition of the history is listed, the cancelled and the coming one too, once each.
        for edition in editions.values():
            assert section.count(edition.get_absolute_url()) == 1


def test_one_forum_in_the_singular(client, editions):
    user = UserFactory()
    RegistrationFactory(user=user, edition=editions[2016])
    client.force_login(user)
    assert "Вы участвовали в форуме 2016 года." in client.get("/ru/me/").content.decode()


def test_my_history_is_mine_alone(client, person):
    assert client.get("/en/me/").status_code == 302  # anonymous: sign in first
    client.force_login(UserFactory())
    html = client.get("/en/me/").content.decode()
    assert "You have not taken part in a forum yet." in html
    assert "You took part" not in html and "Жаштар кеңешин" not in html


def test_my_account_queries_do_not_grow_with_the_history(client, person, editions):
    client.force_login(person)
    few = count_queries(client, "/ky/me/")
    for year in (2020, 2022, 2024):
        registration = RegistrationFactory(user=person, edition=EditionFactory(year=year, number=year))
        arrive(registration, registration.edition.start_date)
        ProposalFactory(author=person, document__edition=registration.edition)
    assert count_queries(client, "/ky/me/") == few


# --- Staff: the admin's panel on a registration ----------------------------------------------


@pytest.fixture
def second_account(person, editions):
    """The same person under another account (opened through a social network, say), whose address
    is one the person verified as their second."""
    EmailAddress.objects.create(user=person, email="aigul.work@example.org", verified=True, primary=False)
    other = UserFactory(email="aigul.work@example.org", verified=False)
    RegistrationFactory(user=other, edition=editions[2018], first_name="Айгүл", last_name="Экинчи")
    arrive(other.registrations.get(), datetime.date(2018, 8, 1))
    return other


def test_accounts_are_merged_by_normalised_email(person, second_account):
    stranger = UserFactory(email="aigul@example.com")
    legacy = UserFactory(email="Aigul@Example.org", verified=False)  # stored before normalisation
    emails = selectors.person_emails(user=person)
    ids = selectors.person_user_ids(user=person, emails=emails)
    assert set(ids) == {person.pk, second_account.pk, legacy.pk}
    assert stranger.pk not in ids
    history = selectors.participation_history(user_ids=ids, emails=emails)
    assert history["years"] == [2012, 2014, 2016, 2018]


def test_staff_see_the_history_on_the_registration(admin_client, person, second_account, editions):
    registration = person.registrations.get(edition=editions[2016])
    html = admin_client.get(
        f"/admin/forum/registration/{registration.pk}/change/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    panel = html[html.index('class="history-panel"') :]
    panel = panel[: panel.index("</table>")]
    text = " ".join(panel.split())
    assert "Merged from 2 accounts with the same email address." in text
    assert "Took part in 2012, 2014, 2016 and 2018." in text
    assert "checked in on 2 days" in text and "checked in on 1 day" in text
    assert "took part (no check-in recorded)" in text  # 2012 and 2016
    assert "did not take part" in text  # the cancelled 2018 registration
    assert "not held yet" in text
    assert "(this registration)" in text
    other = second_account.registrations.get()
    assert f"/admin/forum/registration/{other.pk}/change/" in panel
    assert "Жаштар кеңешин түзүү." in panel


def test_the_panel_in_russian(admin_client, person, editions):
    registration = person.registrations.get(edition=editions[2012])
    html = admin_client.get(
        f"/admin/forum/registration/{registration.pk}/change/", HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    assert "Участвовал(а) в форумах: 2012, 2014 и 2016." in html
    assert "история участия в форумах" in html.lower()


def test_the_panel_is_for_staff_only(client, person, editions):
    registration = person.registrations.get(edition=editions[2012])
    client.force_login(person)
    response = client.get(f"/admin/forum/registration/{registration.pk}/change/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_panel_queries_do_not_grow(admin_client, person, editions):
    registration = person.registrations.get(edition=editions[2012])
    url = f"/admin/forum/registration/{registration.pk}/change/"
    few = count_queries(admin_client, url)
    for year in (2020, 2022, 2024):
        other = RegistrationFactory(user=person, edition=EditionFactory(year=year, number=year))
        arrive(other, other.edition.start_date)
        ProposalFactory(author=person, document__edition=other.edition)
    assert count_queries(admin_client, url) == few


# --- The organizers' lists: registrations imported without an account ------------------------


def imported(edition, email, **fields):
    return RegistrationFactory(
        user=None, email=email, source=Registration.Source.IMPORT, privacy_consent_at=None, edition=edition, **fields
    )


def test_an_imported_registration_opens_with_the_history_of_its_address(admin_client, person, editions):
    """A past participant from an organizers' list has no account: the list's address finds the
    person's accounts and other imported rows, and a stranger's rows stay out."""
    from_list = imported(editions[2018], "aigul@example.org", first_name="Айгүл", last_name="Тизмеден")
    imported(editions[2018], "someone.else@example.org", first_name="Бөтөн", last_name="Адам")
    response = admin_client.get(f"/admin/forum/registration/{from_list.pk}/change/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    panel = " ".join(html[html.index('class="history-panel"') :].split("</table>", 1)[0].split())
    assert "Took part in 2012, 2014, 2016 and 2018." in panel
    assert "aigul@example.org (imported list)" in panel
    assert "Бөтөн" not in panel


def test_my_account_counts_the_lists_under_my_verified_address(client, person, editions):
    imported(editions[2018], "aigul@example.org")
    client.force_login(person)
    html = client.get("/en/me/").content.decode()
    assert "You took part in the forums of 2012, 2014, 2016 and 2018." in " ".join(html.split())


def test_an_unverified_address_claims_no_imported_registration(client, editions):
    """Anyone may type an address when signing up: only a verified one is the person's."""
    claimant = UserFactory(email="aigul@example.org", verified=False)
    imported(editions[2016], "aigul@example.org")
    client.force_login(claimant)
    html = client.get("/en/me/").content.decode()
    assert "You have not taken part in a forum yet." in html
