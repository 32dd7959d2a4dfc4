"""Progress on the recommendations: statuses on the outcome page, the progress page, its feeds,
the letter to subscribers of the topic, and who sees what."""

import datetime

import feedparser
import pytest
from django.core.exceptions import ValidationError
from reversion.models import Version

from forum import selectors, services
from forum.models import OutcomeDocument, ProgressEvidence, ProgressUpdate
from news.models import Article, Newsletter, Subscription
from tests.factories import (
    ArticleFactory,
    EditionFactory,
    ItemFactory,
    OutcomeDocumentFactory,
    ProgressUpdateFactory,
    SectionFactory,
    SubscriptionFactory,
)
from tests.utils import count_queries, squash

pytestmark = pytest.mark.django_db

STATUS = ProgressUpdate.Status

# The words a reader sees for each status, in each language.
LABELS = {
    "ky": {"implemented": "аткарылды", "in_progress": "аткарылууда", "not_started": "башталган жок"},
    "ru": {"implemented": "выполнено", "in_progress": "выполняется", "not_started": "не начато"},
    "en": {"implemented": "implemented", "in_progress": "in progress", "not_started": "not started"},
}


@pytest.fixture
def document():
    """A final document of 2016: recommendation 1 implemented after being started, 2 with a draft
    update only, 3 without any, 4 not started; and a background section nobody reports on."""
    document = OutcomeDocumentFactory(edition=EditionFactory(year=2016, number=3))
    SectionFactory(document=document, slug="background", order=0)
    section = SectionFactory(
        document=document,
        slug="recommendation",
        order=1,
        title_ky="Сунуштамалар",
        title_ru="Рекомендации",
        title_en="Recommendations",
    )
    items = {number: ItemFactory(section=section, number=number) for number in range(1, 5)}
    ProgressUpdateFactory(
        item=items[1],
        date=datetime.date(2017, 3, 1),
        status=STATUS.IN_PROGRESS,
        text_ky="Кеңеш түзүлдү.",
        text_ru="Совет создан.",
        text_en="The council was set up.",
    )
    ProgressUpdateFactory(
        item=items[1],
        date=datetime.date(2019, 6, 15),
        status=STATUS.IMPLEMENTED,
        text_ky="Кеңеш туруктуу иштейт.",
        text_ru="Совет работает постоянно.",
        text_en="The council works on a regular basis.",
        responsible_body_ky="Кыргыз Республикасынын Өкмөтү",
        responsible_body_ru="Правительство Кыргызской Республики",
        responsible_body_en="Government of the Kyrgyz Republic",
    )
    ProgressUpdateFactory(
        item=items[2],
        is_published=False,
        published_at=None,
        text_ky="ЖАШЫРУУН долбоор",
        text_ru="СКРЫТЫЙ черновик",
        text_en="SECRET draft",
    )
    ProgressUpdateFactory(item=items[4], date=datetime.date(2018, 1, 10), status=STATUS.NOT_STARTED)
    document.items = items
    return document


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_outcome_page_shows_each_items_current_status_in_words(client, document, language):
    html = squash(client.get(f"/{language}/forum/2016/outcome/").content.decode())
    status_word = {"ky": "Абалы:", "ru": "Статус:", "en": "Status:"}[language]
    date = {"ky": "2019-жылдын 15-июну", "ru": "15 июня 2019 г.", "en": "15 June 2019"}[language]
    labels = LABELS[language]
    assert (
        f'<p class="item-progress"> {status_word} '
        f'<a href="/{language}/forum/2016/outcome/progress/#history-recommendation-1"> '
        f'<span class="progress-status progress-status--implemented">{labels["implemented"]}</span> </a>, '
        f'<time datetime="2019-06-15">{date}</time>'
    ) in html
    assert f'<span class="progress-status progress-status--not_started">{labels["not_started"]}</span>' in html
    # One status per item with a published update; the draft of item 2 shows nothing.
    assert html.count('class="item-progress"') == 2
    assert labels["in_progress"] not in html
    assert f'<a href="/{language}/forum/2016/outcome/progress/">' in html


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_progress_page_counts_timeline_and_history(client, document, language):
    response = client.get(f"/{language}/forum/2016/outcome/progress/")
    assert response.status_code == 200
    html = squash(response.content.decode())
    labels = LABELS[language]
    heading = {
        "ky": "Сунуштамалардын аткарылышы",
        "ru": "Выполнение рекомендаций",
        "en": "Progress on the recommendations",
    }[language]
    assert f"<h1>{heading}</h1>" in html
    # Counts by current status: item 1 implemented (its later update), 4 not started, 2 and 3 without a published one.
    summary = html.split('<table class="progress-summary">', 1)[1].split("</table>", 1)[0]
    for status, count in (("not_started", 1), ("in_progress", 0), ("implemented", 1), ("not_pursued", 0)):
        row = summary.split(f'progress-status--{status}">', 1)[1].split("</tr>", 1)[0]
        assert f"<td>{count}</td>" in row, (status, row)
    assert f'progress-status--implemented">{labels["implemented"].capitalize()}</span>' in summary
    no_update = {"ky": "Маалымат азырынча жок", "ru": "Сообщений пока нет", "en": "No update yet"}[language]
    assert f'<th scope="row">{no_update}</th> <td>2</td>' in html
    # Items 2 and 3 have no published update: the history says so once, not under each of them.
    note = {
        "ky": "Учурдагы абалы көрсөтүлбөгөн пункт боюнча азырынча маалымат жок.",
        "ru": "По пунктам без текущего статуса сведений пока нет.",
        "en": "An item without a current status has had no update yet.",
    }[language]
    history_section = html.split('id="progress-history"', 1)[1]
    assert history_section.count(note) == 1
    assert f"{no_update}." not in html
    # The background section is not followed: only the four recommendations are counted.
    assert "history-background" not in html
    # The timeline: newest first, each naming its item.
    timeline = html.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
    published = ProgressUpdate.objects.filter(is_published=True).order_by("-date")
    assert [part.split('"', 1)[0] for part in timeline.split('<li id="update-')[1:]] == [
        str(pk) for pk in published.values_list("pk", flat=True)
    ]
    section = {"ky": "Сунуштамалар", "ru": "Рекомендации", "en": "Recommendations"}[language]
    item_word = {"ky": "1-пункт", "ru": "пункт 1", "en": "item 1"}[language]
    assert f'<a href="#history-recommendation-1"><span >{section}</span>, {item_word}</a>' in html
    # Item 1's history: both updates, newest first, in the page's language, with the responsible body.
    history = html.split('id="history-recommendation-1"', 1)[1].split('id="history-recommendation-2"', 1)[0]
    texts = {
        "ky": ("Кеңеш туруктуу иштейт.", "Кеңеш түзүлдү.", "Кыргыз Республикасынын Өкмөтү"),
        "ru": ("Совет работает постоянно.", "Совет создан.", "Правительство Кыргызской Республики"),
        "en": ("The council works on a regular basis.", "The council was set up.", "Government of the Kyrgyz Republic"),
    }[language]
    assert history.index(texts[0]) < history.index(texts[1])
    assert f"<span >{texts[2]}</span>" in history
    assert f'progress-status--in_progress">{labels["in_progress"]}</span>' in history
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert f'href="/{language}/forum/2016/outcome/progress/feed/atom/"' in html


