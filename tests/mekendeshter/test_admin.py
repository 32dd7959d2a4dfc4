import datetime
import uuid

import pytest
from django.contrib import admin
from django.utils import timezone
from reversion.models import Version

from diaspora.models import Association
from forum.models import Album, Arrival, ContactRequest, Item, Page, Person, ProgressEvidence
from mekendeshter.core.admin import languages_complete
from news.models import NewsSettings
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    DirectoryEntryFactory,
    EditionFactory,
    ItemFactory,
    NewsletterFactory,
    OrganisationFactory,
    OutcomeDocumentFactory,
    ProgressUpdateFactory,
    ProposalFactory,
    RegistrationFactory,
    SectionFactory,
    SessionFactory,
    SubscriptionFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_each():
    """One row of every model the admin manages, so that every change page is opened too."""
    edition = EditionFactory(venue=VenueFactory())
    OrganisationFactory()
    Person.objects.create(name_ky="Айгүл", name_ru="Айгуль", name_en="Aigul")
    SessionFactory(edition=edition)
    Album.objects.create(edition=edition, title_ky="Ачылыш", title_ru="Открытие", title_en="Opening")
    ProposalFactory()  # with its own open document, section and item
    ProgressEvidence.objects.create(  # of an update of an item of a final document
        update=ProgressUpdateFactory(),
        url="https://example.org/",
        title_ky="Отчёт",
        title_ru="Отчёт",
        title_en="Report",
    )
    ContactRequest.objects.create(name="Асан", email="asan@example.org", message="Саламатсызбы", language="ky")
    registration = RegistrationFactory()
    Arrival.objects.create(
        registration=registration, day=datetime.date(2030, 7, 1), arrived_at=timezone.now(), key=uuid.uuid4()
    )
    CommentFactory()
    NewsSettings.objects.get_or_create()
    SubscriptionFactory()
    NewsletterFactory()
    Association.objects.create(name_ky="Бирикме", name_ru="Объединение", name_en="Association", country="RU")
    DirectoryEntryFactory()
    Page.objects.create(
        slug=Page.PRIVACY, title_ky="Купуялык", title_ru="Конфиденциальность", body_ky="Текст", body_ru="Текст"
    )


