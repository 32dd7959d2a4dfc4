"""Every write of the news app: articles, comments, subscriptions and newsletters."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from mekendeshter.core import pagecache
from mekendeshter.core.emails import normalise_email
from mekendeshter.core.sanitize import clean_html

from . import images, tasks
from .models import Article, Comment, CommentReport, Delivery, Newsletter, NewsSettings, Subscription

# --- Articles -------------------------------------------------------------------------------


def article_clean_fields(*, article):
    """Clean every language's body against the allow-list (also what the admin saves).

    Only the language fields are written: `article.body = …` would write the *active* language's
    field (modeltranslation), so saving from the Russian admin replaced the Russian text."""
    for code, _name in settings.LANGUAGES:
        field = build_localized_fieldname("body", code)
        setattr(article, field, clean_html(getattr(article, field) or ""))


@transaction.atomic
def article_save(*, article, cover_changed=False):
    """Save an article (HTML cleaned) and make its cover's thumbnails; a replaced or removed cover
    leaves storage once this is committed (news.models registers that with the core)."""
    article_clean_fields(article=article)
    article.full_clean()
    article.save()
    if cover_changed and article.cover:
        images.make_thumbnails(article.cover)
    return article


@transaction.atomic
def article_delete(*, article):
    article.delete()


# --- Comments -------------------------------------------------------------------------------

COMMENT_EDIT_WINDOW = datetime.timedelta(minutes=15)


def user_has_verified_email(user):
    """Who may comment: a signed-in user whose primary email is verified (allauth's record)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return EmailAddress.objects.filter(user=user, primary=True, verified=True).exists()


def _comment_status_for(*, user, editing=None):
    """Published at once only for someone with an approved comment; `editing` is the comment being
    rewritten: its own approval was for its old text and vouches for nothing new."""
    if NewsSettings.load().moderate_all_comments:
        return Comment.Status.PENDING
    approved = Comment.objects.filter(author=user, status=Comment.Status.PUBLISHED)
    if editing is not None:
        approved = approved.exclude(pk=editing.pk)
    if approved.exists():
        return Comment.Status.PUBLISHED
    return Comment.Status.PENDING


@transaction.atomic
def comment_create(*, article, author, body):
    if not user_has_verified_email(author):
        raise PermissionDenied("Only users with a verified email may comment.")
    if not article.comments_enabled:
        raise PermissionDenied("Comments are closed.")
    comment = Comment(article=article, author=author, body=body.strip(), status=_comment_status_for(user=author))
    comment.full_clean()
    comment.save()
    return comment


def comment_can_edit(*, comment, user, now=None):
    now = now or timezone.now()
    return (
        comment.author_id == getattr(user, "pk", None)
        and comment.status != Comment.Status.HIDDEN
        and now - comment.created_at <= COMMENT_EDIT_WINDOW
    )


@transaction.atomic
def comment_update(*, comment, user, body):
    if not comment_can_edit(comment=comment, user=user):
        raise PermissionDenied("The comment can no longer be edited.")
    comment.body = body.strip()
    comment.edited_at = timezone.now()
    # An edit is moderated like a new comment: otherwise an approved comment could be rewritten
    # into anything and stay published.
    comment.status = _comment_status_for(user=user, editing=comment)
    comment.full_clean()
    comment.save(update_fields=["body", "edited_at", "status"])
    return comment


@transaction.atomic
def comment_delete(*, comment, user):
    if comment.author_id != getattr(user, "pk", None):
        raise PermissionDenied("Only the author deletes a comment.")
    comment.delete()


@transaction.atomic
def comment_report(*, comment, reporter):
    """Record a report once per reader; returns True if it was new."""
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, reporter=reporter)
    except IntegrityError:
        return False
    Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
    return True


def comment_set_status(*, queryset, status):
    count = queryset.update(status=status)
    # An update() sends no signal: an approved comment must show at once, a hidden one leave at
    # once, on kept pages and in the kept comment lists (news.views).
    pagecache.bump_version()
    return count


# --- Subscriptions --------------------------------------------------------------------------

CONFIRM_SALT = "news.subscription.confirm"


def subscription_confirm_token(*, email, language, news, announcements, recommendations=False):
    return signing.dumps(
        {"e": email, "l": language, "n": news, "a": announcements, "r": recommendations},
        salt=CONFIRM_SALT,
        compress=True,
    )


def subscription_request(*, email, language, news=True, announcements=True, recommendations=False):
    """Ask the address to confirm; the same whether it is new, waiting or already subscribed.
    The subscription is created (or updated) only by the confirmation link."""
    email = normalise_email(email)
    if not (news or announcements or recommendations):
        raise ValidationError(_("Choose at least one topic."))
    # One confirmation mail per address and interval, whoever asks: nobody can flood an inbox.
    if not cache.add(f"subscribe:{email}", 1, timeout=settings.SUBSCRIPTION_RESEND_SECONDS):
        return
    token = subscription_confirm_token(
        email=email, language=language, news=news, announcements=announcements, recommendations=recommendations
    )
    transaction.on_commit(lambda: tasks.send_subscription_confirmation.delay(email, language, token))


