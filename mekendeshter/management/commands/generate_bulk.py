import datetime
import random

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from diaspora.models import Association, DirectoryEntry
from diaspora.selectors import DIRECTORY_DATA
from mekendeshter.core.cache import invalidate
from news.models import Article

COUNTRIES = ["RU", "KZ", "TR", "US", "DE", "KR", "AE", "GB", "CZ", "IT", "PL", "CA", "JP", "UZ", "CN"]
CITIES = [("Москва", "Москва", "Moscow"), ("Алматы", "Алматы", "Almaty"), ("Стамбул", "Стамбул", "Istanbul")]


class Command(BaseCommand):
    help = (
        "Add bulk data for benchmarks: thousands of articles, diaspora associations and directory entries "
        "of placeholder people (removable with --clear)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=3000)
        parser.add_argument("--associations", type=int, default=20000)
        parser.add_argument("--people", type=int, default=20000)
        parser.add_argument("--clear", action="store_true", help="Remove bulk data only.")

    @transaction.atomic
    def handle(self, *, articles, associations, people, clear, **options):
        Article.objects.filter(slug__startswith="bulk-").delete()
        Association.objects.filter(name_en__startswith="Bulk association").delete()
        DirectoryEntry.objects.filter(slug__startswith="bulk-person-").delete()
        get_user_model().objects.filter(username__startswith="bulk-person-").delete()
        if clear:
            self.stdout.write("Bulk data removed.")
            return
        rng = random.Random(2016)
        now = timezone.now()
        Article.objects.bulk_create(
            Article(
                slug=f"bulk-{n}",
                title_ky=f"Жаңылык №{n}",
                title_ru=f"Новость № {n}",
                title_en=f"News item {n}",
                lead_ky="Кыскача мазмуну. " * 5,
                lead_ru="Краткое содержание. " * 5,
                lead_en="A short summary. " * 5,
                body_ky="Текст. " * 200,
                body_ru="Текст. " * 200,
                body_en="Text. " * 200,
                status=Article.Status.PUBLISHED,
                published_at=now - datetime.timedelta(hours=n + 1),
            )
            for n in range(articles)
        )
        Association.objects.bulk_create(
            (
                Association(
                    name_ky=f"Мекендештер бирикмеси №{n}",
                    name_ru=f"Объединение соотечественников № {n}",
                    name_en=f"Bulk association {n}",
                    country=rng.choice(COUNTRIES),
                    **dict(zip(("city_ky", "city_ru", "city_en"), rng.choice(CITIES), strict=True)),
                )
                for n in range(associations)
            ),
            batch_size=2000,
        )
        self._people(people, rng, now)
        invalidate(DIRECTORY_DATA)  # bulk_create sends no signal
        # bulk_create skips save(), which writes the search documents.
        call_command("rebuild_search_documents", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Added {articles} articles, {associations} associations and {people} people.")
        )

    def _people(self, count, rng, now):
        # Placeholders, plainly named as such: the directory holds no invented person outside benchmarks.
        users = get_user_model().objects.bulk_create(
            (
                get_user_model()(username=f"bulk-person-{n}", email=f"bulk-person-{n}@example.invalid", password="!")
                for n in range(count)
            ),
            batch_size=2000,
        )
        DirectoryEntry.objects.bulk_create(
            (
                DirectoryEntry(
                    user=user,
                    slug=f"bulk-person-{n}",
                    display_name=f"Bulk person {n}",
                    country=rng.choice(COUNTRIES),
                    city=rng.choice(CITIES)[rng.randrange(3)],
                    occupation="Benchmark",
                    is_expert=n % 5 == 0,
                    expertise="benchmarks" if n % 5 == 0 else "",
                    phone=f"+99655{n:07d}",
                    consent_at=now,
                    consent_text="Bulk data for benchmarks.",
                )
                for n, user in enumerate(users)
            ),
            batch_size=2000,
        )