@pytest.mark.parametrize("who", ["anonymous", "member", "staff"])
def test_unpublished_updates_never_reach_the_public_pages(client, document, verified_user, admin_user, who):
    if who == "member":
        client.force_login(verified_user)
    elif who == "staff":
        client.force_login(admin_user)
    for url in (
        "/en/forum/2016/outcome/",
        "/en/forum/2016/outcome/progress/",
        "/en/forum/2016/outcome/progress/feed/",
        "/en/forum/2016/outcome/progress/feed/atom/",
    ):
        content = client.get(url).content.decode()
        assert "SECRET draft" not in content, url
    history = client.get("/en/forum/2016/outcome/progress/").content.decode()
    assert "Current status:" not in history.split('id="history-recommendation-2"', 1)[1].split("</li>", 1)[0]


def test_staff_see_unpublished_updates_in_the_admin_only(admin_client, document):
    draft = ProgressUpdate.objects.get(is_published=False)
    changelist = admin_client.get("/admin/forum/progressupdate/?is_published__exact=0").content.decode()
    assert f"/admin/forum/progressupdate/{draft.pk}/change/" in changelist
    change = admin_client.get(f"/admin/forum/progressupdate/{draft.pk}/change/").content.decode()
    assert "SECRET draft" in change


def test_progress_page_exists_for_final_documents_only(client, document):
    for status in (OutcomeDocument.Status.DRAFT, OutcomeDocument.Status.OPEN):
        OutcomeDocument.objects.filter(pk=document.pk).update(status=status)
        assert client.get("/en/forum/2016/outcome/progress/").status_code == 404
        assert client.get("/en/forum/2016/outcome/progress/feed/").status_code == 404
    assert client.get("/en/forum/2030/outcome/progress/").status_code == 404


