from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from mekendeshter.core import fragments, pagecache, ratelimit
from mekendeshter.core.lists import list_page

from . import selectors, services
from .forms import ArticleFilterForm, CommentForm, SubscriptionForm
from .models import Comment

ARTICLES_PER_PAGE = 8


def article_list(request):
    # The list is the same for everyone who asks with the same query string: kept per language
    # and content version (a new or edited article bumps it).
    articles_html = fragments.fragment(
        request, f"news-list:{fragments.query_key(request)}", "news/_article_list.html", lambda: _article_list(request)
    )
    return render(request, "news/article_list.html", {"articles_html": articles_html})


def _article_list(request):
    editions = list(selectors.edition_filter_choices())
    form = ArticleFilterForm(request.GET or None, editions=editions)
    articles = list_page(
        request,
        lambda filters: selectors.article_list(category=filters.get("category"), edition_year=filters.get("edition")),
        per_page=ARTICLES_PER_PAGE,
        form=form,
    )
    page = articles.page
    return {"page": page, "articles": page.object_list, "filter_form": form, "filter_query": articles.query}


def _login_url(next_url):
    return f"{reverse('account_login')}?{urlencode({'next': next_url})}"


def _article_context(request, article, comment_form=None):
    """The article page: the article, related ones, and the comments with the form to add one
    (`comment_form` is the one just submitted, shown again with its errors)."""
    can_comment = services.user_has_verified_email(request.user)
    return {
        "article": article,
        # The article's text and its related articles are the same for every visitor: kept per
        # language and content version (rich text cleaned again, the related articles' query).
        "article_text": fragments.fragment(
            request, f"article-text:{article.pk}", "news/_article_text.html", lambda: {"article": article}
        ),
        # The same for every visitor: kept per language and content version (its query is the
        # page's dearest).
        "related": fragments.fragment(
            request,
            f"article-related:{article.pk}",
            "news/_related.html",
            lambda: {"related": selectors.article_related(article=article)},
        ),
        "share_url": request.build_absolute_uri(article.get_absolute_url()),
        **_comments(request, article),
        "comment_form": (comment_form or CommentForm()) if can_comment and article.comments_enabled else None,
        "can_comment": can_comment,
        "login_url": _login_url(article.get_absolute_url() + "#comments"),
    }


def _comments(request, article):
    """The comment list: for an anonymous visitor the same for everyone, kept per article,
    language and content version (a comment saved, approved or hidden bumps it); a signed-in
    visitor sees their own pending comments and actions, so theirs is rendered for them."""
    if request.user.is_authenticated:
        return {"comments": selectors.comment_list(article=article, user=request.user)}
    html = fragments.fragment(
        request,
        f"article-comments:{article.pk}",
        "news/_comment_list.html",
        lambda: {"comments": selectors.comment_list(article=article), "article": article},
    )
    return {"comments_html": html}


def article_detail(request, slug):
    # Read before the row: a row read first could be kept under a version bumped after it.
    version = pagecache.content_version(request)
    article = selectors.article_for_page(slug=slug, version=version)
    if article is None:
        raise Http404
    return render(request, "news/article_detail.html", _article_context(request, article))


@require_POST
def comment_create(request, slug):
    article = get_object_or_404(selectors.article_queryset(), slug=slug)
    if not services.user_has_verified_email(request.user) or not article.comments_enabled:
        raise PermissionDenied
    form = CommentForm(request.POST)
    over_limit = not ratelimit.form_allowed(request, "comment", form)
    if not over_limit and form.is_valid():
        comment = services.comment_create(article=article, author=request.user, body=form.cleaned_data["body"])
        if comment.status == Comment.Status.PENDING:
            messages.info(request, _("Thank you! Your comment will appear after a moderator approves it."))
        else:
            messages.success(request, _("Your comment is published."))
        return redirect(comment.get_absolute_url())
    response = render(request, "news/article_detail.html", _article_context(request, article, form))
    return ratelimit.limited(response, "comment") if over_limit else response