class ConfirmationInvalid(Exception):
    pass


def subscription_confirm(*, token):
    """Create or update the subscription a confirmation link stands for; twice is harmless."""
    max_age = datetime.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ConfirmationInvalid("expired") from error
    except signing.BadSignature as error:
        raise ConfirmationInvalid("bad") from error
    try:
        # Links mailed before addresses were normalised carry the address as it was typed.
        email = normalise_email(data["e"])
    except ValidationError as error:
        raise ConfirmationInvalid("bad") from error
    fields = {
        "language": data["l"],
        "news": bool(data["n"]),
        "announcements": bool(data["a"]),
        # Links mailed before the topic existed carry no "r".
        "recommendations": bool(data.get("r")),
        "status": Subscription.Status.CONFIRMED,
    }
    for _attempt in range(3):
        try:
            with transaction.atomic():
                subscription = Subscription.objects.select_for_update().filter(email__iexact=email).first()
                if subscription is None:
                    subscription = Subscription(email=email, confirmed_at=timezone.now(), **fields)
                    subscription.full_clean(validate_constraints=False)
                    subscription.save()
                else:
                    for name, value in fields.items():
                        setattr(subscription, name, value)
                    subscription.confirmed_at = subscription.confirmed_at or timezone.now()
                    subscription.unsubscribed_at = None
                    subscription.save()
                return subscription
        except IntegrityError:
            # The same address confirmed at the same moment elsewhere: update that row instead.
            continue
    raise ConfirmationInvalid("conflict")


@transaction.atomic
def subscription_unsubscribe(*, token):
    subscription = Subscription.objects.select_for_update().filter(token=token).first()
    if subscription is None:
        return None
    if subscription.status != Subscription.Status.UNSUBSCRIBED:
        subscription.status = Subscription.Status.UNSUBSCRIBED
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["status", "unsubscribed_at"])
    return subscription


# --- Newsletters ----------------------------------------------------------------------------


def newsletter_recipients(*, newsletter):
    subscriptions = Subscription.objects.confirmed()
    if newsletter.topic == Newsletter.Topic.ANNOUNCEMENTS:
        return subscriptions.filter(announcements=True)
    if newsletter.topic == Newsletter.Topic.RECOMMENDATIONS:
        return subscriptions.filter(recommendations=True)
    return subscriptions.filter(news=True)


def newsletter_recipients_by_language(*, newsletter):
    """[(code, name, recipients, missing)] for every language: how many subscribers read it, and
    whether the newsletter lacks its subject (or its text, when another language has one)."""
    counts = dict(
        newsletter_recipients(newsletter=newsletter).order_by().values_list("language").annotate(count=Count("pk"))
    )
    has_body = any(getattr(newsletter, f"body_{code}") for code, _name in settings.LANGUAGES)
    rows = []
    for code, name in settings.LANGUAGES:
        missing = not getattr(newsletter, f"subject_{code}") or (has_body and not getattr(newsletter, f"body_{code}"))
        rows.append((code, name, counts.get(code, 0), missing))
    return rows


# The same rule as newsletter_recipients, seen from a delivery: checked again just before each
# letter, because a send takes a while and people unsubscribe (or drop a topic) meanwhile.
STILL_SUBSCRIBED = Q(subscription__status=Subscription.Status.CONFIRMED) & (
    Q(newsletter__topic=Newsletter.Topic.ANNOUNCEMENTS, subscription__announcements=True)
    | Q(newsletter__topic=Newsletter.Topic.RECOMMENDATIONS, subscription__recommendations=True)
    | (
        ~Q(newsletter__topic__in=[Newsletter.Topic.ANNOUNCEMENTS, Newsletter.Topic.RECOMMENDATIONS])
        & Q(subscription__news=True)
    )
)


def newsletter_send_test(*, newsletter, email, language):
    transaction.on_commit(lambda: tasks.send_newsletter_test.delay(newsletter.pk, email, language))