def test_progress_page_without_updates_says_so(client):
    ItemFactory(section=SectionFactory(document=OutcomeDocumentFactory(edition=EditionFactory(year=2014))))
    html = client.get("/ru/forum/2014/outcome/progress/").content.decode()
    assert "О ходе выполнения пока не сообщалось." in html


@pytest.mark.parametrize(("path", "version"), [("feed/", "rss20"), ("feed/atom/", "atom10")])
@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("ky", "Сунуштамалар, 1-пункт: аткарылды"),
        ("ru", "Рекомендации, пункт 1: выполнено"),
        ("en", "Recommendations, item 1: implemented"),
    ],
)
def test_feeds_are_valid_and_in_the_page_language(client, document, path, version, language, title):
    response = client.get(f"/{language}/forum/2016/outcome/progress/{path}")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    # Three published updates; the draft is not in the feed.
    assert len(feed.entries) == 3
    latest = ProgressUpdate.objects.get(status=STATUS.IMPLEMENTED)
    entry = next(entry for entry in feed.entries if entry.title == title)
    assert entry.link == f"http://testserver/{language}/forum/2016/outcome/progress/#update-{latest.pk}"
    assert getattr(latest, f"text_{language}") in entry.summary


def test_feed_escapes_and_falls_back(client, document):
    ProgressUpdateFactory(item=document.items[3], text_ky="", text_en="", text_ru="<script>alert(1)</script> Только")
    response = client.get("/ky/forum/2016/outcome/progress/feed/")
    assert b"<script>" not in response.content
    assert not feedparser.parse(response.content).bozo


def test_evidence_links_articles_only_while_published_and_outside_pages(client, document):
    update = ProgressUpdate.objects.get(status=STATUS.IMPLEMENTED)
    published = ArticleFactory(title_en="The council meets")
    draft = ArticleFactory(title_en="Unannounced plans", status=Article.Status.DRAFT)
    ProgressEvidence.objects.create(update=update, article=published, order=1)
    ProgressEvidence.objects.create(update=update, article=draft, order=2)
    ProgressEvidence.objects.create(
        update=update, url="https://example.org/decree", title_ky="Токтом", title_ru="Постановление", title_en="Decree"
    )
    html = squash(client.get("/en/forum/2016/outcome/progress/").content.decode())
    assert f'<a href="/en/news/{published.slug}/" >The council meets</a>' in html
    assert "Unannounced plans" not in html and draft.slug not in html
    assert '<a href="https://example.org/decree" rel="nofollow noopener" >Decree</a>' in html


def test_evidence_needs_exactly_one_target_and_a_web_address():
    update = ProgressUpdateFactory()
    for evidence in (
        ProgressEvidence(update=update),
        ProgressEvidence(update=update, article=ArticleFactory(), url="https://example.org/", title_en="x"),
        ProgressEvidence(update=update, url="javascript:alert(1)", title_en="x"),
        ProgressEvidence(update=update, url="https://example.org/"),
    ):
        with pytest.raises(ValidationError):
            evidence.full_clean()
    assert not ProgressEvidence.objects.exists()


def test_page_and_feed_queries_do_not_grow(client, document):
    urls = ["/en/forum/2016/outcome/", "/en/forum/2016/outcome/progress/", "/en/forum/2016/outcome/progress/feed/"]
    first = ProgressUpdate.objects.filter(is_published=True).first()
    ProgressEvidence.objects.create(update=first, article=ArticleFactory())
    few = [count_queries(client, url) for url in urls]
    section = document.items[1].section
    for number in range(5, 15):
        item = ItemFactory(section=section, number=number)
        for _ in range(3):
            update = ProgressUpdateFactory(item=item)
            ProgressEvidence.objects.create(update=update, article=ArticleFactory())
            ProgressEvidence.objects.create(update=update, url="https://example.org/", title_en="Report")
    many = [count_queries(client, url) for url in urls]
    assert many == few
    assert few[1] <= 10


