"""The admin in Kyrgyz and Russian: Django's own strings translated (locale_overrides/ fills what
its catalogues lack), titles that name the model in the case the sentence needs, and the
registrations list in the organizers' words."""

import html as html_lib
import json
import re
from pathlib import Path

import django
import polib
import pytest
from django.contrib import admin
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

from forum.models import Person, Registration
from mekendeshter.admin import TITLE_OBJECTS, object_title
from tests.factories import (
    EditionFactory,
    NewsletterFactory,
    OutcomeDocumentFactory,
    ProgressUpdateFactory,
    RegistrationFactory,
    SectionFactory,
)

ADMIN_LOCALE = Path(django.__file__).parent / "contrib" / "admin" / "locale" / "en" / "LC_MESSAGES"


def _shown_in_english(language, domain):
    catalogue = DjangoTranslation(language, domain=domain)
    missing = []
    for entry in polib.pofile(ADMIN_LOCALE / f"{domain}.po"):
        if not re.sub(r"%\(\w+\)[sd]|%[sd]|\{\}|\W", "", entry.msgid):  # "%(class_name)s %(instance)s"
            continue
        if entry.msgid_plural:
            shown = catalogue.ngettext(entry.msgid, entry.msgid_plural, 5)
            english = entry.msgid_plural
        elif entry.msgctxt:
            shown, english = catalogue.pgettext(entry.msgctxt, entry.msgid), entry.msgid
        else:
            shown, english = catalogue.gettext(entry.msgid), entry.msgid
        if shown == english:
            missing.append(entry.msgid)
    return missing


@pytest.mark.parametrize("domain", ["django", "djangojs"])
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_string_of_djangos_admin_is_translated(language, domain):
    """ "Filter by", "Skip to main content", "Show counts", the calendar's days: a string a newer
    Django adds before its catalogues do fails here, to be written in locale_overrides/."""
    assert _shown_in_english(language, domain) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words", "english"),
    [
        (
            "ky",
            ["Негизги мазмунга өтүү", "Эки факторлуу аутентификация", "Эки факторлуу аутентификациянын ыкмалары"],
            [],
        ),
        ("ru", ["Двухфакторная аутентификация", "Способы двухфакторной аутентификации"], ["Многофакторная"]),
    ],
)
def test_the_admin_index_names_two_factor_authentication_in_words(admin_client, language, words, english):
    admin_client.cookies["django_language"] = language
    html = admin_client.get("/admin/").content.decode()
    for word in words:
        assert word in html
    for word in ["Skip to main content", "Toggle theme", ">MFA<", "Authenticators", *english]:
        assert word not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "filter_by", "counts"),
    [
        ("ky", "Чыпкалоо: катталган убакыт", "Сандарын көрсөтүү"),
        ("ru", "Фильтр: дата регистрации", "Показать счётчики"),
    ],
)
def test_a_changelist_with_filters_is_in_the_admins_language(admin_client, language, filter_by, counts):
    RegistrationFactory()
    admin_client.cookies["django_language"] = language
    html = admin_client.get("/admin/forum/registration/").content.decode()
    assert filter_by in html
    assert counts in html
    assert "Filter by" not in html
    assert "Show counts" not in html


def test_every_model_staff_see_has_its_title_wording():
    assert sorted(model._meta.label_lower for model in admin.site._registry) == sorted(TITLE_OBJECTS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "path", "title"),
    [
        ("ru", "/admin/forum/registration/", "Выберите регистрацию для изменения"),
        ("ky", "/admin/forum/registration/", "Өзгөртүү үчүн каттоону тандаңыз"),
        ("en", "/admin/forum/registration/", "Select registration to change"),
        ("ru", "/admin/forum/registration/{pk}/change/", "Изменить регистрацию"),
        ("ky", "/admin/forum/registration/{pk}/change/", "Каттоону өзгөртүү"),
        ("ru", "/admin/forum/arrival/", "Выберите отметку о приходе для просмотра"),
        ("ky", "/admin/forum/arrival/", "Көрүү үчүн келгендик белгисин тандаңыз"),
        ("ru", "/admin/forum/person/add/", "Добавить спикера"),
        ("ky", "/admin/forum/person/add/", "Баяндамачы кошуу"),
        ("ru", "/admin/news/newsletter/", "Выберите рассылку для изменения"),
        ("ky", "/admin/news/article/", "Өзгөртүү үчүн макаланы тандаңыз"),
        ("ru", "/admin/auth/user/", "Выберите пользователя для изменения"),
    ],
)
def test_titles_name_the_model_as_the_sentence_needs(admin_client, language, path, title):
    registration = RegistrationFactory()
    admin_client.cookies["django_language"] = language
    html = admin_client.get(path.format(pk=registration.pk)).content.decode()
    # The page's title: "<object> | " before it on a change page, " | <site>" after it.
    assert re.search(r"<title>[^<]*(\s|\| )" + re.escape(title) + r" \|", html)
    assert f"<h1>{title}</h1>" in html


