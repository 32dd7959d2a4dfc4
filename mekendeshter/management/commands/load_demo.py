import datetime
import random

import reversion
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from reversion.models import Version

from diaspora.models import Association
from forum import services as forum_services
from forum.models import (
    Album,
    Edition,
    Item,
    KeyFigure,
    Organisation,
    OutcomeDocument,
    Page,
    Partnership,
    ProgressEvidence,
    ProgressUpdate,
    Registration,
    Section,
    Session,
    Venue,
)
from mekendeshter.demo import content
from mekendeshter.demo.photos import demo_photo
from news.models import Article

DEMO_STAFF_EMAIL = "staff@example.org"
DEMO_STAFF_PASSWORD = "mekendeshter-demo"
DEMO_CAPACITY = 300
# The inactive accounts of the demonstration participants of past editions (content.PAST_PARTICIPANTS).
DEMO_PARTICIPANT = "demo-participant-"
DRAFT_TITLE = {
    "ky": "Жыйынтык документтин долбоору (демонстрация)",
    "ru": "Проект итогового документа (демонстрация)",
    "en": "Draft outcome document (demonstration)",
}


def translated(**fields):
    """{"title": {"ky": …, "ru": …}} → {"title_ky": …, "title_ru": …} for modeltranslation."""
    return {f"{name}_{lang}": text for name, texts in fields.items() for lang, text in texts.items()}


def edition_texts(data):
    return translated(**{field: data[field] for field in ("title", "city", "theme", "about", "mission")})


