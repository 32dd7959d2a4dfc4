"""Plain-text mail carries text as written; HTML mail escapes it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from forum import services as forum_services
from forum.tasks import send_registration_email
from news.letters import newsletter_message
from tests.factories import ArticleFactory, NewsletterFactory, RegistrationFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

NAME = "O'Brien & <Sons>"
ESCAPED = ("&#x27;", "&amp;", "&lt;", "&gt;", "&quot;")


def assert_raw(text):
    assert NAME in text
    assert not any(entity in text for entity in ESCAPED), text


def test_contact_request_mail_is_not_html_escaped(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        forum_services.contact_request_create(
            name=NAME, email="obrien@example.org", message=f'"Quoted" question from {NAME}', language="ru"
        )
    message = mail.outbox[0]
    assert_raw(message.subject)
    assert_raw(message.body)
    assert '"Quoted"' in message.body


def test_registration_mail_is_not_html_escaped():
    registration = RegistrationFactory(first_name=NAME, language="ru")
    send_registration_email(registration.pk, "confirmed")
    assert_raw(mail.outbox[0].body)


def test_newsletter_text_is_raw_and_its_html_escaped():
    article = ArticleFactory(title_ru=NAME, lead_ru=NAME)
    newsletter = NewsletterFactory(subject_ru=NAME, body_ru=NAME)
    newsletter.articles.add(article)
    message = newsletter_message(newsletter, SubscriptionFactory(language="ru"))
    assert_raw(message.subject)
    assert_raw(message.body)
    html = message.alternatives[0].content
    assert "<Sons>" not in html and "&lt;Sons&gt;" in html


def test_every_plain_text_mail_template_turns_autoescape_off():
    """Django escapes for HTML by default, whatever the file's extension."""
    templates = list(Path(settings.BASE_DIR, "templates").glob("**/email/*.txt"))
    assert len(templates) >= 8
    for path in templates:
        source = path.read_text()
        assert "{% autoescape off %}" in source.split("\n", 1)[0], path
        assert source.rstrip().endswith("{% endautoescape %}"), path