def test_a_custom_pages_title_is_left_as_it_is():
    with translation.override("ru"):
        assert object_title(Registration._meta, "Выгрузка регистраций") == "Выгрузка регистраций"
        assert object_title(Registration._meta, "Выберите регистрация для изменения") == (
            "Выберите регистрацию для изменения"
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "headers", "place", "needs"),
    [
        ("ru", ["Участник", "Статус", "Страна, город", "Форум", "Нужны"], "Россия, Москва", "трансфер, гостиница"),
        ("ky", ["Катышуучу", "Статусу", "Өлкөсү, шаары", "Форум", "Керек"], "Россия, Москва", "трансфер, мейманкана"),
    ],
)
def test_the_registrations_list_has_few_short_columns(admin_client, language, headers, place, needs):
    RegistrationFactory(
        edition=EditionFactory(year=2016),
        first_name="Айгүл",
        last_name="Асанова",
        country="RU",
        city="Москва",
        needs_transfer=True,
        needs_accommodation=True,
        status=Registration.Status.CONFIRMED,
    )
    admin_client.cookies["django_language"] = language
    html = admin_client.get("/admin/forum/registration/").content.decode()
    start = html.index('<table id="result_list">')
    head = html[start : html.index("</thead>", start)]
    shown = [
        re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", head, re.S)
    ]
    assert [cell for cell in shown if cell] == headers
    row = html[html.index("<tbody>", start) : html.index("</tbody>", start)]
    assert "Асанова Айгүл" in row
    assert place in row
    assert "2016" in row
    assert needs in row


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "verb", "noun"), [("ru", "Изменить", "Изменение"), ("ky", "Өзгөртүү", "Өзгөрүү")])
def test_the_admins_change_links_say_change_as_a_verb(admin_client, language, verb, noun):
    """The statistics' column "Change" (a difference between editions, a noun) has a context of its
    own: without it, its translation labelled every change link of the admin."""
    admin_client.cookies["django_language"] = language
    html = admin_client.get("/admin/").content.decode()
    assert re.search(f'class="changelink"[^>]*>{verb}</a>', html)
    assert f">{noun}<" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "add_another"), [("ru", "Добавить ещё: Раздел"), ("ky", "Дагы кошуу: Бөлүм")])
def test_an_inlines_add_link_reads_right(admin_client, language, add_another):
    document = OutcomeDocumentFactory()
    admin_client.cookies["django_language"] = language
    html = admin_client.get(f"/admin/forum/outcomedocument/{document.pk}/change/").content.decode()
    # The inline's settings, as JSON (non-ASCII escaped) in an HTML attribute.
    assert html_lib.escape(json.dumps({"addText": add_another})[1:-1], quote=True) in html


@pytest.mark.django_db
def test_the_newsletters_send_page_has_the_admins_breadcrumbs(admin_client):
    newsletter = NewsletterFactory()
    admin_client.cookies["django_language"] = "ru"
    html = admin_client.get(f"/admin/news/newsletter/{newsletter.pk}/send/").content.decode()
    crumbs = html[html.index('<ol class="breadcrumbs">') : html.index("</ol>")]
    assert [re.sub(r"<[^>]+>|\s+", " ", item).strip() for item in re.findall(r"<li[^>]*>(.*?)</li>", crumbs, re.S)] == [
        "Начало",
        "Новости",
        "Рассылки",
        str(newsletter),
        "Отправить",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "add", "count", "wrong"),
    [
        ("ru", "Добавить спикера", "В списке: 0", "0 спикеры"),
        ("ky", "Баяндамачы кошуу", "Тизмеде: 0", "0 баяндамачылар"),
    ],
)
def test_a_changelists_add_link_and_count_read_right(admin_client, language, add, count, wrong):
    admin_client.cookies["django_language"] = language
    html = admin_client.get("/admin/forum/person/").content.decode()
    assert re.search(r'class="addlink">\s*' + add + r"\s*</a>", html)
    assert count in html
    assert wrong not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "recover", "headers"),
    [
        ("ru", "Восстановить удалённые: сообщения о ходе выполнения", ["Дата", "Нумерованный пункт", "Статус"]),
        ("ky", "Өчүрүлгөндөрдү калыбына келтирүү: аткарылыш жөнүндө маалыматтар", ["Датасы", "Номерленген пункт"]),
    ],
)
def test_the_progress_updates_list_reads_right(admin_client, language, recover, headers):
    ProgressUpdateFactory()
    admin_client.cookies["django_language"] = language
    html = admin_client.get("/admin/forum/progressupdate/").content.decode()
    assert recover in html
    start = html.index('<table id="result_list">')
    head = html[start : html.index("</thead>", start)]
    shown = [
        re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", head, re.S)
    ]
    assert shown[1 : 1 + len(headers)] == headers
    # Four columns and the languages: demonstration data and the first publication are filters.
    assert len([cell for cell in shown if cell]) == 5