def test_sitemap_lists_progress_pages_with_published_updates(client, document):
    OutcomeDocumentFactory(edition=EditionFactory(year=2014, number=2))
    xml = client.get("/sitemap.xml").content.decode()
    for language in ("ky", "ru", "en"):
        assert f"http://testserver/{language}/forum/2016/outcome/progress/" in xml
    assert "/forum/2014/outcome/progress/" not in xml


def test_progress_overview_selector_asks_news_once_about_the_evidence_articles(document):
    update = ProgressUpdate.objects.get(status=STATUS.IMPLEMENTED)
    shown, hidden = ArticleFactory(), ArticleFactory()
    for order, article in enumerate([shown, hidden]):
        ProgressEvidence.objects.create(update=update, article=article, order=order)
    asked = []

    def published_article_ids(*, ids):
        asked.append(ids)
        return {shown.pk}

    overview = selectors.progress_overview(document=document, published_article_ids=published_article_ids)
    assert asked == [{shown.pk, hidden.pk}]
    # The background section has no update, so it is not tracked; the draft is not an update.
    assert [(item.number, item.current.status if item.current else None) for item in overview["items"]] == [
        (1, STATUS.IMPLEMENTED),
        (2, None),
        (3, None),
        (4, STATUS.NOT_STARTED),
    ]
    assert [(status, count) for status, _, count in overview["summary"]] == [
        (STATUS.NOT_STARTED, 1),
        (STATUS.IN_PROGRESS, 0),
        (STATUS.IMPLEMENTED, 1),
        (STATUS.NOT_PURSUED, 0),
    ]
    assert overview["no_update_count"] == 2
    assert [(update.date.year, [e.article_id for e in update.links]) for update in overview["timeline"]] == [
        (2019, [shown.pk]),
        (2018, []),
        (2017, []),
    ]


def test_updates_by_item_selector_for_other_pages(document):
    updates = selectors.progress_update_list_for_items(items=[document.items[1], document.items[2]])
    assert [update.status for update in updates] == [STATUS.IMPLEMENTED, STATUS.IN_PROGRESS]


# --- Writing updates and the letter to subscribers -------------------------------------------


def _new_update(item, **fields):
    return ProgressUpdate(
        item=item,
        date=datetime.date(2020, 2, 2),
        status=STATUS.IMPLEMENTED,
        text_ky="Программа кабыл алынды.",
        text_ru="Программа принята.",
        text_en="The programme was adopted.",
        **fields,
    )


@pytest.fixture
def subscribers():
    return {
        "ky": SubscriptionFactory(language="ky", recommendations=True),
        "ru": SubscriptionFactory(language="ru", recommendations=True, news=False, announcements=False),
        "news only": SubscriptionFactory(language="en"),
        "pending": SubscriptionFactory(language="en", recommendations=True, status=Subscription.Status.PENDING),
    }


def test_first_publication_mails_the_topics_subscribers_each_in_their_language(
    document, subscribers, mailoutbox, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title_ru="Программа принята правительством")
    with django_capture_on_commit_callbacks(execute=True):
        update = services.progress_update_save(update=_new_update(document.items[3], is_published=True))
        ProgressEvidence.objects.create(update=update, article=article)
    assert sorted(message.to[0] for message in mailoutbox) == sorted([subscribers["ky"].email, subscribers["ru"].email])
    letters = {message.to[0]: message for message in mailoutbox}
    russian = letters[subscribers["ru"].email]
    assert russian.subject == "Рекомендации, пункт 3: выполнено"
    assert "Программа принята." in russian.body
    assert "Программа принята правительством" in russian.body
    assert "/ru/forum/2016/outcome/progress/" in russian.body
    assert f"/ru/subscribe/unsubscribe/{subscribers['ru'].token}/" in russian.body
    kyrgyz = letters[subscribers["ky"].email]
    assert kyrgyz.subject == "Сунуштамалар, 3-пункт: аткарылды"
    assert "Программа кабыл алынды." in kyrgyz.body
    newsletter = Newsletter.objects.get()
    assert newsletter.topic == Newsletter.Topic.RECOMMENDATIONS and newsletter.total == 2
    # Saving it again, or unpublishing and publishing again, mails nobody a second time.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.progress_update_save(update=update)
        update.is_published = False
        services.progress_update_save(update=update)
        update.is_published = True
        services.progress_update_save(update=update)
    assert mailoutbox == []
    assert Newsletter.objects.count() == 1


