"""What the site does when an app reports an event another app must act on. Connected in
`MekendeshterConfig.ready()`; only the site level may import several apps."""

from django.conf import settings
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from forum.models import ProgressUpdate
from forum.signals import progress_update_published
from mekendeshter.core.i18n import translated
from mekendeshter.core.letters import absolute_url
from news import services as news_services
from news.models import Newsletter


def progress_letter_texts(update):
    """{code: (subject, body)}: the letter about `update` in every language (with the same
    fallbacks as the pages for a text missing in one)."""
    item = update.item
    document = item.section.document
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            section_title = translated(item.section, "title")
            label = _("%(section)s, item %(number)s") % {"section": section_title, "number": item.number}
            status = update.get_status_display()
            subject = f"{label}: {status}"
            lines = [
                str(translated(document, "title")),
                f"{label}: {translated(item, 'text')}",
                "",
                _("Status: %(status)s (%(date)s)")
                % {"status": status, "date": date_format(update.date, "DATE_FORMAT")},
            ]
            responsible = translated(update, "responsible_body")
            if responsible:
                lines.append(_("Responsible: %(body)s") % {"body": responsible})
            if update.is_demo:
                lines.append(_("Demonstration data: not a real report."))
            lines += ["", str(translated(update, "text")), ""]
            lines.append(_("Progress on every item of the document:"))
            progress = reverse("forum:progress", kwargs={"year": document.edition.year})
            lines.append(absolute_url(f"{progress}#history-{item.anchor}"))
            texts[code] = (subject, "\n".join(lines))
    return texts


@receiver(progress_update_published)
def mail_progress_update(sender, update_id, **kwargs):
    """A letter to the subscribers of the topic, through the newsletter machinery (one delivery
    per subscriber, in their language, with their unsubscribe link)."""
    update = (
        ProgressUpdate.objects.published()
        .select_related("item__section__document__edition")
        .prefetch_related("evidence")
        .filter(pk=update_id)
        .first()
    )
    if update is None:  # unpublished or deleted before the letter was written
        return
    texts = progress_letter_texts(update)
    news_services.newsletter_announce(
        topic=Newsletter.Topic.RECOMMENDATIONS,
        subjects={code: subject for code, (subject, _body) in texts.items()},
        bodies={code: body for code, (_subject, body) in texts.items()},
        article_ids=[evidence.article_id for evidence in update.evidence.all() if evidence.article_id],
    )