@pytest.mark.django_db
def test_the_date_filter_is_spelt_right_in_kyrgyz(admin_client):
    admin_client.cookies["django_language"] = "ky"
    html = admin_client.get("/admin/forum/arrival/").content.decode()
    assert "Каалаган күн" in html
    assert "Кааалаган" not in html


@pytest.mark.django_db
def test_the_export_page_has_the_admins_breadcrumbs(admin_client):
    admin_client.cookies["django_language"] = "ky"
    html = admin_client.get("/admin/forum/registration/export-list/").content.decode()
    crumbs = html[html.index('<ol class="breadcrumbs">') : html.index("</ol>")]
    items = [
        " ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in re.findall(r"<li[^>]*>(.*?)</li>", crumbs, re.S)
    ]
    assert items == ["Башкы бет", "Форум", "Каттоолор", "Каттоолорду экспорттоо"]


@pytest.mark.django_db
def test_reversions_pages_in_kyrgyz_with_the_admins_breadcrumb_bar(admin_client):
    """django-reversion has no Kyrgyz catalogue, and its div breadcrumbs get the bar from
    static/css/admin-site.css (linked on every admin page)."""
    document = OutcomeDocumentFactory()
    admin_client.cookies["django_language"] = "ky"
    recover = admin_client.get("/admin/forum/progressupdate/recover/").content.decode()
    assert "Өчүрүлгөндөрдү калыбына келтирүү: аткарылыш жөнүндө маалыматтар" in recover
    assert "Калыбына келтире турган өчүрүлгөн объекттер жок." in recover
    assert '<div class="breadcrumbs">' in recover
    assert "css/admin-site" in recover
    history = admin_client.get(f"/admin/forum/outcomedocument/{document.pk}/history/").content.decode()
    assert "Өзгөртүүлөрдүн тарыхы: Жыйынтык документ" in history
    assert "тарыхын өзгөртүү" not in history


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "search", "first"),
    [("ky", "Издөө", "Биринчи орунга жылдыруу"), ("ru", "Поиск", "Переместить в начало")],
)
def test_the_search_icon_and_the_sort_buttons_are_named_in_the_admins_language(admin_client, language, search, first):
    """Screen readers name the search box by its icon's text, which Django writes in English; the
    sortable inlines' buttons have titles."""
    document = OutcomeDocumentFactory()
    SectionFactory(document=document)
    admin_client.cookies["django_language"] = language
    changelist = admin_client.get("/admin/forum/registration/").content.decode()
    assert f'alt="{search}"' in changelist
    assert 'alt="Search"' not in changelist
    change = admin_client.get(f"/admin/forum/outcomedocument/{document.pk}/change/").content.decode()
    assert f'title="{first}"' in change
    assert "Move to first position" not in change


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "delete", "wrong"),
    [
        ("ky", "Тандалгандарды өчүрүү (баяндамачылар)", "баяндамачылар элементтерин"),
        ("ru", "Удалить выбранные (спикеры)", "выбранные спикеры"),
    ],
)
def test_the_delete_action_reads_right_for_every_model(admin_client, language, delete, wrong):
    Person.objects.create(name_ky="Айгүл", name_ru="Айгуль", name_en="Aigul")  # actions show for a list with rows
    admin_client.cookies["django_language"] = language
    html = admin_client.get("/admin/forum/person/").content.decode()
    assert f">{delete}</option>" in html
    assert wrong not in html