class Command(BaseCommand):
    help = "Load the demo content (the 2016 forum from the seed page) in ky, ru and en. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--participants",
            action="store_true",
            help="Also add the demonstration participants of past editions (always in development).",
        )

    @transaction.atomic
    def handle(self, *args, participants=False, **options):
        venue = self.load_venue()
        editions = {data["number"]: self.load_edition(data, venue) for data in content.EDITIONS}
        upcoming = self.load_upcoming()
        organisations = self.load_sponsors(editions[3], upcoming)
        self.load_programme(editions[3])
        documents = [self.load_outcome(editions[3]), self.load_draft_outcome(upcoming)]
        self.record_first_revisions(documents)
        self.load_articles(editions[3], upcoming)
        self.load_progress(documents[0])
        self.load_album(editions[3])
        self.load_associations()
        # Invented people only where asked for or in development, like the staff account: a
        # production database holds real registrations (imported from the organizers' lists).
        people = self.load_past_participants(editions) if participants or settings.DEBUG else 0
        self.load_privacy_policy()
        # Every row is saved with its document; this also brings older rows up to date.
        call_command("rebuild_search_documents", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded: {len(editions) + 1} editions, {len(organisations)} sponsors and partners, "
                f"{len(content.ARTICLES)} articles, {len(content.ASSOCIATIONS)} diaspora associations, "
                f"{people} demonstration participants of past editions."
            )
        )
        if settings.DEBUG:
            self.load_staff_account()

    def load_album(self, edition):
        """The 2016 album with the drawn demonstration pictures, once (its photos are kept after)."""
        data = content.DEMO_ALBUM
        album, _ = Album.objects.update_or_create(
            edition=edition,
            title_en=data["title"]["en"],
            defaults=translated(title=data["title"], description=data["description"]),
        )
        if album.photos.exists():
            return
        for index, caption in enumerate(data["captions"]):
            forum_services.photo_create(album=album, upload=demo_photo(index), caption=caption)

    def load_privacy_policy(self):
        # Created once: after that the text is the staff's, and loading the demo again keeps it.
        Page.objects.get_or_create(slug=Page.PRIVACY, defaults=translated(**content.PRIVACY))

    def load_associations(self):
        for data in content.ASSOCIATIONS:
            Association.objects.update_or_create(
                name_en=data["name"]["en"],
                defaults={
                    **translated(name=data["name"], city=data["city"], description=data["description"]),
                    "country": data["country"],
                    "latitude": data["latitude"],
                    "longitude": data["longitude"],
                    "is_demo": True,
                },
            )

    def past_participants_plan(self):
        """Who took part when: per country, a pool of people of whom each edition draws its number,
        so that many came more than once (the same every time: a fixed seed)."""
        rng = random.Random(2012)
        years = sorted(content.PAST_PARTICIPANTS)
        codes = dict.fromkeys(code for year in years for code in content.PAST_PARTICIPANTS[year])
        people = []
        for code in codes:
            counts = {year: content.PAST_PARTICIPANTS[year].get(code, 0) for year in years}
            pool = max(counts.values()) + max(counts.values()) // 4
            attended = [[] for _ in range(pool)]
            for year, count in counts.items():
                for index in rng.sample(range(pool), count):
                    attended[index].append(year)
            cities, organisations = content.PARTICIPANT_PLACES[code]
            for person_years in attended:
                if not person_years:
                    continue
                female = rng.random() < 0.5
                names = content.PARTICIPANT_FIRST_NAMES_FEMALE if female else content.PARTICIPANT_FIRST_NAMES
                first = rng.choice(names)
                last = rng.choice(content.PARTICIPANT_LAST_NAMES) + ("а" if female else "")
                named = organisations and rng.random() < 0.4
                people.append(
                    {
                        "years": person_years,
                        "first_name": first,
                        "last_name": last,
                        "country": code,
                        "city": rng.choice(cities),
                        "organisation": rng.choice(organisations) if named else "",
                        "language": rng.choice(["ky", "ru"]),
                    }
                )
        return people

    def load_past_participants(self, editions):
        """Confirmed registrations of the demonstration participants of 2012, 2014 and 2016, each
        under an inactive account without a password or a directory entry (never listed, never
        mailed). Idempotent: accounts and registrations that exist are left as they are."""
        User = get_user_model()
        by_year = {edition.year: edition for edition in editions.values()}
        people = self.past_participants_plan()
        usernames = [f"{DEMO_PARTICIPANT}{number:04d}" for number in range(1, len(people) + 1)]
        User.objects.bulk_create(
            [User(username=name, email=f"{name}@example.org", password="!", is_active=False) for name in usernames],
            ignore_conflicts=True,
        )
        users = dict(User.objects.filter(username__in=usernames).values_list("username", "pk"))
        registrations = []
        for number, (username, person) in enumerate(zip(usernames, people, strict=True), start=1):
            details = {key: value for key, value in person.items() if key != "years"}
            for year in person["years"]:
                edition = by_year[year]
                registered = timezone.make_aware(datetime.datetime.combine(edition.start_date, datetime.time(9)))
                registrations.append(
                    Registration(
                        user_id=users[username],
                        edition=edition,
                        status=Registration.Status.CONFIRMED,
                        phone=f"+996700{number:06d}",
                        privacy_consent_at=registered - datetime.timedelta(days=30),
                        confirmed_at=registered - datetime.timedelta(days=20),
                        **details,
                    )
                )
        Registration.objects.bulk_create(registrations, ignore_conflicts=True, batch_size=500)
        return len(people)

    def load_venue(self):
        data = content.VENUE
        venue, _ = Venue.objects.update_or_create(
            name_en=data["name"]["en"],
            defaults={
                **translated(
                    name=data["name"],
                    address=data["address"],
                    city=data["city"],
                    description=data["description"],
                    transfer=content.VENUE_TRAVEL["transfer"],
                    accommodation=content.VENUE_TRAVEL["accommodation"],
                ),
                "latitude": data["latitude"],
                "longitude": data["longitude"],
            },
        )
        return venue

    def load_edition(self, data, venue):
        edition, _ = Edition.objects.update_or_create(
            number=data["number"],
            defaults={
                **edition_texts(data),
                "year": data["year"],
                "start_date": data["start_date"],
                "end_date": data["end_date"],
                "date_precision": data["date_precision"],
                "venue": venue if data["venue"] else None,
            },
        )
        for order, figure in enumerate(data["figures"]):
            KeyFigure.objects.update_or_create(
                edition=edition, order=order, defaults={"value": figure["value"], **translated(label=figure["label"])}
            )
        KeyFigure.objects.filter(edition=edition, order__gte=len(data["figures"])).delete()
        return edition

    def load_upcoming(self):
        """The fourth edition, a demonstration open for registration: always a year ahead."""
        data = content.UPCOMING
        year = timezone.localdate().year + 1
        edition, _ = Edition.objects.update_or_create(
            number=data["number"],
            defaults={
                **edition_texts(data),
                "year": year,
                "start_date": datetime.date(year, 8, 1),
                "end_date": datetime.date(year, 8, 2),
                "date_precision": Edition.DatePrecision.DAY,
                "is_demo": True,
                # Open from New Year until a month before the forum (fixed dates keep this idempotent).
                "registration_opens": timezone.make_aware(datetime.datetime(year - 1, 1, 1)),
                "registration_closes": timezone.make_aware(datetime.datetime(year, 7, 1)),
                "capacity": DEMO_CAPACITY,
            },
        )
        return edition

    def load_sponsors(self, edition, upcoming):
        organisations = []
        for order, data in enumerate(content.SPONSORS):
            organisation, _ = Organisation.objects.update_or_create(
                slug=data["key"],
                defaults={"url": data["url"], **translated(name=data["name"], description=data["description"])},
            )
            Partnership.objects.update_or_create(
                edition=edition, organisation=organisation, defaults={"tier": data["tier"], "order": order}
            )
            if data["tier"] == Partnership.Tier.ORGANIZER:
                Partnership.objects.update_or_create(
                    edition=upcoming, organisation=organisation, defaults={"tier": data["tier"], "order": order}
                )
            organisations.append(organisation)
        return organisations

    def load_programme(self, edition):
        for order, data in enumerate(content.PROGRAMME_2016):
            Session.objects.update_or_create(
                edition=edition,
                order=order,
                defaults={
                    **translated(title=data["title"], description=data["description"]),
                    "kind": data["kind"],
                    "day": data["day"],
                    "start_time": data["start"],
                    "end_time": data["end"],
                },
            )
        Session.objects.filter(edition=edition, order__gte=len(content.PROGRAMME_2016)).delete()

    def load_outcome(self, edition):
        data = content.OUTCOME_2016
        document, _ = OutcomeDocument.objects.update_or_create(
            edition=edition,
            defaults={
                **translated(
                    title=data["title"], introduction=data["introduction"], proposals_note=data["proposals_note"]
                ),
                "status": OutcomeDocument.Status.FINAL,
                "date": data["date"],
            },
        )
        for order, section_data in enumerate(data["sections"]):
            section, _ = Section.objects.update_or_create(
                document=document,
                slug=section_data["slug"],
                defaults={
                    "order": order,
                    **translated(
                        title=section_data["title"], body=section_data["body"], closing=section_data["closing"]
                    ),
                },
            )
            for number, text in enumerate(section_data["items"], start=1):
                Item.objects.update_or_create(
                    section=section, number=number, defaults={"order": number, **translated(text=text)}
                )
            Item.objects.filter(section=section, number__gt=len(section_data["items"])).delete()
        return document

    def load_draft_outcome(self, edition):
        """The demonstration edition's draft, open for proposals: the 2016 recommendations as a start."""
        data = next(section for section in content.OUTCOME_2016["sections"] if section["slug"] == "recommendation")
        document, _ = OutcomeDocument.objects.update_or_create(
            edition=edition,
            defaults={
                **translated(title=DRAFT_TITLE, proposals_note=content.DRAFT_PROPOSALS_NOTE),
                "status": OutcomeDocument.Status.OPEN,
                "date": None,
            },
        )
        section, _ = Section.objects.update_or_create(
            document=document, slug=data["slug"], defaults={"order": 0, **translated(title=data["title"])}
        )
        for number, text in enumerate(data["items"], start=1):
            Item.objects.update_or_create(section=section, number=number, defaults=translated(text=text))
        Item.objects.filter(section=section, number__gt=len(data["items"])).delete()
        return document

    def record_first_revisions(self, documents):
        """The loaded text as the first entry of each document's history (with its sections and
        items), so that staff can restore it after an edit. Once: a second load adds nothing."""
        for document in documents:
            if Version.objects.get_for_object(document).exists():
                continue
            with reversion.create_revision(manage_manually=True):
                reversion.set_comment("Demo content loaded (load_demo).")
                reversion.add_to_revision(document)

    def load_progress(self, document):
        """The 2016 recommendations' progress (content.PROGRESS_2016), published as they stand:
        written here rather than through the services, so that loading the demo mails no one.
        Each update is found again by its item, date and status, so a second load adds nothing."""
        for data in content.PROGRESS_2016:
            # Published on the day it reports, so that the feed reads in the order of events.
            published_at = timezone.make_aware(datetime.datetime.combine(data["date"], datetime.time(12)))
            item = Item.objects.get(
                section__document=document, section__slug="recommendation", number=data["recommendation"]
            )
            fields = {
                **translated(text=data["text"], responsible_body=data["responsible_body"]),
                "is_demo": data["is_demo"],
            }
            # Staff may have unpublished a demo update: a second load leaves that as it is, and
            # saves only a changed text (so that `updated_at` says when it really changed).
            update, created = ProgressUpdate.objects.get_or_create(
                item=item,
                date=data["date"],
                status=data["status"],
                defaults={**fields, "is_published": True, "published_at": published_at},
            )
            changed = [name for name, value in fields.items() if getattr(update, name) != value]
            if changed:
                for name in changed:
                    setattr(update, name, fields[name])
                update.save(update_fields=[*changed, "updated_at"])
            if data["article"]:
                ProgressEvidence.objects.get_or_create(update=update, article=Article.objects.get(slug=data["article"]))
            if created:
                with reversion.create_revision(manage_manually=True):
                    reversion.set_comment("Demo content loaded (load_demo).")
                    reversion.add_to_revision(update)

    def load_articles(self, edition, upcoming):
        # An article belongs to the 2016 edition unless its data names another one (or none).
        editions = {"2016": edition, "upcoming": upcoming, None: None}
        for data in content.ARTICLES:
            Article.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    **translated(title=data["title"], lead=data["lead"], body=data["body"]),
                    "category": data["category"],
                    "edition": editions[data.get("edition", "2016")],
                    "status": Article.Status.PUBLISHED,
                    "published_at": timezone.make_aware(data["published_at"]),
                },
            )

    def load_staff_account(self):
        User = get_user_model()
        if User.objects.filter(username=DEMO_STAFF_EMAIL).exists():
            self.stdout.write(f"Demo staff account: {DEMO_STAFF_EMAIL} (password unchanged)")
            return
        user = User.objects.create_superuser(
            username=DEMO_STAFF_EMAIL, email=DEMO_STAFF_EMAIL, password=DEMO_STAFF_PASSWORD
        )
        # Sign-in is by verified email (allauth); the admin then asks to set up two-factor authentication.
        EmailAddress.objects.create(user=user, email=DEMO_STAFF_EMAIL, verified=True, primary=True)
        self.stdout.write(f"Demo staff account (development only): {DEMO_STAFF_EMAIL} / {DEMO_STAFF_PASSWORD}")
