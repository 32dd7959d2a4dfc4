import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from diaspora.models import Association, DirectoryEntry
from forum.models import (
    Edition,
    Hotel,
    Item,
    KeyFigure,
    Organisation,
    OutcomeDocument,
    Partnership,
    ProgressUpdate,
    Proposal,
    Registration,
    Section,
    Session,
    Venue,
)
from news.models import Article, Comment, Newsletter, Subscription


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    number = factory.Sequence(lambda n: n + 10)
    year = factory.Sequence(lambda n: 2030 + n)
    title_ky = factory.LazyAttribute(lambda o: f"«Мекендештер – {o.year}» форуму")
    title_ru = factory.LazyAttribute(lambda o: f"Форум «Мекендештер – {o.year}»")
    title_en = factory.LazyAttribute(lambda o: f"Mekendeshter Forum {o.year}")
    city_ky = "Бишкек"
    city_ru = "Бишкек"
    city_en = "Bishkek"
    start_date = factory.LazyAttribute(lambda o: datetime.date(o.year, 7, 1))
    end_date = factory.LazyAttribute(lambda o: datetime.date(o.year, 7, 2))


class KeyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyFigure

    edition = factory.SubFactory(EditionFactory)
    value = "10"
    label_ky = "өлкө"
    label_ru = "стран"
    label_en = "countries"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name_ky = factory.Sequence(lambda n: f"Уюм {n}")
    name_ru = factory.Sequence(lambda n: f"Организация {n}")
    name_en = factory.Sequence(lambda n: f"Organization {n}")


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    edition = factory.SubFactory(EditionFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class OutcomeDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutcomeDocument

    edition = factory.SubFactory(EditionFactory)
    title_ky = "Жыйынтык документ"
    title_ru = "Итоговый документ"
    title_en = "Outcome document"
    status = OutcomeDocument.Status.FINAL


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    document = factory.SubFactory(OutcomeDocumentFactory)
    slug = factory.Sequence(lambda n: f"section{n}")
    title_ky = "Бөлүм"
    title_ru = "Раздел"
    title_en = "Section"


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    section = factory.SubFactory(SectionFactory)
    number = factory.Sequence(lambda n: n + 1)
    text_ky = factory.Sequence(lambda n: f"Сунуштама {n}")
    text_ru = factory.Sequence(lambda n: f"Рекомендация {n}")
    text_en = factory.Sequence(lambda n: f"Recommendation {n}")


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    """A published update (of an item of a final document, as the factories make them)."""

    class Meta:
        model = ProgressUpdate

    item = factory.SubFactory(ItemFactory)
    date = datetime.date(2019, 5, 1)
    status = ProgressUpdate.Status.IN_PROGRESS
    text_ky = factory.Sequence(lambda n: f"Иш жүрүп жатат {n}")
    text_ru = factory.Sequence(lambda n: f"Работа идёт {n}")
    text_en = factory.Sequence(lambda n: f"Work is under way {n}")
    is_published = True
    published_at = factory.LazyFunction(timezone.now)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    edition = factory.SubFactory(EditionFactory)
    title_ky = factory.Sequence(lambda n: f"Пленардык жыйналыш {n}")
    title_ru = factory.Sequence(lambda n: f"Пленарное заседание {n}")
    title_en = factory.Sequence(lambda n: f"Plenary session {n}")
    day = factory.LazyAttribute(lambda o: o.edition.start_date)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    slug = factory.Sequence(lambda n: f"article-{n}")
    title_ky = factory.Sequence(lambda n: f"Жаңылык {n}")
    title_ru = factory.Sequence(lambda n: f"Новость {n}")
    title_en = factory.Sequence(lambda n: f"News item {n}")
    lead_ky = "Кыскача."
    lead_ru = "Кратко."
    lead_en = "In short."
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Association

    name_ky = factory.Sequence(lambda n: f"Мекендештер бирикмеси {n}")
    name_ru = factory.Sequence(lambda n: f"Объединение соотечественников {n}")
    name_en = factory.Sequence(lambda n: f"Compatriots' association {n}")
    country = "RU"
    city_ky = "Москва"
    city_ru = "Москва"
    city_en = "Moscow"


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name_ky = "Ош мамлекеттик университети"
    name_ru = "Ошский государственный университет"
    name_en = "Osh State University"
    address_ky = "Ленин көчөсү, 331"
    address_ru = "ул. Ленина, 331"
    address_en = "331 Lenin Street"
    city_ky = city_ru = "Ош"
    city_en = "Osh"


class HotelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hotel

    venue = factory.SubFactory(VenueFactory)
    name_ky = name_ru = name_en = factory.Sequence(lambda n: f"Hotel {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A person who signed up by email and verified it."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class OpenEditionFactory(EditionFactory):
    """An upcoming edition open for registration."""

    registration_opens = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    registration_closes = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    capacity = 100


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    user = factory.SubFactory(UserFactory)
    edition = factory.SubFactory(OpenEditionFactory)
    status = Registration.Status.CONFIRMED
    first_name = "Айгүл"
    last_name = factory.Sequence(lambda n: f"Асанова{n}")
    country = "RU"
    city = "Москва"
    phone = "+79161234567"
    privacy_consent_at = factory.LazyFunction(timezone.now)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    item = factory.SubFactory(ItemFactory, section__document__status=OutcomeDocument.Status.OPEN)
    section = factory.LazyAttribute(lambda o: o.item.section)
    document = factory.LazyAttribute(lambda o: o.item.section.document)
    kind = Proposal.Kind.AMENDMENT
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Сунушталган текст {n}: диаспора үчүн фонд түзүү.")
    reason = "Себеби: мекендештерге колдоо керек."
    language = "ky"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Пикир {n}: жакшы жаңылык.")
    status = Comment.Status.PUBLISHED


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "ky"
    status = Subscription.Status.CONFIRMED


class NewsletterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Newsletter

    subject_ky = "Форумдун жаңылыктары"
    subject_ru = "Новости форума"
    subject_en = "Forum news"
    body_ky = "Саламатсызбы! Толугураак: https://mekendeshter.org/ky/"
    body_ru = "Здравствуйте! Подробнее: https://mekendeshter.org/ru/"
    body_en = "Hello! More: https://mekendeshter.org/en/"


class DirectoryEntryFactory(factory.django.DjangoModelFactory):
    """A listed entry (consent recorded); contacts for members only unless said otherwise."""

    class Meta:
        model = DirectoryEntry

    user = factory.SubFactory(UserFactory)
    slug = factory.Sequence(lambda n: f"person-{n}")
    display_name = factory.Sequence(lambda n: f"Айгүл Асанова {n}")
    country = "RU"
    city = "Москва"
    occupation = "врач"
    consent_at = factory.LazyFunction(timezone.now)
    consent_text = "I agree to be listed in the diaspora directory."