@pytest.mark.parametrize(
    "model", [model for model in admin.site._registry if model._meta.app_label in ("forum", "news", "diaspora")]
)
def test_every_admin_page_opens(admin_client, one_of_each, model):
    opts = model._meta
    changelist = admin_client.get(f"/admin/{opts.app_label}/{opts.model_name}/")
    assert changelist.status_code == 200
    obj = model.objects.first()
    assert admin_client.get(f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/").status_code == 200
    if admin.site._registry[model].has_add_permission(changelist.wsgi_request):
        assert admin_client.get(f"/admin/{opts.app_label}/{opts.model_name}/add/").status_code == 200


def test_admin_shows_translation_tabs_and_languages_column(admin_client):
    """The languages column names the languages complete for the fields in use and marks the others."""
    edition = EditionFactory(title_en="", theme_ky="Тема", theme_ru="Тема")
    html = admin_client.get("/admin/forum/edition/").content.decode()
    assert (
        '<td class="field-languages_filled">'
        '<span class="lang-filled" lang="ky" title="толук которулган">ky</span>'
        ' <span class="lang-filled" lang="ru" title="толук которулган">ru</span>'
        ' <span class="lang-partial" lang="en" title="толук эмес которулган">(en)</span></td>'
    ) in html
    change = admin_client.get(f"/admin/forum/edition/{edition.pk}/change/")
    assert "title_ru" in change.content.decode()


def edit_document(admin_client, document, **changes):
    """Post the outcome document's change form with its current values plus `changes`."""
    url = f"/admin/forum/outcomedocument/{document.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name, "") or "" for name in form.fields}
    data["edition"] = document.edition_id
    data["date"] = document.date.isoformat()
    sections = document.sections.order_by("order")
    data |= {
        "sections-TOTAL_FORMS": sections.count(),
        "sections-INITIAL_FORMS": sections.count(),
        "sections-MIN_NUM_FORMS": 0,
        "sections-MAX_NUM_FORMS": 1000,
    }
    for index, section in enumerate(sections):
        prefix = f"sections-{index}-"
        data |= {
            prefix + "id": section.pk,
            prefix + "document": document.pk,
            prefix + "slug": section.slug,
            prefix + "order": section.order,
        }
        for field in ("title", "body", "closing"):
            for lang in ("ky", "ru", "en"):
                data[prefix + f"{field}_{lang}"] = getattr(section, f"{field}_{lang}")
    data |= changes
    return admin_client.post(url, data)


def test_outcome_document_history_records_and_restores(admin_client):
    document = OutcomeDocumentFactory(
        edition=EditionFactory(year=2016), date=datetime.date(2016, 8, 2), title_ru="Итоговый документ"
    )
    texts = {f"{field}_{lang}": "" for field in ("body", "closing") for lang in ("ky", "ru", "en")}
    recommendations = SectionFactory(document=document, slug="recommendation", order=1, **texts)
    for number in range(1, 19):
        ItemFactory(section=recommendations, number=number, text_ru=f"Рекомендация {number}")
    SectionFactory(document=document, slug="result", order=2, **texts)
    original = document.title_ru
    assert edit_document(admin_client, document).status_code == 302
    assert edit_document(admin_client, document, title_ru="Исправленное название").status_code == 302
    document.refresh_from_db()
    assert document.title_ru == "Исправленное название"

    versions = Version.objects.get_for_object(document)
    assert versions.count() == 2  # the factory data has no revision; the demo's is tested in test_load_demo
    latest, first = versions
    assert latest.revision.user.username == "admin"
    assert latest.revision.get_comment() == "Title [ru] өзгөртүлдү."

    # Restoring the first version brings the old title back, with the sections and items.
    history = admin_client.get(f"/admin/forum/outcomedocument/{document.pk}/history/")
    assert history.status_code == 200
    revert_url = f"/admin/forum/outcomedocument/{document.pk}/history/{first.pk}/"
    form = admin_client.get(revert_url)
    assert form.status_code == 200
    Item.objects.filter(section__document=document, number=12).update(text_ru="испорчено")
    response = edit_via_revert(admin_client, revert_url, document)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [f.errors for f in response.context["inline_admin_formsets"][0].formset.forms],
    )
    document.refresh_from_db()
    assert document.title_ru == original
    assert (
        Item.objects.get(section__document=document, section__slug="recommendation", number=12).text_ru != "испорчено"
    )


def edit_via_revert(admin_client, url, document):
    page = admin_client.get(url)
    form = page.context["adminform"].form
    data = {name: form.initial.get(name, "") or "" for name in form.fields}
    data["edition"] = document.edition_id
    data["date"] = document.date.isoformat()
    formset = page.context["inline_admin_formsets"][0].formset
    data |= {f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()}
    for index, inline_form in enumerate(formset.forms):
        for name in inline_form.fields:
            value = inline_form.initial.get(name, "")
            data[f"{formset.prefix}-{index}-{name}"] = "" if value is None else value
        data[f"{formset.prefix}-{index}-id"] = inline_form.instance.pk
        data[f"{formset.prefix}-{index}-document"] = document.pk
    return admin_client.post(url, data)


def test_article_edits_are_kept_in_the_history(admin_client):
    article = ArticleFactory(edition=EditionFactory())
    url = f"/admin/news/article/{article.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data |= {
        "edition": article.edition_id,
        "published_at_0": article.published_at.strftime("%Y-%m-%d"),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
        "title_ru": "Новый заголовок",
    }
    data.pop("published_at", None)
    data.pop("cover", None)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 1
    assert versions[0].field_dict["title_ru"] == "Новый заголовок"
    assert admin_client.get(f"/admin/news/article/{article.pk}/history/").status_code == 200


def test_languages_column_reports_complete_languages_for_the_fields_that_matter(admin_client):
    # A speaker translated except for the bio in English; no one wrote a role in any language.
    speaker = Person.objects.create(
        name_ky="Асан", name_ru="Асан", name_en="Asan", bio_ky="Өмүр баяны", bio_ru="Биография", bio_en=""
    )
    assert languages_complete(speaker) == (["ky", "ru"], ["en"])
    html = admin_client.get("/admin/forum/person/").content.decode()
    assert 'class="lang-filled" lang="ky"' in html and 'class="lang-filled" lang="ru"' in html
    assert 'class="lang-filled" lang="en"' not in html
    assert 'class="lang-partial" lang="en"' in html
    empty = Person.objects.create(name_ky="Бакыт")
    assert languages_complete(empty) == (["ky"], [])
