"""The admin site as a whole: it knows the apps, so it is configured at the site level (the core
knows no app)."""

from django.contrib import admin

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