@transaction.atomic
def newsletter_send(*, newsletter):
    """Freeze the recipients (one delivery row each) and hand the batches to the workers."""
    newsletter = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
    if newsletter.status != Newsletter.Status.DRAFT:
        raise ValidationError(_("This newsletter has already been sent."))
    # A subscriber would get another language's text under a footer in their own: refuse.
    missing = [
        str(name)
        for _code, name, count, gap in newsletter_recipients_by_language(newsletter=newsletter)
        if gap and count
    ]
    if missing:
        raise ValidationError(
            _("Write the subject and text in every language that subscribers read first. Missing: %(languages)s.")
            % {"languages": ", ".join(missing)}
        )
    Delivery.objects.bulk_create(
        [
            Delivery(newsletter=newsletter, subscription_id=pk)
            for pk in newsletter_recipients(newsletter=newsletter).values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    newsletter.status = Newsletter.Status.SENDING
    newsletter.started_at = timezone.now()
    newsletter.total = newsletter.deliveries.count()
    newsletter.save(update_fields=["status", "started_at", "total"])
    transaction.on_commit(lambda: newsletter_resume(newsletter=newsletter))
    return newsletter


@transaction.atomic
def newsletter_announce(*, topic, subjects, bodies, article_ids=()):
    """A newsletter the site writes itself (a recommendation's progress, ...), sent at once to the
    topic's subscribers, each in their language. `subjects` and `bodies` map every language code
    to its text; only published articles are attached."""
    newsletter = Newsletter(
        topic=topic,
        **{build_localized_fieldname("subject", code): subjects[code][:200] for code, _name in settings.LANGUAGES},
        **{build_localized_fieldname("body", code): bodies[code] for code, _name in settings.LANGUAGES},
    )
    newsletter.full_clean()
    newsletter.save()
    newsletter.articles.set(Article.objects.published().filter(pk__in=article_ids))
    return newsletter_send(newsletter=newsletter)


def newsletter_resume(*, newsletter):
    """Queue a task for every batch of deliveries still waiting. Safe to repeat: a delivery is
    claimed by exactly one task, so a batch queued twice sends nothing twice."""
    pending = list(
        newsletter.deliveries.filter(status=Delivery.Status.PENDING).order_by("pk").values_list("pk", flat=True)
    )
    size = settings.NEWSLETTER_BATCH_SIZE
    for start in range(0, len(pending), size):
        tasks.send_newsletter_batch.delay(newsletter.pk, pending[start : start + size])
    if not pending:
        newsletter_finish_if_done(newsletter_id=newsletter.pk)
    return len(pending)


def newsletter_finish_if_done(*, newsletter_id):
    open_statuses = [Delivery.Status.PENDING, Delivery.Status.SENDING]
    if not Delivery.objects.filter(newsletter_id=newsletter_id, status__in=open_statuses).exists():
        Newsletter.objects.filter(pk=newsletter_id, status=Newsletter.Status.SENDING).update(
            status=Newsletter.Status.SENT, finished_at=timezone.now()
        )


@transaction.atomic
def delivery_claim(*, delivery_id):
    """pending → sending, in one UPDATE that also checks the person is still subscribed to the
    newsletter's topic: True for exactly one caller. A letter to someone who unsubscribed since
    the send began is dropped (and no longer counts in the newsletter's total)."""
    pending = Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.PENDING)
    if pending.filter(STILL_SUBSCRIBED).update(
        status=Delivery.Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    ):
        return True
    newsletter_ids = list(pending.values_list("newsletter_id", flat=True))
    dropped, _detail = pending.exclude(STILL_SUBSCRIBED).delete()
    if dropped:
        Newsletter.objects.filter(pk__in=newsletter_ids).update(total=F("total") - dropped)
    return False


def delivery_mark_sent(*, delivery_id):
    Delivery.objects.filter(pk=delivery_id).update(status=Delivery.Status.SENT, sent_at=timezone.now(), error="")


def delivery_release(*, delivery_id, error, give_up):
    """After a failed attempt: back to waiting for a retry, or failed for good."""
    status = Delivery.Status.FAILED if give_up else Delivery.Status.PENDING
    Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.SENDING).update(status=status, error=error[:500])


STALE_CLAIM = datetime.timedelta(minutes=10)


def newsletter_recover(*, newsletter):
    """Staff resume a send that stopped (its worker died): letters claimed long ago count as
    failed (they may have gone out; never sent twice), and every letter still waiting is queued
    again. Returns how many were queued; a newsletter that is not being sent is left alone.
    (No transaction around it: the queued tasks must see the failed letters at once.)"""
    if not Newsletter.objects.filter(pk=newsletter.pk, status=Newsletter.Status.SENDING).exists():
        return 0
    newsletter_abandon_in_flight(newsletter=newsletter, older_than=STALE_CLAIM)
    return newsletter_resume(newsletter=newsletter)


def newsletter_abandon_in_flight(*, newsletter, older_than=None):
    """After a worker was killed hard: deliveries left in flight may or may not have gone out.
    At-most-once: they are marked failed, never sent again automatically. `older_than` spares
    claims so recent that a live worker may still be sending them."""
    in_flight = newsletter.deliveries.filter(status=Delivery.Status.SENDING)
    if older_than is not None:
        in_flight = in_flight.filter(claimed_at__lt=timezone.now() - older_than)
    count = in_flight.update(status=Delivery.Status.FAILED, error="in flight when the worker stopped; not resent")
    newsletter_finish_if_done(newsletter_id=newsletter.pk)
    return count
