"""Every rate-limited page answers the same way past its limit: 429 with Retry-After, a translated
message and nothing stored; a form comes back with what the person typed."""

import pytest
from django.core import mail

from forum.models import ContactRequest, OutcomeDocument, Proposal, Registration
from news.models import Comment, CommentReport
from tests.factories import ArticleFactory, CommentFactory, ItemFactory, OpenEditionFactory, UserFactory

pytestmark = pytest.mark.django_db

# With a period of one minute, the wait is always "1 minute".
MESSAGE = {
    "ky": "Сиздин тармактан өтө көп аракет жасалды. 1 мүнөттөн кийин кайра аракет кылыңыз.",
    "ru": "Слишком много попыток с вашего подключения. Попробуйте ещё раз через 1 минуту.",
}


def typed(n):
    return f"Текст {n}: жазылганы сакталат"


# Each scenario returns attempt(language, n) -> (response, text typed into the form or None), and
# stored() -> how many of its writes the database (or the outbox) holds. Every attempt is new work
# (another person, another text), so that only the limit stops the second one.


def contact(client, verified_user):
    def attempt(language, n):
        data = {"name": typed(n), "email": "a@example.org", "message": "Кийинки форум жөнүндө суроо."}
        return client.post(f"/{language}/contact/", data), typed(n)

    return attempt, ContactRequest.objects.count


def register(client, verified_user):
    edition = OpenEditionFactory()

    def attempt(language, n):
        client.force_login(UserFactory())
        data = {"first_name": typed(n), "last_name": "Асанова", "country": "DE", "city": "Berlin"}
        data |= {"phone": "+49 30 1234567", "accompanying_persons": "0", "privacy_consent": "on"}
        return client.post(f"/{language}/forum/{edition.year}/register/", data), typed(n)

    return attempt, Registration.objects.count


def propose(client, verified_user):
    item = ItemFactory(section__document__status=OutcomeDocument.Status.OPEN)
    url = f"/forum/{item.section.document.edition.year}/outcome/propose/"

    def attempt(language, n):
        client.force_login(UserFactory())
        data = {"target": f"item-{item.pk}", "text": typed(n), "reason": "Себеби бар."}
        return client.post(f"/{language}{url}", data), typed(n)

    return attempt, Proposal.objects.count


def comment(client, verified_user):
    article = ArticleFactory()

    def attempt(language, n):
        client.force_login(verified_user)
        return client.post(f"/{language}/news/{article.slug}/comments/", {"body": typed(n)}), typed(n)

    return attempt, Comment.objects.count


def comment_report(client, verified_user):
    def attempt(language, n):
        target = CommentFactory()
        client.force_login(verified_user)
        return client.post(f"/{language}/news/{target.article.slug}/comments/{target.pk}/report/"), None

    return attempt, CommentReport.objects.count


def subscribe(client, verified_user):
    def attempt(language, n):
        email = f"reader{n}@example.org"
        return client.post(f"/{language}/subscribe/", {"email": email, "language": language, "news": "on"}), email

    return attempt, lambda: len(mail.outbox)


def directory(client, verified_user):
    def attempt(language, n):
        return client.get(f"/{language}/directory/", {"q": typed(n)}), None

    return attempt, None


def search(client, verified_user):
    def attempt(language, n):
        return client.get(f"/{language}/search/", {"q": typed(n)}), typed(n)

    return attempt, None


SCENARIOS = {
    "contact": contact,
    "register": register,
    "propose": propose,
    "comment": comment,
    "comment-report": comment_report,
    "subscribe": subscribe,
    "directory": directory,
    "search": search,
}


def test_every_limit_is_tested(settings):
    assert set(SCENARIOS) == set(settings.RATE_LIMITS)


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("scope", SCENARIOS)
def test_past_the_limit_the_answer_is_429_with_retry_after_and_a_translated_message(
    client, settings, verified_user, django_capture_on_commit_callbacks, scope, language
):
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, (1, 60))
    attempt, stored = SCENARIOS[scope](client, verified_user)
    with django_capture_on_commit_callbacks(execute=True):
        first, _text = attempt(language, 1)
    assert first.status_code in (200, 302)
    assert stored is None or stored() == 1
    with django_capture_on_commit_callbacks(execute=True):
        response, text = attempt(language, 2)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert MESSAGE[language] in html
    assert stored is None or stored() == 1
    if text is not None:
        assert text in html  # the form comes back as it was sent


def test_another_scope_is_counted_apart(client, settings, verified_user):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "contact": (1, 60)}
    attempt, _stored = contact(client, verified_user)
    assert attempt("ru", 1)[0].status_code == 302
    assert attempt("ru", 2)[0].status_code == 429
    assert client.get("/ru/directory/").status_code == 200
