"""The letters of the news app, composed here and sent by its tasks (news.tasks) or shown by the
admin's preview: each in the reader's language, with links to the public site."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mekendeshter.core.letters import absolute_url


def _render(template, context):
    return render_to_string(template, context).strip()


def _unsubscribe_headers(url):
    # RFC 8058: mail programs POST to this URL to unsubscribe with one click.
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def subscription_confirmation_message(email, language, token):
    """The letter asking a new subscriber to confirm their address."""
    with translation.override(language):
        url = absolute_url(reverse("subscribe:confirm", kwargs={"token": token}))
        context = {"confirm_url": url, "days": settings.SUBSCRIPTION_CONFIRM_DAYS}
        subject = " ".join(_render("news/email/confirm_subject.txt", context).split())
        body = _render("news/email/confirm.txt", context)
    return EmailMultiAlternatives(subject=subject, body=body, to=[email])


def newsletter_message(newsletter, subscription):
    """The newsletter as this subscriber gets it: in their language, with their unsubscribe link."""
    with translation.override(subscription.language):
        unsubscribe_url = absolute_url(subscription.get_unsubscribe_url())
        context = {
            "newsletter": newsletter,
            "articles": [
                {"article": article, "url": absolute_url(article.get_absolute_url())}
                for article in newsletter.articles.all()
            ],
            "unsubscribe_url": unsubscribe_url,
            "site_url": absolute_url(reverse("home")),
        }
        subject = " ".join(_render("news/email/newsletter_subject.txt", context).split())
        body = _render("news/email/newsletter.txt", context)
        html = _render("news/email/newsletter.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=body, to=[subscription.email], headers=_unsubscribe_headers(unsubscribe_url)
    )
    message.attach_alternative(html, "text/html")
    return message