def test_a_draft_mails_nobody(document, subscribers, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        update = services.progress_update_save(update=_new_update(document.items[3]))
    assert update.published_at is None
    assert mailoutbox == []


def test_updates_only_for_items_of_a_final_document(subscribers, mailoutbox, django_capture_on_commit_callbacks):
    item = ItemFactory(section__document__status=OutcomeDocument.Status.OPEN)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.progress_update_save(update=_new_update(item, is_published=True))
    assert not ProgressUpdate.objects.exists()
    assert mailoutbox == []


def test_staff_publish_an_update_with_evidence_in_the_admin(
    admin_client, document, subscribers, mailoutbox, django_capture_on_commit_callbacks
):
    item = document.items[3]
    article = ArticleFactory()
    data = {
        "item": item.pk,
        "date": "2021-09-01",
        "status": "implemented",
        "text_ky": "Аткарылды.",
        "text_ru": "Выполнено.",
        "text_en": "Done.",
        "responsible_body_ky": "",
        "responsible_body_ru": "",
        "responsible_body_en": "",
        "is_published": "on",
        "evidence-TOTAL_FORMS": "2",
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "1000",
        "evidence-0-article": article.pk,
        "evidence-0-order": "1",
        "evidence-1-url": "https://example.org/report",
        "evidence-1-title_ky": "Отчет",
        "evidence-1-title_ru": "Отчёт",
        "evidence-1-title_en": "Report",
        "evidence-1-order": "2",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/forum/progressupdate/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    update = ProgressUpdate.objects.get(item=item)
    assert update.published_at is not None
    assert [(e.article_id, e.url) for e in update.evidence.all()] == [
        (article.pk, ""),
        (None, "https://example.org/report"),
    ]
    assert len(mailoutbox) == 2
    # History kept like the document's: one version, with its evidence.
    version = Version.objects.get_for_object(update).get()
    assert {v.content_type.model for v in version.revision.version_set.all()} == {"progressupdate", "progressevidence"}


def test_admin_refuses_an_update_without_every_language_and_bad_evidence(admin_client, document, mailoutbox):
    data = {
        "item": document.items[3].pk,
        "date": "2021-09-01",
        "status": "implemented",
        "text_ky": "Аткарылды.",
        "text_ru": "",
        "text_en": "Done.",
        "is_published": "on",
        "evidence-TOTAL_FORMS": "1",
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "1000",
        "evidence-0-url": "javascript:alert(1)",
        "evidence-0-title_en": "x",
        "evidence-0-order": "1",
    }
    response = admin_client.post("/admin/forum/progressupdate/add/", data)
    assert response.status_code == 200
    assert not ProgressUpdate.objects.filter(item=document.items[3]).exists()
    assert not ProgressEvidence.objects.exists()
    assert mailoutbox == []


def test_an_update_of_a_reopened_document_can_still_be_unpublished(document):
    update = ProgressUpdate.objects.get(status=STATUS.IMPLEMENTED)
    OutcomeDocument.objects.filter(pk=document.pk).update(status=OutcomeDocument.Status.OPEN)
    update.is_published = False
    services.progress_update_save(update=update)
    assert not ProgressUpdate.objects.get(pk=update.pk).is_published
    # Moving it to another item of that document is refused.
    update.item = document.items[3]
    with pytest.raises(ValidationError):
        services.progress_update_save(update=update)


def test_a_failing_letter_does_not_undo_the_update(
    document, subscribers, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(**kwargs):
        raise RuntimeError("the mail queue is down")

    monkeypatch.setattr("news.services.newsletter_announce", broken)
    with django_capture_on_commit_callbacks(execute=True):
        update = services.progress_update_save(update=_new_update(document.items[3], is_published=True))
    assert ProgressUpdate.objects.get(pk=update.pk).published_at is not None
    assert not Newsletter.objects.exists()
