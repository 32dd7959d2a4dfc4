"""The admin site as a whole: it knows the apps, so it is configured at the site level (the core
knows no app)."""

from django.contrib import admin
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext, pgettext_lazy

# The index opens with a dashboard (registrations, queues, the last newsletter): the template loads
# the site level's `dashboard` tags.
admin.site.index_template = "admin/dashboard.html"

# Apps in the order staff use them; the rest (accounts, sign-in, two-factor) after, alphabetically.
APP_ORDER = ["forum", "news", "diaspora"]
_app_list = admin.site.get_app_list


def _ordered_app_list(request, app_label=None):
    apps = _app_list(request, app_label)
    return sorted(apps, key=lambda app: APP_ORDER.index(app["app_label"]) if app["app_label"] in APP_ORDER else 99)


admin.site.get_app_list = _ordered_app_list


# The admin's titles put the model's name into a sentence ("Select %s to change", "Change %s"), in
# the nominative, which reads wrong in Russian ("Выберите регистрация для изменения") and in
# Kyrgyz. Each model staff see names its object as the verb governs it (the accusative in Russian
# and Kyrgyz), and templates/admin/change_list.html and change_form.html show these sentences
# instead (mekendeshter.templatetags.admin_titles). A test checks that every registered model has
# its entry.
TITLE_OBJECTS = {
    "auth.group": pgettext_lazy("admin title, accusative", "group"),
    "auth.user": pgettext_lazy("admin title, accusative", "user"),
    "account.emailaddress": pgettext_lazy("admin title, accusative", "email address"),
    "socialaccount.socialapp": pgettext_lazy("admin title, accusative", "social application"),
    "socialaccount.socialtoken": pgettext_lazy("admin title, accusative", "social application token"),
    "socialaccount.socialaccount": pgettext_lazy("admin title, accusative", "social account"),
    "mfa.authenticator": pgettext_lazy("admin title, accusative", "two-factor authentication method"),
    "core.failedletter": pgettext_lazy("admin title, accusative", "failed letter"),
    "forum.edition": pgettext_lazy("admin title, accusative", "forum edition"),
    "forum.venue": pgettext_lazy("admin title, accusative", "venue"),
    "forum.organisation": pgettext_lazy("admin title, accusative", "sponsor or partner"),
    "forum.person": pgettext_lazy("admin title, accusative", "speaker"),
    "forum.session": pgettext_lazy("admin title, accusative", "programme session"),
    "forum.album": pgettext_lazy("admin title, accusative", "photo album"),
    "forum.outcomedocument": pgettext_lazy("admin title, accusative", "outcome document"),
    "forum.section": pgettext_lazy("admin title, accusative", "section"),
    "forum.progressupdate": pgettext_lazy("admin title, accusative", "progress update"),
    "forum.page": pgettext_lazy("admin title, accusative", "page"),
    "forum.contactrequest": pgettext_lazy("admin title, accusative", "contact request"),
    "forum.registration": pgettext_lazy("admin title, accusative", "registration"),
    "forum.proposal": pgettext_lazy("admin title, accusative", "proposal"),
    "forum.arrival": pgettext_lazy("admin title, accusative", "arrival"),
    "news.article": pgettext_lazy("admin title, accusative", "article"),
    "news.comment": pgettext_lazy("admin title, accusative", "comment"),
    "news.newssettings": pgettext_lazy("admin title, accusative", "news settings"),
    "news.subscription": pgettext_lazy("admin title, accusative", "subscription"),
    "news.newsletter": pgettext_lazy("admin title, accusative", "newsletter"),
    "diaspora.association": pgettext_lazy("admin title, accusative", "diaspora association"),
    "diaspora.directoryentry": pgettext_lazy("admin title, accusative", "directory entry"),
}

# Django's titles (its own msgids, as its views build them) and ours (in a context of their own:
# Django's catalogue has "Add %(name)s" for the index's links).
TITLES = [
    ("Select %s to change", pgettext_lazy("admin page title", "Select %(object)s to change")),
    ("Select %s to view", pgettext_lazy("admin page title", "Select %(object)s to view")),
    ("Select %s", pgettext_lazy("admin page title", "Select %(object)s")),
    ("Add %s", pgettext_lazy("admin page title", "Add %(object)s")),
    ("Change %s", pgettext_lazy("admin page title", "Change %(object)s")),
    ("View %s", pgettext_lazy("admin page title", "View %(object)s")),
]
# Languages where a new object, being indefinite, takes no case ending: Django's "Add %s" with the
# name as it is reads right there (Kyrgyz "Каттоо кошуу"; Russian wants "Добавить регистрацию").
ADD_TAKES_THE_NAME = {"ky", "en"}


def object_title(opts, title):
    """The title of a list or form page of the model `opts`, in our words when it is one of
    Django's sentences about that model; any other title (a custom page's) as it is."""
    obj = TITLE_OBJECTS.get(opts.label_lower)
    if obj is None or not title:
        return title
    for django_msgid, ours in TITLES:
        if title == gettext(django_msgid) % opts.verbose_name:
            if django_msgid == "Add %s" and get_language() in ADD_TAKES_THE_NAME:
                return capfirst(title)  # Django's Kyrgyz "%s кошуу" starts with the name
            return capfirst(ours % {"object": obj})
    return title