def _own_comment(request, slug, pk):
    article = get_object_or_404(selectors.article_queryset(), slug=slug)
    comment = get_object_or_404(selectors.comment_queryset(), article=article, pk=pk)
    if not request.user.is_authenticated or comment.author_id != request.user.pk:
        raise Http404
    return comment


def comment_edit(request, slug, pk):
    comment = _own_comment(request, slug, pk)
    if not services.comment_can_edit(comment=comment, user=request.user):
        messages.error(request, _("A comment can be edited for 15 minutes after it was written."))
        return redirect(comment.get_absolute_url())
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        comment = services.comment_update(comment=comment, user=request.user, body=form.cleaned_data["body"])
        if comment.status == Comment.Status.PENDING:
            messages.info(request, _("Your comment is saved. It will appear after a moderator approves it."))
        else:
            messages.success(request, _("Your comment is saved."))
        return redirect(comment.get_absolute_url())
    return render(request, "news/comment_edit.html", {"comment": comment, "form": form})


def comment_delete(request, slug, pk):
    comment = _own_comment(request, slug, pk)
    if request.method == "POST":
        services.comment_delete(comment=comment, user=request.user)
        messages.success(request, _("Your comment is deleted."))
        return redirect(comment.article.get_absolute_url() + "#comments")
    return render(request, "news/comment_delete.html", {"comment": comment})


@require_POST
@ratelimit.rate_limited("comment-report")
def comment_report(request, slug, pk):
    article = get_object_or_404(selectors.article_queryset(), slug=slug)
    comment = get_object_or_404(selectors.comment_queryset(), article=article, pk=pk)
    if not request.user.is_authenticated or comment.status != Comment.Status.PUBLISHED:
        raise Http404
    services.comment_report(comment=comment, reporter=request.user)
    messages.info(request, _("Thank you. A moderator will look at this comment."))
    return redirect(comment.get_absolute_url())


# --- Subscriptions --------------------------------------------------------------------------


def subscribe(request):
    # The home page's small form sends the address here by GET, to be confirmed with the topics.
    initial = {"language": get_language(), "email": request.GET.get("email", "")[:254]}
    # The progress page's link asks for this topic (`?topic=recommendations`).
    if request.GET.get("topic") == "recommendations":
        initial.update(recommendations=True, news=False, announcements=False)
    form = SubscriptionForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not ratelimit.form_allowed(request, "subscribe", form):
            return ratelimit.limited(render(request, "news/subscribe.html", {"form": form}), "subscribe")
        if form.is_valid():
            if not form.is_spam:
                data = form.cleaned_data
                services.subscription_request(
                    email=data["email"],
                    language=data["language"],
                    news=data["news"],
                    announcements=data["announcements"],
                    recommendations=data["recommendations"],
                )
            # The same answer for every address: nobody learns who is subscribed.
            return redirect("subscribe:sent")
    return render(request, "news/subscribe.html", {"form": form})


def subscribe_sent(request):
    return render(request, "news/subscribe_sent.html")


def subscribe_confirm(request, token):
    if request.method == "POST":
        try:
            subscription = services.subscription_confirm(token=token)
        except services.ConfirmationInvalid:
            return render(request, "news/subscribe_invalid.html", status=400)
        return render(request, "news/subscribe_confirmed.html", {"subscription": subscription})
    return render(request, "news/subscribe_confirm.html", {"token": token})


@csrf_exempt  # RFC 8058: mail programs POST here with no cookie and no form of ours.
def unsubscribe(request, token):
    if request.method == "POST":
        subscription = services.subscription_unsubscribe(token=token)
        if subscription is None:
            raise Http404
        return render(request, "news/unsubscribed.html", {"subscription": subscription})
    return render(request, "news/unsubscribe.html", {"token": token})
